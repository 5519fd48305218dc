-- OZPS tables 10.5 (cash benefits, :cash = true) and 10.6 (non-cash benefits and services, :cash = false),
-- per year (appended to ozps-base.sql): per form and for all forms of the table (GROUPING SETS) the
-- distinct recipients, the number of benefits (sum of "liczba": payments, meals, hours, days), the amount,
-- and the distinct families. The row OGOLEM counts a person who got several forms once. The distinct counts are
-- taken over the distinct (year, cash, form, family / person) units (ozps-base-tables.sql), the sums over the
-- realisations; the three parts have the same groups (every realisation has a form, a family and a person).
-- Columns: table_code, row_code, year, families, persons_in_families, recipients, benefits, amount, decisions.
, form_sums AS (
    SELECT year, GROUPING(forma) AS g, forma, sum(liczba) AS benefits, sum(kwota) AS amount
      FROM realisations
     WHERE cash = CAST(:cash AS boolean)
     GROUP BY year, GROUPING SETS ((), (forma))
),
form_families AS (
    SELECT year, GROUPING(forma) AS g, forma, count(DISTINCT rodzina_id) AS families
      FROM family_form
     WHERE cash = CAST(:cash AS boolean)
     GROUP BY year, GROUPING SETS ((), (forma))
),
form_recipients AS (
    SELECT year, GROUPING(forma) AS g, forma, count(DISTINCT osoba_id) AS recipients
      FROM person_form
     WHERE cash = CAST(:cash AS boolean)
     GROUP BY year, GROUPING SETS ((), (forma))
)
SELECT CASE WHEN CAST(:cash AS boolean) THEN '10.5' ELSE '10.6' END AS table_code,
       CASE WHEN s.g = 1 THEN 'OGOLEM' ELSE s.forma END AS row_code,
       s.year,
       f.families,
       CAST(NULL AS bigint) AS persons,
       r.recipients,
       s.benefits,
       s.amount,
       CAST(NULL AS bigint) AS decisions
  FROM form_sums s
  JOIN form_families f ON f.year = s.year AND f.g = s.g AND f.forma IS NOT DISTINCT FROM s.forma
  JOIN form_recipients r ON r.year = s.year AND r.g = s.g AND r.forma IS NOT DISTINCT FROM s.forma
