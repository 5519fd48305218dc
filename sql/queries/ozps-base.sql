-- OZPS (annual assessment), the common part of the statements ozps-10-*.sql and audit-lineage-ozps.sql: the WITH clause
-- the program puts in front of each, over the reference sets that ozps-base-tables.sql built once in the same
-- transaction (the counting rules are written there). Parameter: :year (the assessment year Y).
WITH years AS (
    SELECT y AS year, make_date(y, 1, 1) AS first_day, make_date(y, 12, 31) AS last_day
      FROM generate_series(CAST(:year AS integer) - 2, CAST(:year AS integer)) AS y
),
realisations AS (SELECT * FROM pg_temp.ozps_realisations),
family_size AS (SELECT * FROM pg_temp.ozps_family_size),
family_reasons AS (SELECT * FROM pg_temp.ozps_family_reasons),
family_year AS (
    SELECT year, rodzina_id, reference_date, has_realisation, has_cash, has_noncash, has_social_work, has_contract
      FROM pg_temp.ozps_family_size
)
