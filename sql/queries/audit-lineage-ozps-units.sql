-- The counted units of the OZPS lineage (audit-lineage-ozps.sql), supplied to the package (LineageTable.UNITS) so that
-- it numbers these instead of looking for the distinct units among all the lineage rows (issue 17: 20.9 million at
-- x60). Put behind the WITH clause of ozps-base.sql and the CTEs of audit-lineage-ozps.sql (OzpsLineage.unitsStatement).
-- Each lineage row takes its unit from one of these sets: the families of 10.3 (family_year); those of 10.4 and of
-- 10.5/10.6 are families of the year's realisations, which family_year holds too (ozps-base-tables.sql: every family
-- of each year with a realisation or social work); the recipients of 10.3, 10.5 and 10.6 are persons of the
-- realisations; the families and decisions of 10.8 are those of the refusals. The package checks that no line was lost.
INSERT INTO pg_temp.audit_lineage_units (kind, source_id)
SELECT 'rodzina', rodzina_id FROM family_year
UNION SELECT 'rodzina', rodzina_id FROM lineage_refusals
UNION SELECT 'osoba', osoba_id FROM realisations
UNION SELECT 'decyzja', decyzja_id FROM lineage_refusals
