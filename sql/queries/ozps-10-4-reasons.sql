-- OZPS table 10.4 — families by reason for assistance, per year (appended to ozps-base.sql).
-- The reasons of a family in a year are the union of the reasons of its decisions that have a realisation
-- in the year (refusals have none, so they count nowhere). Rows overlap: a family with two reasons counts
-- in both. Row OGOLEM (GROUPING SETS ()) counts each family once, with its size once.
-- Columns: table_code, row_code, year, families, persons_in_families, recipients, benefits, amount, decisions.
-- (family_reasons: ozps-base-tables.sql)
, facts AS (
    SELECT fr.year, fr.rodzina_id, fr.powod, fs.size,
           row_number() OVER (PARTITION BY fr.year, fr.rodzina_id ORDER BY fr.powod) = 1 AS first_of_family
      FROM family_reasons fr
      JOIN family_size fs ON fs.year = fr.year AND fs.rodzina_id = fr.rodzina_id
)
SELECT '10.4' AS table_code,
       CASE WHEN GROUPING(powod) = 1 THEN 'OGOLEM' ELSE powod END AS row_code,
       year,
       count(DISTINCT rodzina_id) AS families,
       CASE WHEN GROUPING(powod) = 1 THEN sum(size) FILTER (WHERE first_of_family) ELSE sum(size) END AS persons,
       CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS numeric), CAST(NULL AS bigint)
  FROM facts
 GROUP BY year, GROUPING SETS ((), (powod))
