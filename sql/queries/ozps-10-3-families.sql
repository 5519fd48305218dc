-- OZPS table 10.3 — persons and families helped, per year (appended to ozps-base.sql).
-- Rows (MRPiPS-03 section 2, plus the families reached by benefits or social work):
--   OBJETE_POMOCA             families with a realisation or social work in the year
--   SWIADCZENIA               families with a realisation (any form); recipients, benefits, amount
--   PIENIEZNE / NIEPIENIEZNE  families with a realisation of a cash / non-cash form; their recipients
--   PRACA_SOCJALNA            families with social work (whether or not they got a benefit)
--   WYLACZNIE_PRACA_SOCJALNA  families with social work and no realisation
--   KONTRAKT_SOCJALNY         families with social work under a social contract
-- Each row is its own distinct count (FILTER), so a family with cash and non-cash benefits is one family
-- of SWIADCZENIA. Columns: table_code, row_code, year, families, persons_in_families, recipients,
-- benefits, amount, decisions.
, family_counts AS (
    SELECT year,
           count(*)                                                      AS f_all,
           sum(size)                                                     AS p_all,
           count(*)  FILTER (WHERE has_realisation)                      AS f_benefits,
           sum(size) FILTER (WHERE has_realisation)                      AS p_benefits,
           count(*)  FILTER (WHERE has_cash)                             AS f_cash,
           sum(size) FILTER (WHERE has_cash)                             AS p_cash,
           count(*)  FILTER (WHERE has_noncash)                          AS f_noncash,
           sum(size) FILTER (WHERE has_noncash)                          AS p_noncash,
           count(*)  FILTER (WHERE has_social_work)                      AS f_work,
           sum(size) FILTER (WHERE has_social_work)                      AS p_work,
           count(*)  FILTER (WHERE has_social_work AND NOT has_realisation) AS f_work_only,
           sum(size) FILTER (WHERE has_social_work AND NOT has_realisation) AS p_work_only,
           count(*)  FILTER (WHERE has_contract)                         AS f_contract,
           sum(size) FILTER (WHERE has_contract)                         AS p_contract
      FROM family_size
     GROUP BY year
),
recipient_counts AS (
    SELECT year,
           count(DISTINCT osoba_id)                          AS r_all,
           count(DISTINCT osoba_id) FILTER (WHERE cash)      AS r_cash,
           count(DISTINCT osoba_id) FILTER (WHERE NOT cash)  AS r_noncash,
           sum(liczba)                                       AS b_all,
           sum(liczba) FILTER (WHERE cash)                   AS b_cash,
           sum(liczba) FILTER (WHERE NOT cash)               AS b_noncash,
           sum(kwota)                                        AS a_all,
           sum(kwota) FILTER (WHERE cash)                    AS a_cash,
           sum(kwota) FILTER (WHERE NOT cash)                AS a_noncash
      FROM realisations
     GROUP BY year
)
SELECT '10.3' AS table_code, v.row_code, y.year, v.families, v.persons, v.recipients, v.benefits, v.amount,
       CAST(NULL AS bigint) AS decisions
  FROM years y
  LEFT JOIN family_counts f ON f.year = y.year
  LEFT JOIN recipient_counts r ON r.year = y.year
 CROSS JOIN LATERAL (VALUES
       ('OBJETE_POMOCA',            coalesce(f.f_all, 0),       coalesce(f.p_all, 0),       CAST(NULL AS bigint),    CAST(NULL AS bigint),    CAST(NULL AS numeric)),
       ('SWIADCZENIA',              coalesce(f.f_benefits, 0),  coalesce(f.p_benefits, 0),  coalesce(r.r_all, 0),     coalesce(r.b_all, 0),     coalesce(r.a_all, 0)),
       ('PIENIEZNE',                coalesce(f.f_cash, 0),      coalesce(f.p_cash, 0),      coalesce(r.r_cash, 0),    coalesce(r.b_cash, 0),    coalesce(r.a_cash, 0)),
       ('NIEPIENIEZNE',             coalesce(f.f_noncash, 0),   coalesce(f.p_noncash, 0),   coalesce(r.r_noncash, 0), coalesce(r.b_noncash, 0), coalesce(r.a_noncash, 0)),
       ('PRACA_SOCJALNA',           coalesce(f.f_work, 0),      coalesce(f.p_work, 0),      CAST(NULL AS bigint),    CAST(NULL AS bigint),    CAST(NULL AS numeric)),
       ('WYLACZNIE_PRACA_SOCJALNA', coalesce(f.f_work_only, 0), coalesce(f.p_work_only, 0), CAST(NULL AS bigint),    CAST(NULL AS bigint),    CAST(NULL AS numeric)),
       ('KONTRAKT_SOCJALNY',        coalesce(f.f_contract, 0),  coalesce(f.p_contract, 0),  CAST(NULL AS bigint),    CAST(NULL AS bigint),    CAST(NULL AS numeric))
   ) AS v(row_code, families, persons, recipients, benefits, amount)
