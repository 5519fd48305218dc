-- Cell lineage of the monthly statistics (auditors' package, ../shared/spec/reports.md) from the family-level facts
-- of monthly-facts.sql (run first, in the same transaction): one row per family counted in each family count the
-- report shows, by the very rows the figures are counted from:
--   month M and year-to-date I–M: city, district, branch, benefit form, reason and reason × district (tables 1–4);
--   the same periods a year earlier: city (table 1);
--   each month of the year up to M and the same months a year earlier: city (table 6).
-- The query of the lineage rows (cell, kind, source_id): the aggregation makes the run's kept lineage table from it
-- (StoredLineage.keepCreatedAs), and the package step, when the kept rows were lost, inserts it into
-- pg_temp.audit_lineage (MonthlyLineage.insertFromFacts); pseudonyms are computed when it is written out.
-- Cell keys: <okres>/<wymiar>[=<klucz>][/dzielnica=<klucz>]/rodziny, where okres = miesiac | narastajaco |
-- miesiac_rok_wczesniej | narastajaco_rok_wczesniej | miesiac=RRRR-MM (table 6).
WITH family_period AS (         -- (period, detailed, family)
    SELECT CASE WHEN f.ym = p.ym0 THEN 'miesiac' ELSE 'miesiac_rok_wczesniej' END AS period,
           f.ym = p.ym0 AS detailed, f.rodzina_id
      FROM ms_family_month f CROSS JOIN ms_param p WHERE f.ym IN (p.ym0, p.ym0 - 12)
    UNION ALL
    SELECT CASE WHEN current_year THEN 'narastajaco' ELSE 'narastajaco_rok_wczesniej' END, current_year, rodzina_id
      FROM ms_family_year
),
current_family AS (             -- the families of the detailed periods with their district and branch
    SELECT 'narastajaco' AS period, rodzina_id, dzielnica, filia FROM ms_family_year WHERE current_year
    UNION ALL
    SELECT 'miesiac', rodzina_id, dzielnica, filia FROM ms_family_year WHERE current_year AND in_month
)
SELECT period || '/miasto/rodziny', 'rodzina', rodzina_id FROM family_period
UNION ALL
SELECT 'miesiac=' || to_char(make_date(ym / 12, ym % 12 + 1, 1), 'YYYY-MM') || '/miasto/rodziny', 'rodzina', rodzina_id
  FROM ms_family_month
UNION ALL
SELECT period || '/dzielnica=' || dzielnica || '/rodziny', 'rodzina', rodzina_id FROM current_family
UNION ALL
SELECT period || '/filia=' || filia || '/rodziny', 'rodzina', rodzina_id FROM current_family
UNION ALL
SELECT 'narastajaco/forma=' || forma || '/rodziny', 'rodzina', rodzina_id FROM ms_family_form
UNION ALL
SELECT 'miesiac/forma=' || forma || '/rodziny', 'rodzina', rodzina_id FROM ms_family_form WHERE in_month
UNION ALL
SELECT c.period || '/powod=' || r.powod || '/rodziny', 'rodzina', r.rodzina_id
  FROM ms_family_reason r JOIN current_family c ON c.rodzina_id = r.rodzina_id
 WHERE c.period = 'narastajaco' OR r.in_month
UNION ALL
SELECT c.period || '/powod=' || r.powod || '/dzielnica=' || c.dzielnica || '/rodziny', 'rodzina', r.rodzina_id
  FROM ms_family_reason r JOIN current_family c ON c.rodzina_id = r.rodzina_id
 WHERE c.period = 'narastajaco' OR r.in_month
