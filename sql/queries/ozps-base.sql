-- OZPS (annual assessment), the common part of the statements ozps-10-*.sql and audit-lineage-ozps.sql: the WITH clause
-- the program puts in front of each, over the reference sets that ozps-base-tables.sql built once in the same
-- transaction (the counting rules are written there). Parameter: :year (the assessment year Y).
WITH years AS (
    SELECT y AS year, make_date(y, 1, 1) AS first_day, make_date(y, 12, 31) AS last_day
      FROM generate_series(CAST(:year AS integer) - 2, CAST(:year AS integer)) AS y
),
-- NOT MATERIALIZED: a statement that reads one of these twice (the lineage reads the realisations twice) would copy
-- the temporary table into a work area first (10 million rows at x60); read directly, the lineage took 50–57 s instead
-- of 65–67 s (psql x60, alternating), the tables the same time
realisations AS NOT MATERIALIZED (SELECT * FROM pg_temp.ozps_realisations),
family_size AS NOT MATERIALIZED (SELECT * FROM pg_temp.ozps_family_size),
family_reasons AS NOT MATERIALIZED (SELECT * FROM pg_temp.ozps_family_reasons),
family_year AS NOT MATERIALIZED (
    SELECT year, rodzina_id, reference_date, has_realisation, has_cash, has_noncash, has_social_work, has_contract
      FROM pg_temp.ozps_family_size
)
