-- The family-level facts of one monthly statistics run (../shared/spec/reports.md, "Statystyka miesięczna"): ONE
-- pass over the realisations of the two windows the report shows — 1 January to the end of month M, and the same
-- months a year earlier — into temporary tables (dropped at commit) that feed every figure (monthly-statistics.sql)
-- and every lineage row (audit-lineage-monthly.sql). Statements are separated by lines "-- step"; parameters
-- :snapshotId, :monthStart (first day of month M).
--
-- Counting rules (../shared/spec/mrpips03.md), the same as ever:
--  * a realisation belongs to a period when its "data" lies in the period; the family of a realisation is the
--    family of its decision (only families present in "rodziny" count); the recipient is swiadczenia.osoba_id;
--  * families and recipients are DISTINCT counts in every group, never sums of rows;
--  * the size of a family in a period = its members on the date of its LAST realisation in the period, so the
--    size in a span of months is its size in its latest month of the span;
--  * the reasons of a family in a period = the union of the reasons of its decisions realised in the period.
-- Months are numbered ym = year * 12 + month - 1.

-- step: a second run in the same transaction starts afresh
DROP TABLE IF EXISTS pg_temp.ms_param, pg_temp.ms_realisation, pg_temp.ms_family_month, pg_temp.ms_family_year,
    pg_temp.ms_family_form, pg_temp.ms_recipient, pg_temp.ms_family_reason;

-- step: the parameters
CREATE TEMP TABLE ms_param ON COMMIT DROP AS
SELECT m0 AS month_start,
       CAST(m0 + interval '1 month' - interval '1 day' AS date) AS month_end,
       CAST(date_trunc('year', m0) AS date) AS year_start,
       CAST(date_trunc('year', m0) - interval '1 year' AS date) AS previous_year_start,
       CAST(m0 - interval '1 year' + interval '1 month' - interval '1 day' AS date) AS previous_month_end,
       CAST(extract(year FROM m0) AS int) * 12 + CAST(extract(month FROM m0) AS int) - 1 AS ym0
  FROM (SELECT CAST(:monthStart AS date) AS m0) m;

-- step: the one pass: every realisation of the two windows with its family's district and branch. The family of a
-- realisation is its decision's family, stored with the realisation by the import (swiadczenia.rodzina_id, V24: a join
-- with the decisions here was a third of this pass, x60 17.3 s → 11.3 s); NULL — no decision — matches no family.
-- The windows' bounds are written out from :monthStart (the same dates as in ms_param) rather than joined from
-- ms_param: the planner then sees the dates — for December the windows are the whole two years, read by one
-- sequential scan instead of a bitmap scan of the date index over every page (x60, alternately: 15.9 s → 12.3 / 14.0 s)
CREATE TEMP TABLE ms_realisation ON COMMIT DROP AS
SELECT CAST(extract(year FROM s.data) AS int) * 12 + CAST(extract(month FROM s.data) AS int) - 1 AS ym,
       s.data >= make_date(CAST(extract(year FROM CAST(:monthStart AS date)) AS int), 1, 1) AS current_year,
       s.rodzina_id, r.dzielnica, r.filia, s.osoba_id, s.forma, s.decyzja_id, s.data, s.liczba, s.kwota
  FROM swiadczenia s
  JOIN rodziny r ON r.snapshot_id = s.snapshot_id AND r.rodzina_id = s.rodzina_id
 WHERE s.snapshot_id = :snapshotId
   AND (s.data BETWEEN make_date(CAST(extract(year FROM CAST(:monthStart AS date)) AS int) - 1, 1, 1)
                   AND CAST(CAST(:monthStart AS date) - interval '1 year' + interval '1 month' - interval '1 day' AS date)
        OR s.data BETWEEN make_date(CAST(extract(year FROM CAST(:monthStart AS date)) AS int), 1, 1)
                      AND CAST(CAST(:monthStart AS date) + interval '1 month' - interval '1 day' AS date));

-- step: statistics of the columns the statements after this group or join by only (not of data, liczba, kwota, which
-- are only aggregated: x1 0.16 s instead of 0.21–0.23 s; the sample is read either way)
ANALYZE ms_realisation (ym, current_year, rodzina_id, dzielnica, filia, osoba_id, forma, decyzja_id);

-- step: the size lookup below as ONE hash join of the family-months with the families' size steps: the planner's
-- choice, an index lookup per family-month, took 48 s at x60 (5.7 million lookups) against 23 s for a hash join with
-- the memberships (session 5); for this statement only (reset after it)
SET LOCAL enable_nestloop = off;

-- step
SET LOCAL enable_mergejoin = off;

-- step: family-months: every family with a realisation in the month, and its size on the day of its last one there.
-- The size is read from the family's size steps: every day a membership starts (+1) or the day after one ends (-1),
-- with the running total from that day to the next step. A family-month falls in exactly one step (or before the
-- first: size 0), so the join gives one row per family-month — the same number as count(*) of the memberships that
-- cover the day, which the statement joined and re-aggregated before (9.5 million joined rows at x60; 20–23 s
-- against 16–17 s, same rows, session 9). The steps count membership rows as count(*) counted them: the import
-- rejects a person who is a member twice on one day (import-checks.sql, stage 3), so rows are persons; a membership
-- never ends before it starts (CHECK in V2), so no step goes below zero.
CREATE TEMP TABLE ms_family_month ON COMMIT DROP AS
WITH event AS (
        SELECT rodzina_id, data_od AS day, 1 AS change FROM czlonkowie WHERE snapshot_id = :snapshotId
        UNION ALL
        SELECT rodzina_id, data_do + 1, -1 FROM czlonkowie WHERE snapshot_id = :snapshotId AND data_do IS NOT NULL),
     step AS (
        SELECT rodzina_id, day, CAST(sum(sum(change)) OVER family AS bigint) AS size, lead(day) OVER family AS next_day
          FROM event GROUP BY rodzina_id, day
        WINDOW family AS (PARTITION BY rodzina_id ORDER BY day))
SELECT f.ym, f.current_year, f.rodzina_id, coalesce(s.size, 0) AS size
  FROM (SELECT ym, current_year, rodzina_id, max(data) AS last_date
          FROM ms_realisation GROUP BY ym, current_year, rodzina_id) f
  LEFT JOIN step s ON s.rodzina_id = f.rodzina_id AND s.day <= f.last_date
                  AND (s.next_day IS NULL OR f.last_date < s.next_day);

-- step
RESET enable_nestloop;

-- step
RESET enable_mergejoin;

-- step: without statistics the planner took the family-months below for a few hundred rows and looked each family up
-- by index (1.1 million lookups at x60)
ANALYZE ms_family_month;

-- step: family-years: every family of each window (current year / a year earlier) with its district and branch, its
-- size in the window (= in its latest month there) and in month M (or M a year earlier). The size of the latest month
-- is max(ym * 2^32 + size) mod 2^32 (a size is a count of rows, 0 <= size < 2^32, so the latest month wins and its
-- size is what is left), an integer aggregate instead of max(ARRAY[ym, size]) — an array built and compared per
-- family-month (x60: 17 s → 6 s with the statistics above, same rows, session 9)
CREATE TEMP TABLE ms_family_year ON COMMIT DROP AS
SELECT y.current_year, y.rodzina_id, r.dzielnica, r.filia, y.size, y.month_size IS NOT NULL AS in_month, y.month_size
  FROM (SELECT f.current_year, f.rodzina_id, max(CAST(f.ym AS bigint) * 4294967296 + f.size) % 4294967296 AS size,
               max(f.size) FILTER (WHERE f.ym IN (p.ym0, p.ym0 - 12)) AS month_size
          FROM ms_family_month f CROSS JOIN ms_param p
         GROUP BY f.current_year, f.rodzina_id) y
  JOIN rodziny r ON r.snapshot_id = :snapshotId AND r.rodzina_id = y.rodzina_id;

-- step: family × form of the current year (year to date, and month M)
CREATE TEMP TABLE ms_family_form ON COMMIT DROP AS
SELECT x.rodzina_id, x.forma, sum(x.liczba) AS benefits, sum(x.kwota) AS amount,
       bool_or(x.ym = p.ym0) AS in_month,
       sum(x.liczba) FILTER (WHERE x.ym = p.ym0) AS month_benefits,
       sum(x.kwota) FILTER (WHERE x.ym = p.ym0) AS month_amount
  FROM ms_realisation x CROSS JOIN ms_param p
 WHERE x.current_year
 GROUP BY x.rodzina_id, x.forma;

-- step: recipients of the current year by form and area (a person counts once per group)
CREATE TEMP TABLE ms_recipient ON COMMIT DROP AS
SELECT x.osoba_id, x.forma, x.dzielnica, x.filia, bool_or(x.ym = p.ym0) AS in_month
  FROM ms_realisation x CROSS JOIN ms_param p
 WHERE x.current_year
 GROUP BY x.osoba_id, x.forma, x.dzielnica, x.filia;

-- step: the reasons below likewise as one hash join with the snapshot's decision reasons: the planner's choice, an
-- index lookup per decision, took 24 s at x60 (2.1 million lookups) against 11 s (session 6, both orders measured)
SET LOCAL enable_nestloop = off;

-- step
SET LOCAL enable_mergejoin = off;

-- step: reasons of the families of the current year (of the decisions realised in it, and in month M)
CREATE TEMP TABLE ms_family_reason ON COMMIT DROP AS
SELECT x.rodzina_id, dp.powod, bool_or(x.in_month) AS in_month
  FROM (SELECT r.rodzina_id, r.decyzja_id, bool_or(r.ym = p.ym0) AS in_month
          FROM ms_realisation r CROSS JOIN ms_param p
         WHERE r.current_year
         GROUP BY r.rodzina_id, r.decyzja_id) x
  JOIN decyzje_powody dp ON dp.snapshot_id = :snapshotId AND dp.decyzja_id = x.decyzja_id
 GROUP BY x.rodzina_id, dp.powod;

-- step
RESET enable_nestloop;

-- step
RESET enable_mergejoin;
