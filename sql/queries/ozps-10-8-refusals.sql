-- OZPS table 10.8 — refusals: ODMOWA decisions issued in the year (data_wydania), per year, in total
-- (GROUPING SETS ()) and by the reasons named in the decision: distinct decisions and distinct families.
-- Refusals count nowhere else. Appended to ozps-base.sql for the years.
-- Columns: table_code, row_code, year, families, persons_in_families, recipients, benefits, amount, decisions.
, refusals AS (
    SELECT y.year, d.decyzja_id, d.rodzina_id, dp.powod
      FROM decyzje d
      JOIN years y ON d.data_wydania BETWEEN y.first_day AND y.last_day
      LEFT JOIN decyzje_powody dp ON dp.snapshot_id = d.snapshot_id AND dp.decyzja_id = d.decyzja_id
     WHERE d.snapshot_id = :snapshotId AND d.rodzaj = 'ODMOWA'
)
SELECT '10.8' AS table_code,
       CASE WHEN GROUPING(powod) = 1 THEN 'OGOLEM' ELSE coalesce(powod, 'BEZ_POWODU') END AS row_code,
       year,
       count(DISTINCT rodzina_id) AS families,
       CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS numeric),
       count(DISTINCT decyzja_id) AS decisions
  FROM refusals
 GROUP BY year, GROUPING SETS ((), (powod))
