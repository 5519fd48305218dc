-- Fact set of one MRPiPS-03 return (../shared/spec/mrpips03.md, "Reference sets"): one row per event of
-- the period, each carrying its family's attributes. The section statements generated from the layout
-- (Mrpips03SectionSql) count over this table. Parameters: :snapshotId, :periodStart, :periodEnd.
--
--  * events: realisations (zdarzenie 'S': rows of swiadczenia with "data" in the period) and social work
--    (zdarzenie 'P': rows of praca_socjalna in the period);
--  * the family of a realisation is the family of its decision; the recipient is swiadczenia.osoba_id;
--  * the family's reference date is the date of its LAST realisation in the period, or, for a family with
--    social work only, of its last social work in the period. On that date (membership od <= d <= do):
--      rozmiar   = members, dzieci = members with role DZIECKO aged under 18,
--      niepelna  = an applicant (WNIOSKODAWCA), no spouse or partner, at least one child,
--      emeryci   = the applicant's zrodlo_dochodu is EMERYTURA or RENTA;
--  * powody = the union of the reasons of the family's decisions that have a realisation in the period
--    (a refusal has no realisation, so its reasons count nowhere);
--  * wies = the family's teren is WIES; bez_swiadczen = the family has no realisation in the period.
CREATE TEMP TABLE mrpips03_fakty ON COMMIT DROP AS
WITH realisations AS (
    SELECT d.rodzina_id, s.osoba_id, s.decyzja_id, s.zadanie, s.forma, s.podtyp, fm.cash AS pieniezna,
           s.data, s.liczba, s.kwota
      FROM swiadczenia s
      JOIN decyzje d ON d.snapshot_id = s.snapshot_id AND d.decyzja_id = s.decyzja_id
      LEFT JOIN dict_form fm ON fm.code = s.forma
     WHERE s.snapshot_id = :snapshotId
       AND s.data BETWEEN :periodStart AND :periodEnd
),
social_work AS (
    SELECT rodzina_id, data, kontrakt
      FROM praca_socjalna
     WHERE snapshot_id = :snapshotId
       AND data BETWEEN :periodStart AND :periodEnd
),
reference_date AS (
    SELECT rodzina_id,
           coalesce(max(data) FILTER (WHERE realised), max(data)) AS reference_date,
           bool_or(realised) AS realised
      FROM (SELECT rodzina_id, data, true AS realised FROM realisations
            UNION ALL
            SELECT rodzina_id, data, false FROM social_work) e
     GROUP BY rodzina_id
),
composition AS (
    SELECT r.rodzina_id, r.realised,
           count(DISTINCT c.osoba_id) AS rozmiar,
           count(DISTINCT c.osoba_id) FILTER (WHERE c.rola = 'DZIECKO'
                                                AND o.data_urodzenia > r.reference_date - interval '18 years') AS dzieci,
           coalesce(bool_or(c.rola = 'WNIOSKODAWCA'), false) AS wnioskodawca,
           coalesce(bool_or(c.rola IN ('MALZONEK', 'PARTNER')), false) AS partner,
           coalesce(bool_or(c.rola = 'WNIOSKODAWCA' AND o.zrodlo_dochodu IN ('EMERYTURA', 'RENTA')), false) AS emeryci
      FROM reference_date r
      LEFT JOIN czlonkowie c ON c.snapshot_id = :snapshotId AND c.rodzina_id = r.rodzina_id
                            AND c.data_od <= r.reference_date
                            AND (c.data_do IS NULL OR c.data_do >= r.reference_date)
      LEFT JOIN osoby o ON o.snapshot_id = :snapshotId AND o.osoba_id = c.osoba_id
     GROUP BY r.rodzina_id, r.realised
),
reasons AS (
    SELECT x.rodzina_id, array_agg(DISTINCT dp.powod) AS powody
      FROM (SELECT DISTINCT rodzina_id, decyzja_id FROM realisations) x
      JOIN decyzje_powody dp ON dp.snapshot_id = :snapshotId AND dp.decyzja_id = x.decyzja_id
     GROUP BY x.rodzina_id
),
families AS (
    SELECT c.rodzina_id, c.rozmiar, c.dzieci,
           c.wnioskodawca AND NOT c.partner AND c.dzieci > 0 AS niepelna,
           c.emeryci,
           coalesce(rd.teren, 'MIASTO') AS teren,
           coalesce(rd.teren = 'WIES', false) AS wies,
           NOT c.realised AS bez_swiadczen,
           coalesce(rs.powody, CAST('{}' AS text[])) AS powody
      FROM composition c
      LEFT JOIN rodziny rd ON rd.snapshot_id = :snapshotId AND rd.rodzina_id = c.rodzina_id
      LEFT JOIN reasons rs ON rs.rodzina_id = c.rodzina_id
)
SELECT 'S' AS zdarzenie, r.rodzina_id, r.osoba_id, r.zadanie, r.forma, r.podtyp, r.pieniezna,
       CAST(NULL AS boolean) AS kontrakt, r.liczba, r.kwota,
       f.rozmiar, f.dzieci, f.niepelna, f.emeryci, f.teren, f.wies, f.bez_swiadczen, f.powody
  FROM realisations r
  JOIN families f ON f.rodzina_id = r.rodzina_id
UNION ALL
SELECT 'P', w.rodzina_id, NULL, NULL, NULL, NULL, NULL,
       w.kontrakt, 0, 0,
       f.rozmiar, f.dzieci, f.niepelna, f.emeryci, f.teren, f.wies, f.bez_swiadczen, f.powody
  FROM social_work w
  JOIN families f ON f.rodzina_id = w.rodzina_id
