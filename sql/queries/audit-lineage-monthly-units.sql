-- The counted units of the monthly statistics' lineage (audit-lineage-monthly.sql), supplied to the package
-- (LineageTable.UNITS) so that it numbers these instead of looking for the distinct families among all the lineage
-- rows (issue 17: x60 13.5 million rows, 11 s, against 1.2 s here). Every lineage row's family is a family of
-- ms_family_year: the family-months, family forms and family reasons are all of families of the windows'
-- realisations, each of which is in ms_family_year with its window; the package checks that no line was lost.
INSERT INTO pg_temp.audit_lineage_units (kind, source_id)
SELECT DISTINCT 'rodzina', rodzina_id FROM ms_family_year
