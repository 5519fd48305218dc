-- OZPS tables 10.5 (cash benefits, :cash = true) and 10.6 (non-cash benefits and services, :cash = false),
-- per year (appended to ozps-base.sql): per form and for all forms of the table (GROUPING SETS) the
-- distinct recipients, the number of benefits (sum of "liczba": payments, meals, hours, days), the amount,
-- and the distinct families. The row OGOLEM counts a person who got several forms once.
-- Columns: table_code, row_code, year, families, persons_in_families, recipients, benefits, amount, decisions.
SELECT CASE WHEN CAST(:cash AS boolean) THEN '10.5' ELSE '10.6' END AS table_code,
       CASE WHEN GROUPING(forma) = 1 THEN 'OGOLEM' ELSE forma END AS row_code,
       year,
       count(DISTINCT rodzina_id) AS families,
       CAST(NULL AS bigint) AS persons,
       count(DISTINCT osoba_id) AS recipients,
       sum(liczba) AS benefits,
       sum(kwota) AS amount,
       CAST(NULL AS bigint) AS decisions
  FROM realisations
 WHERE cash = CAST(:cash AS boolean)
 GROUP BY year, GROUPING SETS ((), (forma))
