-- Monthly statistics (../shared/spec/reports.md, "Statystyka miesięczna"), one INSERT, one pass.
-- Parameters: :instanceId (Spring Batch job instance), :snapshotId, :monthStart (first day of month M).
--
-- Counting rules (../shared/spec/mrpips03.md):
--  * a realisation belongs to a period when its "data" lies in the period;
--  * the family of a realisation is the family of its decision; the recipient is swiadczenia.osoba_id
--    (the import fills in the decision's person when the export leaves it empty);
--  * families and recipients are DISTINCT counts in every group, never sums of rows;
--  * persons in families = the sum of family sizes over the distinct families of the group, where the
--    size of a family is the number of its members on the date of its LAST realisation in the period;
--  * the reasons of a family in a period are the union of the reasons of its decisions that have a
--    realisation in the period; reason rows overlap (a family with two reasons counts in both).
--
-- Periods: M (month M), YTD (1 January – end of M), M_PY and YTD_PY (the same a year earlier),
-- Tmm (each month of the year up to M) and Pmm (the same months of the previous year), for the trend.
INSERT INTO monthly_stat (job_instance_id, period_code, grouping_set, district, branch, form, reason,
                          families, persons_in_families, recipients, benefits, amount)
WITH month_start AS (
    SELECT CAST(:monthStart AS date) AS m0
),
periods AS (
    SELECT 'M' AS period_code, m0 AS first_day,
           CAST(m0 + interval '1 month' - interval '1 day' AS date) AS last_day
      FROM month_start
    UNION ALL
    SELECT 'YTD', CAST(date_trunc('year', m0) AS date),
           CAST(m0 + interval '1 month' - interval '1 day' AS date)
      FROM month_start
    UNION ALL
    SELECT 'M_PY', CAST(m0 - interval '1 year' AS date),
           CAST(m0 - interval '1 year' + interval '1 month' - interval '1 day' AS date)
      FROM month_start
    UNION ALL
    SELECT 'YTD_PY', CAST(date_trunc('year', m0) - interval '1 year' AS date),
           CAST(m0 - interval '1 year' + interval '1 month' - interval '1 day' AS date)
      FROM month_start
    UNION ALL
    SELECT 'T' || to_char(g, 'MM'), CAST(g AS date),
           CAST(g + interval '1 month' - interval '1 day' AS date)
      FROM month_start, generate_series(date_trunc('year', m0), m0, interval '1 month') AS g
    UNION ALL
    SELECT 'P' || to_char(g, 'MM'), CAST(g AS date),
           CAST(g + interval '1 month' - interval '1 day' AS date)
      FROM month_start,
           generate_series(date_trunc('year', m0) - interval '1 year', m0 - interval '1 year', interval '1 month') AS g
),
realisations AS (
    SELECT p.period_code, s.swiadczenie_id, s.decyzja_id, d.rodzina_id, s.osoba_id,
           s.forma, s.data, s.liczba, s.kwota
      FROM swiadczenia s
      JOIN decyzje d ON d.snapshot_id = s.snapshot_id AND d.decyzja_id = s.decyzja_id
      JOIN periods p ON s.data BETWEEN p.first_day AND p.last_day
     WHERE s.snapshot_id = :snapshotId
       AND s.data BETWEEN (SELECT min(first_day) FROM periods) AND (SELECT max(last_day) FROM periods)
),
family_reference_date AS (
    SELECT period_code, rodzina_id, max(data) AS reference_date
      FROM realisations
     GROUP BY period_code, rodzina_id
),
family_size AS (
    SELECT f.period_code, f.rodzina_id, r.dzielnica, r.filia,
           count(DISTINCT c.osoba_id) AS size
      FROM family_reference_date f
      JOIN rodziny r ON r.snapshot_id = :snapshotId AND r.rodzina_id = f.rodzina_id
      LEFT JOIN czlonkowie c ON c.snapshot_id = :snapshotId AND c.rodzina_id = f.rodzina_id
                            AND c.data_od <= f.reference_date
                            AND (c.data_do IS NULL OR c.data_do >= f.reference_date)
     GROUP BY f.period_code, f.rodzina_id, r.dzielnica, r.filia
),
-- every realisation with its family's attributes; a family adds its size once per group:
-- once per period for groups of family attributes (city, district, branch), once per form otherwise
facts AS (
    SELECT r.period_code, r.rodzina_id, r.osoba_id, r.forma, r.liczba, r.kwota,
           fs.dzielnica, fs.filia, fs.size,
           row_number() OVER (PARTITION BY r.period_code, r.rodzina_id
                              ORDER BY r.swiadczenie_id) = 1 AS first_of_family,
           row_number() OVER (PARTITION BY r.period_code, r.rodzina_id, r.forma
                              ORDER BY r.swiadczenie_id) = 1 AS first_of_family_form
      FROM realisations r
      JOIN family_size fs ON fs.period_code = r.period_code AND fs.rodzina_id = r.rodzina_id
),
family_reasons AS (
    SELECT DISTINCT r.period_code, r.rodzina_id, dp.powod
      FROM realisations r
      JOIN decyzje_powody dp ON dp.snapshot_id = :snapshotId AND dp.decyzja_id = r.decyzja_id
)
SELECT :instanceId, period_code,
       CASE GROUPING(dzielnica, filia, forma)
            WHEN 7 THEN 'CITY' WHEN 3 THEN 'DISTRICT' WHEN 5 THEN 'BRANCH'
            WHEN 6 THEN 'FORM' WHEN 2 THEN 'FORM_DISTRICT' END,
       dzielnica, filia, forma, NULL,
       count(DISTINCT rodzina_id),
       CASE WHEN GROUPING(forma) = 1 THEN sum(size) FILTER (WHERE first_of_family)
            ELSE sum(size) FILTER (WHERE first_of_family_form) END,
       count(DISTINCT osoba_id),
       sum(liczba),
       sum(kwota)
  FROM facts
 GROUP BY period_code, GROUPING SETS ((), (dzielnica), (filia), (forma), (forma, dzielnica))
UNION ALL
SELECT :instanceId, fr.period_code,
       CASE GROUPING(fs.dzielnica) WHEN 1 THEN 'REASON' ELSE 'REASON_DISTRICT' END,
       fs.dzielnica, NULL, NULL, fr.powod,
       count(DISTINCT fr.rodzina_id),
       sum(fs.size),
       NULL, NULL, NULL
  FROM family_reasons fr
  JOIN family_size fs ON fs.period_code = fr.period_code AND fs.rodzina_id = fr.rodzina_id
 GROUP BY fr.period_code, fr.powod, GROUPING SETS ((), (fs.dzielnica))
