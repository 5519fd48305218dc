-- Cell lineage of the OZPS tables computed from case data (10.3–10.8; auditors' package,
-- ../shared/spec/reports.md), appended to ozps-base.sql so that the reference sets and counting rules are the
-- ones of the tables themselves: one row per family, recipient or refusal decision counted in each cell.
-- The query of the lineage rows (cell, kind, source_id): the aggregation makes the run's kept lineage table from it
-- with CREATE TABLE … AS (StoredLineage.keepCreatedAs: written in bulk; x10, psql, 5 runs: 6.0–6.7 s with the units
-- below against 6.7–9.6 s as one INSERT through the view with the units inserted by a part of the same statement), and
-- the package step, when the kept rows were lost, inserts it into pg_temp.audit_lineage (OzpsLineage.fill).
-- Its counted units are inserted by audit-lineage-ozps-units.sql, behind the same WITH clause and the CTEs below.
-- Pseudonyms are computed when it is written out.
-- Parameters: :snapshotId, :year (the assessment year Y; the lineage covers Y−2..Y).
-- Cell keys: <rok>/<tabela>/<wiersz>/<miara>, e.g. 2025/10.3/SWIADCZENIA/rodziny, 2025/10.5/OGOLEM/swiadczeniobiorcy,
-- 2025/10.8/UBOSTWO/decyzje. The "osoby w rodzinach" columns add up the members of the families of the
-- "rodziny" cell of the same row on each family's reference date, so the families are their lineage.
-- The rows of 10.4 come from the reference set family_reasons (ozps-base-tables.sql), like the table itself.
, lineage_family_rows AS (
    SELECT year, rodzina_id, v.row_code
      FROM family_year
     CROSS JOIN LATERAL (VALUES
           ('OBJETE_POMOCA', true),
           ('SWIADCZENIA', has_realisation),
           ('PIENIEZNE', has_cash),
           ('NIEPIENIEZNE', has_noncash),
           ('PRACA_SOCJALNA', has_social_work),
           ('WYLACZNIE_PRACA_SOCJALNA', has_social_work AND NOT has_realisation),
           ('KONTRAKT_SOCJALNY', has_contract)
       ) AS v(row_code, applies)
     WHERE v.applies
),
-- the realisations reduced to the distinct units first (a family or a person has many realisations of a form in a
-- year): the cell keys are built on these few rows, not on every realisation four times over. The realisations are
-- read twice (10 million rows at x60); a person's (year, cash) pairs are those of the person's forms, so they come
-- from the person-forms (2.5 million) — the same set as from the realisations, without a third pass over them.
lineage_family_form AS (
    SELECT DISTINCT year, cash, forma, rodzina_id FROM realisations
),
lineage_person_form AS (
    SELECT DISTINCT year, cash, forma, osoba_id FROM realisations
),
lineage_person_cash AS (
    SELECT DISTINCT year, cash, osoba_id FROM lineage_person_form
),
lineage_refusals AS (
    SELECT y.year, d.decyzja_id, d.rodzina_id, coalesce(dp.powod, 'BEZ_POWODU') AS powod
      FROM decyzje d
      JOIN years y ON d.data_wydania BETWEEN y.first_day AND y.last_day
      LEFT JOIN decyzje_powody dp ON dp.snapshot_id = d.snapshot_id AND dp.decyzja_id = d.decyzja_id
     WHERE d.snapshot_id = :snapshotId AND d.rodzaj = 'ODMOWA'
)
-- the rows (audit-lineage-ozps-units.sql is put after the CTEs above, in place of this line and what follows)
SELECT year || '/10.3/' || row_code || '/rodziny', 'rodzina', rodzina_id FROM lineage_family_rows
UNION ALL
SELECT year || '/10.3/SWIADCZENIA/swiadczeniobiorcy', 'osoba', osoba_id
  FROM (SELECT DISTINCT year, osoba_id FROM lineage_person_cash) x
UNION ALL
SELECT year || '/10.3/' || CASE WHEN cash THEN 'PIENIEZNE' ELSE 'NIEPIENIEZNE' END || '/swiadczeniobiorcy', 'osoba', osoba_id
  FROM lineage_person_cash
UNION ALL
SELECT year || '/10.4/' || powod || '/rodziny', 'rodzina', rodzina_id FROM family_reasons
UNION ALL
SELECT year || '/10.4/OGOLEM/rodziny', 'rodzina', rodzina_id FROM (SELECT DISTINCT year, rodzina_id FROM family_reasons) x
UNION ALL
-- 10.5 (cash forms) and 10.6 (the others): a form's own row, and OGOLEM of the table (a form's cash flag is fixed by
-- the dictionary, so (cash, forma) names one cell; no form is coded OGOLEM)
SELECT year || '/' || CASE WHEN cash THEN '10.5' ELSE '10.6' END || '/' || forma || '/rodziny', 'rodzina', rodzina_id
  FROM lineage_family_form
UNION ALL
SELECT year || '/' || CASE WHEN cash THEN '10.5' ELSE '10.6' END || '/OGOLEM/rodziny', 'rodzina', rodzina_id
  FROM (SELECT DISTINCT year, cash, rodzina_id FROM lineage_family_form) x
UNION ALL
SELECT year || '/' || CASE WHEN cash THEN '10.5' ELSE '10.6' END || '/' || forma || '/swiadczeniobiorcy', 'osoba', osoba_id
  FROM lineage_person_form
UNION ALL
SELECT year || '/' || CASE WHEN cash THEN '10.5' ELSE '10.6' END || '/OGOLEM/swiadczeniobiorcy', 'osoba', osoba_id
  FROM lineage_person_cash
UNION ALL
SELECT DISTINCT year || '/10.8/' || v.row_code || '/' || v.measure, v.kind, v.source_id
  FROM lineage_refusals
 CROSS JOIN LATERAL (VALUES (powod, 'rodziny', 'rodzina', rodzina_id), ('OGOLEM', 'rodziny', 'rodzina', rodzina_id),
                            (powod, 'decyzje', 'decyzja', decyzja_id),
                            ('OGOLEM', 'decyzje', 'decyzja', decyzja_id)) AS v(row_code, measure, kind, source_id)
