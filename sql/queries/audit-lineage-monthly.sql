-- Cell lineage of the monthly statistics (auditors' package, ../shared/spec/reports.md): one row per family
-- counted in each family count the report shows, with the same counting rules as monthly-statistics.sql (a
-- realisation's family is the family of its decision; only families present in "rodziny"; reasons = union over
-- the decisions realised in the period):
--   month M and year-to-date I–M: city, district, branch, benefit form, reason and reason × district (tables 1–4);
--   the same periods a year earlier: city (table 1);
--   each month of the year up to M and the same months a year earlier: city (table 6).
-- Inserted into the temporary table pg_temp.audit_lineage; pseudonyms are computed when it is written out.
-- Parameters: :snapshotId, :monthStart (first day of month M).
-- Cell keys: <okres>/<wymiar>[=<klucz>][/dzielnica=<klucz>]/rodziny, where okres = miesiac | narastajaco |
-- miesiac_rok_wczesniej | narastajaco_rok_wczesniej | miesiac=RRRR-MM (table 6).
INSERT INTO pg_temp.audit_lineage (cell, kind, source_id)
WITH month_start AS (
    SELECT CAST(:monthStart AS date) AS m0
),
periods AS (
    SELECT 'miesiac' AS period, true AS detailed, m0 AS first_day,
           CAST(m0 + interval '1 month' - interval '1 day' AS date) AS last_day
      FROM month_start
    UNION ALL
    SELECT 'narastajaco', true, CAST(date_trunc('year', m0) AS date),
           CAST(m0 + interval '1 month' - interval '1 day' AS date)
      FROM month_start
    UNION ALL
    SELECT 'miesiac_rok_wczesniej', false, CAST(m0 - interval '1 year' AS date),
           CAST(m0 - interval '1 year' + interval '1 month' - interval '1 day' AS date)
      FROM month_start
    UNION ALL
    SELECT 'narastajaco_rok_wczesniej', false, CAST(date_trunc('year', m0) - interval '1 year' AS date),
           CAST(m0 - interval '1 year' + interval '1 month' - interval '1 day' AS date)
      FROM month_start
    UNION ALL
    SELECT 'miesiac=' || to_char(g, 'YYYY-MM'), false, CAST(g AS date),
           CAST(g + interval '1 month' - interval '1 day' AS date)
      FROM month_start,
           generate_series(date_trunc('year', m0) - interval '1 year', m0, interval '1 month') AS g
     WHERE g <= m0 - interval '1 year' OR g >= date_trunc('year', m0)
),
realisations AS (
    SELECT DISTINCT p.period, p.detailed, d.rodzina_id, s.decyzja_id, s.forma
      FROM swiadczenia s
      JOIN decyzje d ON d.snapshot_id = s.snapshot_id AND d.decyzja_id = s.decyzja_id
      JOIN periods p ON s.data BETWEEN p.first_day AND p.last_day
     WHERE s.snapshot_id = :snapshotId
       AND s.data BETWEEN (SELECT min(first_day) FROM periods) AND (SELECT max(last_day) FROM periods)
),
families AS (
    SELECT DISTINCT x.period, x.detailed, x.rodzina_id, r.dzielnica, r.filia
      FROM realisations x
      JOIN rodziny r ON r.snapshot_id = :snapshotId AND r.rodzina_id = x.rodzina_id
),
family_reasons AS (
    SELECT DISTINCT x.period, x.rodzina_id, f.dzielnica, dp.powod
      FROM realisations x
      JOIN families f ON f.period = x.period AND f.rodzina_id = x.rodzina_id
      JOIN decyzje_powody dp ON dp.snapshot_id = :snapshotId AND dp.decyzja_id = x.decyzja_id
     WHERE x.detailed
)
SELECT period || '/miasto/rodziny', 'rodzina', rodzina_id FROM families
UNION ALL
SELECT period || '/dzielnica=' || dzielnica || '/rodziny', 'rodzina', rodzina_id FROM families WHERE detailed
UNION ALL
SELECT period || '/filia=' || filia || '/rodziny', 'rodzina', rodzina_id FROM families WHERE detailed
UNION ALL
SELECT DISTINCT x.period || '/forma=' || x.forma || '/rodziny', 'rodzina', x.rodzina_id
  FROM realisations x
  JOIN families f ON f.period = x.period AND f.rodzina_id = x.rodzina_id
 WHERE x.detailed
UNION ALL
SELECT period || '/powod=' || powod || '/rodziny', 'rodzina', rodzina_id FROM family_reasons
UNION ALL
SELECT period || '/powod=' || powod || '/dzielnica=' || dzielnica || '/rodziny', 'rodzina', rodzina_id
  FROM family_reasons
