-- Fact set of one MRPiPS-03 return (../shared/spec/mrpips03.md, "Reference sets"): one row per event of
-- the period, each carrying its family's attributes. The section statements generated from the layout
-- (SectionSql) count over this table. Parameters: :snapshotId, :periodStart, :periodEnd, :cashBySubtype (the
-- layout reads "pieniezne" per (form, sub-type): layout 2025.2; else per form).
--
--  * events: realisations (zdarzenie 'S': rows of swiadczenia with "data" in the period), social work
--    (zdarzenie 'P': rows of praca_socjalna in the period), social contracts (zdarzenie 'K': one row per row of
--    kontrakty in force on any day of the period: signed on or before its last day, not ended before its first)
--    and help without a decision (zdarzenie 'W': one row per row of wsparcie in the period);
--  * the family of a realisation is the family of its decision; the recipient is swiadczenia.osoba_id;
--  * pieniezna = the form's cash flag, or with :cashBySubtype the sub-type's flag when the sub-type dictionary
--    has one (dict_subtype.cash NULL = the form's);
--  * powody_decyzji = the reasons of the realisation's own decision; swiadczeniobiorca_dziecko = the recipient
--    is under 18 on the realisation's date; gospodarstwo = SAMOTNIE or W_RODZINIE: the realisation's sub-type
--    when it is one of these (zasiłek stały as the decision says), else by family size (1 = SAMOTNIE, 2 or more =
--    W_RODZINIE, no members = NULL);
--  * a contract's person is its signer, osoby_objete its liczba_osob (empty = 1); the person of help without a
--    decision is its osoba_id, else the family's applicant (WNIOSKODAWCA) on that date;
--  * contracts and help without a decision do not make a family "objęta pomocą": they take no part in the
--    reference date, and carry the family's composition and reasons only when the family has a realisation or
--    social work in the period (teren always);
--  * the family's reference date is the date of its LAST realisation in the period, or, for a family with
--    social work only, of its last social work in the period. On that date (membership od <= d <= do):
--      rozmiar   = members, dzieci = members with role DZIECKO aged under 18,
--      niepelna  = an applicant (WNIOSKODAWCA), no spouse or partner, at least one child,
--      emeryci   = the applicant's zrodlo_dochodu is EMERYTURA or RENTA;
--  * powody = the union of the reasons of the family's decisions that have a realisation in the period
--    (a refusal has no realisation, so its reasons count nowhere);
--  * wies = the family's teren is WIES; bez_swiadczen = the family has no realisation in the period.
-- Statements are separated by lines "-- step". The realisations, the social work, the decisions' reasons and the
-- families are tables of their own with statistics (ANALYZE), so that the planner knows their sizes: as CTEs it guessed
-- 200 rows and looked a hundred thousand families up one by one. All five are UNLOGGED work tables of this session ({w} = WorkTables.suffix, e.g.
-- "_p1234"), not temporary tables, so that PostgreSQL may read them with parallel workers; the computation drops them
-- before its commit (and a rollback removes them).
-- step: a second build in the same transaction starts afresh
DROP TABLE IF EXISTS mrpips03_fakty{w}, mf_realisation{w}, mf_social_work{w}, mf_decision_reason{w}, mf_family{w};

-- step: the period's realisations, each with its decision's family as the import stored it (swiadczenia.rodzina_id,
-- V24: no join with the decisions; NULL — no decision in the snapshot — counts nowhere, as the join left it out)
CREATE UNLOGGED TABLE mf_realisation{w} AS
    SELECT s.rodzina_id, s.osoba_id, s.decyzja_id, s.zadanie, s.forma, s.podtyp,
           CASE WHEN CAST(:cashBySubtype AS boolean) THEN coalesce(st.cash, fm.cash) ELSE fm.cash END AS pieniezna,
           s.data, s.liczba, s.kwota, s.finansowanie, s.cechy,
           o.data_urodzenia > s.data - interval '18 years' AS swiadczeniobiorca_dziecko
      FROM swiadczenia s
      LEFT JOIN dict_form fm ON fm.code = s.forma
      LEFT JOIN dict_subtype st ON st.form = s.forma AND st.code = s.podtyp
      LEFT JOIN osoby o ON o.snapshot_id = s.snapshot_id AND o.osoba_id = s.osoba_id
     WHERE s.snapshot_id = :snapshotId
       AND s.data BETWEEN :periodStart AND :periodEnd
       AND s.rodzina_id IS NOT NULL;

-- step: the period's social work
CREATE UNLOGGED TABLE mf_social_work{w} AS
    SELECT rodzina_id, data, kontrakt
      FROM praca_socjalna
     WHERE snapshot_id = :snapshotId
       AND data BETWEEN :periodStart AND :periodEnd;

-- step: statistics of the columns the planner uses below (joins and groupings by family and decision) only: the
-- others are never a join key, grouping or filter, and computing theirs was three quarters of the ANALYZE (x1: 0.29 s
-- for every column of the realisations, 0.08 s for these two; the sample is read either way)
ANALYZE mf_realisation{w} (rodzina_id, decyzja_id), mf_social_work{w} (rodzina_id);

-- step: the reasons of each decision realised in the period (its own reasons: decyzje_powody has each reason of a
-- decision once), looked up ONCE for both uses below — a realisation's powody_decyzji and its family's powody, the union
-- of its decisions' reasons — instead of a join with the snapshot's decision reasons for each (x10, psql: families and
-- facts 6.5 s → 5.6 s, the same rows; x60 in the program about even, 41.5 s either way). A decision has one family (the import stores the decision's family with each of
-- its realisations), so this is one row per decision with a reason; one without has none, as the joins left it out.
CREATE UNLOGGED TABLE mf_decision_reason{w} AS
SELECT x.decyzja_id, x.rodzina_id, array_agg(dp.powod ORDER BY dp.powod) AS powody
  FROM (SELECT DISTINCT rodzina_id, decyzja_id FROM mf_realisation{w}) x
  JOIN decyzje_powody dp ON dp.snapshot_id = :snapshotId AND dp.decyzja_id = x.decyzja_id
 GROUP BY x.decyzja_id, x.rodzina_id;

-- step: its join keys (as above)
ANALYZE mf_decision_reason{w} (decyzja_id, rodzina_id);

-- step: the families of the period: composition on the reference date, reasons, area
CREATE UNLOGGED TABLE mf_family{w} AS
-- NOT MATERIALIZED: a CTE used twice (as this one was before mf_decision_reason) is copied into a tuplestore (600 MB
-- written to disk at x60) and the planner loses the table's statistics; read directly, x60 19.1 s -> 17.3 s
WITH realisations AS NOT MATERIALIZED (SELECT * FROM mf_realisation{w}),
social_work AS (SELECT * FROM mf_social_work{w}),
reference_date AS (
    SELECT rodzina_id,
           coalesce(max(data) FILTER (WHERE realised), max(data)) AS reference_date,
           bool_or(realised) AS realised
      FROM (SELECT rodzina_id, data, true AS realised FROM realisations
            UNION ALL
            SELECT rodzina_id, data, false FROM social_work) e
     GROUP BY rodzina_id
),
composition AS (
    SELECT r.rodzina_id, r.realised,
           count(DISTINCT c.osoba_id) AS rozmiar,
           count(DISTINCT c.osoba_id) FILTER (WHERE c.rola = 'DZIECKO'
                                                AND o.data_urodzenia > r.reference_date - interval '18 years') AS dzieci,
           coalesce(bool_or(c.rola = 'WNIOSKODAWCA'), false) AS wnioskodawca,
           coalesce(bool_or(c.rola IN ('MALZONEK', 'PARTNER')), false) AS partner,
           coalesce(bool_or(c.rola = 'WNIOSKODAWCA' AND o.zrodlo_dochodu IN ('EMERYTURA', 'RENTA')), false) AS emeryci
      FROM reference_date r
      LEFT JOIN czlonkowie c ON c.snapshot_id = :snapshotId AND c.rodzina_id = r.rodzina_id
                            AND c.data_od <= r.reference_date
                            AND (c.data_do IS NULL OR c.data_do >= r.reference_date)
      LEFT JOIN osoby o ON o.snapshot_id = :snapshotId AND o.osoba_id = c.osoba_id
     GROUP BY r.rodzina_id, r.realised
),
reasons AS (
    SELECT d.rodzina_id, array_agg(DISTINCT p.powod) AS powody
      FROM mf_decision_reason{w} d CROSS JOIN unnest(d.powody) AS p(powod)
     GROUP BY d.rodzina_id
)
    SELECT c.rodzina_id, c.rozmiar, c.dzieci,
           c.wnioskodawca AND NOT c.partner AND c.dzieci > 0 AS niepelna,
           c.emeryci,
           coalesce(rd.teren, 'MIASTO') AS teren,
           coalesce(rd.teren = 'WIES', false) AS wies,
           NOT c.realised AS bez_swiadczen,
           coalesce(rs.powody, CAST('{}' AS text[])) AS powody
      FROM composition c
      LEFT JOIN rodziny rd ON rd.snapshot_id = :snapshotId AND rd.rodzina_id = c.rodzina_id
      LEFT JOIN reasons rs ON rs.rodzina_id = c.rodzina_id;

-- step: its only join key (as above)
ANALYZE mf_family{w} (rodzina_id);

-- step: the fact table
CREATE UNLOGGED TABLE mrpips03_fakty{w} AS
WITH realisations AS (SELECT * FROM mf_realisation{w}),
social_work AS (SELECT * FROM mf_social_work{w}),
families AS (SELECT * FROM mf_family{w}),
contracts AS (
    SELECT rodzina_id, osoba_id, liczba_osob
      FROM kontrakty
     WHERE snapshot_id = :snapshotId
       AND data_od <= :periodEnd
       AND (data_do IS NULL OR data_do >= :periodStart)
),
help AS (
    SELECT w.rodzina_id, coalesce(w.osoba_id, a.osoba_id) AS osoba_id, w.rodzaj
      FROM wsparcie w
      LEFT JOIN czlonkowie a ON w.osoba_id IS NULL AND a.snapshot_id = w.snapshot_id AND a.rodzina_id = w.rodzina_id
                            AND a.rola = 'WNIOSKODAWCA' AND a.data_od <= w.data
                            AND (a.data_do IS NULL OR a.data_do >= w.data)
     WHERE w.snapshot_id = :snapshotId
       AND w.data BETWEEN :periodStart AND :periodEnd
)
SELECT 'S' AS zdarzenie, r.rodzina_id, r.osoba_id, r.zadanie, r.forma, r.podtyp, r.pieniezna,
       CAST(NULL AS boolean) AS kontrakt, r.liczba, r.kwota,
       f.rozmiar, f.dzieci, f.niepelna, f.emeryci, f.teren, f.wies, f.bez_swiadczen, f.powody,
       r.finansowanie, r.cechy, coalesce(dr.powody, CAST('{}' AS text[])) AS powody_decyzji,
       r.swiadczeniobiorca_dziecko,
       CASE WHEN r.podtyp IN ('SAMOTNIE', 'W_RODZINIE') THEN r.podtyp
            WHEN f.rozmiar = 1 THEN 'SAMOTNIE'
            WHEN f.rozmiar >= 2 THEN 'W_RODZINIE' END AS gospodarstwo,
       CAST(NULL AS integer) AS osoby_objete, CAST(NULL AS text) AS rodzaj_wsparcia
  FROM realisations r
  JOIN families f ON f.rodzina_id = r.rodzina_id
  LEFT JOIN mf_decision_reason{w} dr ON dr.decyzja_id = r.decyzja_id
UNION ALL
SELECT 'P', w.rodzina_id, NULL, NULL, NULL, NULL, NULL,
       w.kontrakt, 0, 0,
       f.rozmiar, f.dzieci, f.niepelna, f.emeryci, f.teren, f.wies, f.bez_swiadczen, f.powody,
       NULL, CAST('{}' AS text[]), CAST('{}' AS text[]), NULL, NULL, NULL, NULL
  FROM social_work w
  JOIN families f ON f.rodzina_id = w.rodzina_id
UNION ALL
SELECT 'K', k.rodzina_id, k.osoba_id, NULL, NULL, NULL, NULL,
       NULL, 0, 0,
       f.rozmiar, f.dzieci, f.niepelna, f.emeryci, coalesce(rd.teren, 'MIASTO'), coalesce(rd.teren = 'WIES', false),
       f.bez_swiadczen, coalesce(f.powody, CAST('{}' AS text[])),
       NULL, CAST('{}' AS text[]), CAST('{}' AS text[]), NULL, NULL, coalesce(k.liczba_osob, 1), NULL
  FROM contracts k
  LEFT JOIN families f ON f.rodzina_id = k.rodzina_id
  LEFT JOIN rodziny rd ON rd.snapshot_id = :snapshotId AND rd.rodzina_id = k.rodzina_id
UNION ALL
SELECT 'W', h.rodzina_id, h.osoba_id, NULL, NULL, NULL, NULL,
       NULL, 0, 0,
       f.rozmiar, f.dzieci, f.niepelna, f.emeryci, coalesce(rd.teren, 'MIASTO'), coalesce(rd.teren = 'WIES', false),
       f.bez_swiadczen, coalesce(f.powody, CAST('{}' AS text[])),
       NULL, CAST('{}' AS text[]), CAST('{}' AS text[]), NULL, NULL, NULL, h.rodzaj
  FROM help h
  LEFT JOIN families f ON f.rodzina_id = h.rodzina_id
  LEFT JOIN rodziny rd ON rd.snapshot_id = :snapshotId AND rd.rodzina_id = h.rodzina_id
