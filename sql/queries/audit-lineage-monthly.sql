-- Cell lineage of the monthly statistics (auditors' package, ../shared/spec/reports.md): one row per family
-- counted in each family cell of month M and of year-to-date I–M — city, district, branch, benefit form and
-- reason — with the same counting rules as monthly-statistics.sql (a realisation's family is the family of its
-- decision; only families present in "rodziny"; reasons = union over the decisions realised in the period).
-- Inserted into the temporary table pg_temp.audit_lineage; pseudonyms are computed when it is written out.
-- Parameters: :snapshotId, :yearStart, :monthStart, :monthEnd.
-- Cell keys: <okres>/<wymiar>[=<klucz>]/rodziny, okres = miesiac | narastajaco.
INSERT INTO pg_temp.audit_lineage (cell, kind, source_id)
WITH periods AS (
    SELECT 'miesiac' AS period, CAST(:monthStart AS date) AS first_day, CAST(:monthEnd AS date) AS last_day
    UNION ALL
    SELECT 'narastajaco', CAST(:yearStart AS date), CAST(:monthEnd AS date)
),
realisations AS (
    SELECT DISTINCT p.period, d.rodzina_id, s.decyzja_id, s.forma
      FROM swiadczenia s
      JOIN decyzje d ON d.snapshot_id = s.snapshot_id AND d.decyzja_id = s.decyzja_id
      JOIN periods p ON s.data BETWEEN p.first_day AND p.last_day
     WHERE s.snapshot_id = :snapshotId
       AND s.data BETWEEN CAST(:yearStart AS date) AND CAST(:monthEnd AS date)
),
families AS (
    SELECT DISTINCT x.period, x.rodzina_id, r.dzielnica, r.filia
      FROM realisations x
      JOIN rodziny r ON r.snapshot_id = :snapshotId AND r.rodzina_id = x.rodzina_id
)
SELECT period || '/miasto/rodziny', 'rodzina', rodzina_id FROM families
UNION ALL
SELECT period || '/dzielnica=' || dzielnica || '/rodziny', 'rodzina', rodzina_id FROM families
UNION ALL
SELECT period || '/filia=' || filia || '/rodziny', 'rodzina', rodzina_id FROM families
UNION ALL
SELECT DISTINCT x.period || '/forma=' || x.forma || '/rodziny', 'rodzina', x.rodzina_id
  FROM realisations x
  JOIN families f ON f.period = x.period AND f.rodzina_id = x.rodzina_id
UNION ALL
SELECT DISTINCT x.period || '/powod=' || dp.powod || '/rodziny', 'rodzina', x.rodzina_id
  FROM realisations x
  JOIN families f ON f.period = x.period AND f.rodzina_id = x.rodzina_id
  JOIN decyzje_powody dp ON dp.snapshot_id = :snapshotId AND dp.decyzja_id = x.decyzja_id
