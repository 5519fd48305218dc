-- OZPS (annual assessment), the common reference sets of the tables, built ONCE per run into temporary tables (dropped
-- at commit) that every table's statement and the lineage read (ozps-base.sql in front of each): the reference sets
-- of MRPiPS-03 (../shared/spec/mrpips03.md) for each whole calendar year Y−2, Y−1, Y. Statements are separated by
-- lines "-- step". Parameters: :snapshotId, :year (the assessment year Y).
--
--  * a realisation belongs to the year of its "data"; its family is the family of its decision; its
--    recipient is swiadczenia.osoba_id (the import fills in the decision's person when it is empty);
--  * the reference date of a family in a year is the date of its LAST realisation in the year, or, for a
--    family that had social work but no realisation in the year, of its last social work in the year;
--  * the size of a family in a year is the number of its members on its reference date;
--  * families, persons and recipients are distinct counts over each row's own predicate, never sums of rows.

-- step: a second build in the same transaction starts afresh
DROP TABLE IF EXISTS pg_temp.ozps_realisations, pg_temp.ozps_family_size, pg_temp.ozps_family_reasons;

-- step: the realisations of the three years, each with its year, family and the form's cash flag. The family is the
-- decision's, stored with the realisation by the import (swiadczenia.rodzina_id, V24: no join with the decisions;
-- NULL — no decision in the snapshot — counts nowhere, as the join left it out). One range Y−2-01-01..Y-12-31 and the
-- year of each row's date — the same rows and years as a join with the three years, which the planner ran as three
-- index scans fetching 10 million rows in date order, not in table order (x60: 59 s → 8–9 s, session 10).
CREATE TEMP TABLE ozps_realisations ON COMMIT DROP AS
    SELECT CAST(extract(year FROM s.data) AS integer) AS year, s.swiadczenie_id, s.decyzja_id, s.rodzina_id,
           s.osoba_id, s.forma, f.cash, s.data, s.liczba, s.kwota
      FROM swiadczenia s
      JOIN dict_form f ON f.code = s.forma
     WHERE s.snapshot_id = :snapshotId
       AND s.data BETWEEN make_date(CAST(:year AS integer) - 2, 1, 1) AND make_date(CAST(:year AS integer), 12, 31)
       AND s.rodzina_id IS NOT NULL;

-- step: statistics of the columns the tables and the lineage group, join or filter by only (not of swiadczenie_id,
-- data, liczba, kwota, which are only aggregated: x1 0.09–0.10 s instead of 0.11–0.17 s)
ANALYZE ozps_realisations (year, decyzja_id, rodzina_id, osoba_id, forma, cash);

-- step: the families' sizes and reasons below are hash joins of the year's families with the snapshot's memberships
-- and decision reasons. The planner's own choice, an index lookup per family-year and per decision, took 27 s and
-- 40 s at x60 (1.2 million and 4.1 million lookups; session 6); for these two statements only (reset after them)
SET LOCAL enable_nestloop = off;

-- step
SET LOCAL enable_mergejoin = off;

-- step: every family of each year (realisations or social work), its reference date, kinds of help and size
CREATE TEMP TABLE ozps_family_size ON COMMIT DROP AS
WITH realisations AS (SELECT * FROM ozps_realisations),
realisation_families AS (
    SELECT year, rodzina_id, max(data) AS last_date, bool_or(cash) AS has_cash, bool_or(NOT cash) AS has_noncash
      FROM realisations
     GROUP BY year, rodzina_id
),
-- the year of each row's date within one range, as for the realisations above (not three index scans)
social_work_families AS (
    SELECT CAST(extract(year FROM p.data) AS integer) AS year, p.rodzina_id, max(p.data) AS last_date,
           bool_or(p.kontrakt) AS has_contract
      FROM praca_socjalna p
     WHERE p.snapshot_id = :snapshotId
       AND p.data BETWEEN make_date(CAST(:year AS integer) - 2, 1, 1) AND make_date(CAST(:year AS integer), 12, 31)
     GROUP BY 1, p.rodzina_id
),
family_year AS (
    SELECT coalesce(r.year, w.year) AS year,
           coalesce(r.rodzina_id, w.rodzina_id) AS rodzina_id,
           coalesce(r.last_date, w.last_date) AS reference_date,
           r.rodzina_id IS NOT NULL AS has_realisation,
           coalesce(r.has_cash, false) AS has_cash,
           coalesce(r.has_noncash, false) AS has_noncash,
           w.rodzina_id IS NOT NULL AS has_social_work,
           coalesce(w.has_contract, false) AS has_contract
      FROM realisation_families r
      FULL JOIN social_work_families w ON w.year = r.year AND w.rodzina_id = r.rodzina_id
),
-- count(*) counts persons: the import rejects a person who is a member twice on one day (import-checks.sql, stage 3)
family_size AS (
    SELECT f.year, f.rodzina_id, f.reference_date, f.has_realisation, f.has_cash, f.has_noncash,
           f.has_social_work, f.has_contract, count(c.osoba_id) AS size
      FROM family_year f
      LEFT JOIN czlonkowie c ON c.snapshot_id = :snapshotId AND c.rodzina_id = f.rodzina_id
                            AND c.data_od <= f.reference_date AND (c.data_do IS NULL OR c.data_do >= f.reference_date)
     GROUP BY f.year, f.rodzina_id, f.reference_date, f.has_realisation, f.has_cash, f.has_noncash,
              f.has_social_work, f.has_contract
)
SELECT * FROM family_size;

-- step
ANALYZE ozps_family_size;

-- step: the reasons of each family in each year: the union of the reasons of its decisions that have a realisation in
-- the year (a refusal has none, so its reasons count nowhere) — table 10.4 and its lineage
CREATE TEMP TABLE ozps_family_reasons ON COMMIT DROP AS
    SELECT DISTINCT r.year, r.rodzina_id, dp.powod
      FROM ozps_realisations r
      JOIN decyzje_powody dp ON dp.snapshot_id = :snapshotId AND dp.decyzja_id = r.decyzja_id;

-- step
RESET enable_nestloop;

-- step
RESET enable_mergejoin;

-- step
ANALYZE ozps_family_reasons;
