-- Monthly statistics (../shared/spec/reports.md, "Statystyka miesięczna") from the family-level facts of
-- monthly-facts.sql (run first, in the same transaction). Parameter: :instanceId (Spring Batch job instance).
--
-- Periods: M (month M), YTD (1 January – end of M), M_PY and YTD_PY (the same a year earlier), Tmm (each month of
-- the year up to M) and Pmm (the same months of the previous year). Rows stored: the city for every period, and
-- the groups the documents show — district, branch, form, form × district, reason, reason × district — for M and
-- YTD. (Until issue 17 those groups were also stored for the other periods, though no document read them.)
-- A family counts its size once per group: once per period for groups of family attributes (city, district,
-- branch), once per form for forms; reason rows overlap (a family with two reasons counts in both).
INSERT INTO monthly_stat (job_instance_id, period_code, grouping_set, district, branch, form, reason,
                          families, persons_in_families, recipients, benefits, amount)
WITH month_money AS (           -- benefits and amounts of single months: the only pass over the realisations for money
    SELECT ym, current_year, sum(liczba) AS benefits, sum(kwota) AS amount FROM ms_realisation GROUP BY ym, current_year
),
month_city AS (                 -- single months: M, M_PY, Tmm, Pmm
    SELECT f.ym, f.families, f.persons, m.benefits, m.amount
      FROM (SELECT ym, count(*) AS families, sum(size) AS persons FROM ms_family_month GROUP BY ym) f
      JOIN month_money m USING (ym)
),
person_window AS (              -- each recipient once per window, with the months of its realisations as bits 0–11
                                -- (January–December: a window lies in one calendar year) — the only pass over the
                                -- realisations for persons: x60 1.4 million persons, where the distinct (month,
                                -- person) pairs were 6.6 million (spilled to disk) and each window's persons a second
                                -- pass (aggregates 28.5 s -> 17.6-22.3 s with the money below, same rows)
    SELECT current_year, osoba_id, bit_or(1 << (ym % 12)) AS months FROM ms_realisation GROUP BY current_year, osoba_id
),
window_recipients AS (          -- per window: its recipients, and those of each calendar month
    SELECT current_year, count(*) AS recipients,
           ARRAY[count(*) FILTER (WHERE months & 1 <> 0),
                 count(*) FILTER (WHERE months & 2 <> 0),
                 count(*) FILTER (WHERE months & 4 <> 0),
                 count(*) FILTER (WHERE months & 8 <> 0),
                 count(*) FILTER (WHERE months & 16 <> 0),
                 count(*) FILTER (WHERE months & 32 <> 0),
                 count(*) FILTER (WHERE months & 64 <> 0),
                 count(*) FILTER (WHERE months & 128 <> 0),
                 count(*) FILTER (WHERE months & 256 <> 0),
                 count(*) FILTER (WHERE months & 512 <> 0),
                 count(*) FILTER (WHERE months & 1024 <> 0),
                 count(*) FILTER (WHERE months & 2048 <> 0)] AS per_month
      FROM person_window GROUP BY current_year
),
month_recipients AS (
    SELECT p.ym0 - p.ym0 % 12 - CASE WHEN w.current_year THEN 0 ELSE 12 END + CAST(m.month AS int) - 1 AS ym,
           m.recipients
      FROM window_recipients w CROSS JOIN ms_param p
     CROSS JOIN LATERAL unnest(w.per_month) WITH ORDINALITY AS m (recipients, month)
),
year_city AS (                  -- YTD and YTD_PY; a window's money is the sum of its months' (exact: integers and numeric)
    SELECT y.current_year, y.families, y.persons, m.benefits, m.amount
      FROM (SELECT current_year, count(*) AS families, sum(size) AS persons FROM ms_family_year GROUP BY current_year) y
      JOIN (SELECT current_year, sum(benefits) AS benefits, sum(amount) AS amount FROM month_money
             GROUP BY current_year) m USING (current_year)
),
year_recipients AS (
    SELECT current_year, recipients FROM window_recipients
),
areas AS (                      -- district and branch, YTD and M (families from the family-years)
    SELECT GROUPING(dzielnica, filia) AS g, dzielnica, filia,
           count(*) AS families, sum(size) AS persons,
           count(*) FILTER (WHERE in_month) AS month_families, sum(month_size) FILTER (WHERE in_month) AS month_persons
      FROM ms_family_year WHERE current_year
     GROUP BY GROUPING SETS ((dzielnica), (filia))
),
area_money AS (                 -- district and branch money, YTD and M, from the family × form sums (every realisation
                                -- of the year is in exactly one; the family's district and branch are its realisations')
    SELECT GROUPING(y.dzielnica, y.filia) AS g, y.dzielnica, y.filia,
           sum(ff.benefits) AS benefits, sum(ff.amount) AS amount,
           sum(ff.month_benefits) AS month_benefits, sum(ff.month_amount) AS month_amount
      FROM ms_family_form ff
      JOIN ms_family_year y ON y.current_year AND y.rodzina_id = ff.rodzina_id
     GROUP BY GROUPING SETS ((y.dzielnica), (y.filia))
),
forms AS (                      -- form and form × district, YTD and M
    SELECT GROUPING(y.dzielnica) AS g, ff.forma, y.dzielnica,
           count(*) AS families, sum(y.size) AS persons, sum(ff.benefits) AS benefits, sum(ff.amount) AS amount,
           count(*) FILTER (WHERE ff.in_month) AS month_families,
           sum(y.month_size) FILTER (WHERE ff.in_month) AS month_persons,
           sum(ff.month_benefits) AS month_benefits, sum(ff.month_amount) AS month_amount
      FROM ms_family_form ff
      JOIN ms_family_year y ON y.current_year AND y.rodzina_id = ff.rodzina_id
     GROUP BY ff.forma, GROUPING SETS ((), (y.dzielnica))
),
recipients AS (                 -- every detailed group, YTD and M
    SELECT GROUPING(dzielnica, filia, forma) AS g, dzielnica, filia, forma,
           count(DISTINCT osoba_id) AS recipients,
           count(DISTINCT osoba_id) FILTER (WHERE in_month) AS month_recipients
      FROM ms_recipient
     GROUP BY GROUPING SETS ((dzielnica), (filia), (forma), (forma, dzielnica))
),
reasons AS (
    SELECT GROUPING(y.dzielnica) AS g, r.powod, y.dzielnica,
           count(*) AS families, sum(y.size) AS persons,
           count(*) FILTER (WHERE r.in_month) AS month_families,
           sum(y.month_size) FILTER (WHERE r.in_month) AS month_persons
      FROM ms_family_reason r
      JOIN ms_family_year y ON y.current_year AND y.rodzina_id = r.rodzina_id
     GROUP BY r.powod, GROUPING SETS ((), (y.dzielnica))
),
city AS (
    SELECT CASE WHEN c.ym = p.ym0 THEN 'M' WHEN c.ym = p.ym0 - 12 THEN 'M_PY' END AS period_code,
           c.ym, c.families, c.persons, c.benefits, c.amount
      FROM month_city c CROSS JOIN ms_param p WHERE c.ym IN (p.ym0, p.ym0 - 12)
    UNION ALL
    SELECT CASE WHEN c.ym >= p.ym0 - p.ym0 % 12 THEN 'T' ELSE 'P' END || lpad(CAST(c.ym % 12 + 1 AS text), 2, '0'),
           c.ym, c.families, c.persons, c.benefits, c.amount
      FROM month_city c CROSS JOIN ms_param p
)
SELECT :instanceId, c.period_code, 'CITY', NULL, NULL, NULL, NULL, c.families, c.persons, r.recipients, c.benefits, c.amount
  FROM city c JOIN month_recipients r USING (ym)
UNION ALL
SELECT :instanceId, CASE WHEN y.current_year THEN 'YTD' ELSE 'YTD_PY' END, 'CITY', NULL, NULL, NULL, NULL,
       y.families, y.persons, r.recipients, y.benefits, y.amount
  FROM year_city y JOIN year_recipients r USING (current_year)
UNION ALL
SELECT :instanceId, p.period_code, CASE a.g WHEN 1 THEN 'DISTRICT' ELSE 'BRANCH' END, a.dzielnica, a.filia, NULL, NULL,
       CASE p.period_code WHEN 'YTD' THEN a.families ELSE a.month_families END,
       CASE p.period_code WHEN 'YTD' THEN a.persons ELSE a.month_persons END,
       CASE p.period_code WHEN 'YTD' THEN r.recipients ELSE r.month_recipients END,
       CASE p.period_code WHEN 'YTD' THEN m.benefits ELSE m.month_benefits END,
       CASE p.period_code WHEN 'YTD' THEN m.amount ELSE m.month_amount END
  FROM areas a
  JOIN area_money m ON m.g = a.g AND m.dzielnica IS NOT DISTINCT FROM a.dzielnica AND m.filia IS NOT DISTINCT FROM a.filia
  JOIN recipients r ON r.g = CASE a.g WHEN 1 THEN 3 ELSE 5 END
                   AND r.dzielnica IS NOT DISTINCT FROM a.dzielnica AND r.filia IS NOT DISTINCT FROM a.filia
  CROSS JOIN (VALUES ('M'), ('YTD')) AS p (period_code)
 WHERE p.period_code = 'YTD' OR a.month_families > 0
UNION ALL
SELECT :instanceId, p.period_code, CASE f.g WHEN 1 THEN 'FORM' ELSE 'FORM_DISTRICT' END, f.dzielnica, NULL, f.forma, NULL,
       CASE p.period_code WHEN 'YTD' THEN f.families ELSE f.month_families END,
       CASE p.period_code WHEN 'YTD' THEN f.persons ELSE f.month_persons END,
       CASE p.period_code WHEN 'YTD' THEN r.recipients ELSE r.month_recipients END,
       CASE p.period_code WHEN 'YTD' THEN f.benefits ELSE f.month_benefits END,
       CASE p.period_code WHEN 'YTD' THEN f.amount ELSE f.month_amount END
  FROM forms f
  JOIN recipients r ON r.g = CASE f.g WHEN 1 THEN 6 ELSE 2 END AND r.forma = f.forma
                   AND r.dzielnica IS NOT DISTINCT FROM f.dzielnica
  CROSS JOIN (VALUES ('M'), ('YTD')) AS p (period_code)
 WHERE p.period_code = 'YTD' OR f.month_families > 0
UNION ALL
SELECT :instanceId, p.period_code, CASE r.g WHEN 1 THEN 'REASON' ELSE 'REASON_DISTRICT' END, r.dzielnica, NULL, NULL,
       r.powod,
       CASE p.period_code WHEN 'YTD' THEN r.families ELSE r.month_families END,
       CASE p.period_code WHEN 'YTD' THEN r.persons ELSE r.month_persons END,
       NULL, NULL, NULL
  FROM reasons r
  CROSS JOIN (VALUES ('M'), ('YTD')) AS p (period_code)
 WHERE p.period_code = 'YTD' OR r.month_families > 0
