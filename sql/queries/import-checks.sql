-- Set-based checks of an import: rules that need other rows. They run on the staging tables of
-- one import (stg_<file>, with the line number and ok = passed the row-level rules so far) and add
-- one row per rejected row and problem to import_reject. Stages run in order; after each stage the
-- rows it rejected get ok = false, so that later stages see them as rejected and rows depending on
-- them are rejected too, naming the row they depend on. Statements are separated by a line "-- stage".
-- Of several rows with the same id the first (lowest line) is kept and the later ones are rejected.
-- A row rejected because it could not be split into its columns is staged (not ok) under its id when the id could be
-- read, else with no id (NULL): a row referring to an id that is not in the file then names the first rejected row
-- whose id is unknown — it may be the row it depends on.

-- stage 1: duplicate ids
-- A statement after a line "-- unless ascending: <file>" is skipped when the ids of that file's staged rows were
-- strictly ascending in file order (SnapshotImporter, AscendingIds): such ids are all different, so the statement
-- could reject nothing. The plan's check (a pair of columns, over valid rows only) always runs.
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'plan.csv', s.line, 'forma', s.forma,
       'plan dla roku ' || s.rok || ' i formy ' || s.forma || ' podano drugi raz (pierwszy raz w wierszu ' || f.first_line || ')'
  FROM stg_plan s
  JOIN (SELECT rok, forma, min(line) AS first_line FROM stg_plan WHERE ok
         GROUP BY rok, forma HAVING count(*) > 1) f USING (rok, forma)
 WHERE s.ok AND s.line > f.first_line;
-- unless ascending: osoby.csv
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'osoby.csv', s.line, 'osoba_id', s.osoba_id,
       'powtórzony identyfikator osoby ' || s.osoba_id || ' (pierwsze wystąpienie w wierszu ' || f.first_line || ')'
  FROM stg_osoby s
  JOIN (SELECT osoba_id, min(line) AS first_line FROM stg_osoby WHERE osoba_id IS NOT NULL
         GROUP BY osoba_id HAVING count(*) > 1) f USING (osoba_id)
 WHERE s.line > f.first_line;
-- unless ascending: rodziny.csv
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'rodziny.csv', s.line, 'rodzina_id', s.rodzina_id,
       'powtórzony identyfikator rodziny ' || s.rodzina_id || ' (pierwsze wystąpienie w wierszu ' || f.first_line || ')'
  FROM stg_rodziny s
  JOIN (SELECT rodzina_id, min(line) AS first_line FROM stg_rodziny WHERE rodzina_id IS NOT NULL
         GROUP BY rodzina_id HAVING count(*) > 1) f USING (rodzina_id)
 WHERE s.line > f.first_line;
-- unless ascending: decyzje.csv
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'decyzje.csv', s.line, 'decyzja_id', s.decyzja_id,
       'powtórzony identyfikator decyzji ' || s.decyzja_id || ' (pierwsze wystąpienie w wierszu ' || f.first_line || ')'
  FROM stg_decyzje s
  JOIN (SELECT decyzja_id, min(line) AS first_line FROM stg_decyzje WHERE decyzja_id IS NOT NULL
         GROUP BY decyzja_id HAVING count(*) > 1) f USING (decyzja_id)
 WHERE s.line > f.first_line;
-- unless ascending: swiadczenia.csv
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'swiadczenia.csv', s.line, 'swiadczenie_id', s.swiadczenie_id,
       'powtórzony identyfikator świadczenia ' || s.swiadczenie_id || ' (pierwsze wystąpienie w wierszu ' || f.first_line || ')'
  FROM stg_swiadczenia s
  JOIN (SELECT swiadczenie_id, min(line) AS first_line FROM stg_swiadczenia WHERE swiadczenie_id IS NOT NULL
         GROUP BY swiadczenie_id HAVING count(*) > 1) f USING (swiadczenie_id)
 WHERE s.line > f.first_line;
-- unless ascending: kontrakty.csv
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'kontrakty.csv', s.line, 'kontrakt_id', s.kontrakt_id,
       'powtórzony identyfikator kontraktu ' || s.kontrakt_id || ' (pierwsze wystąpienie w wierszu ' || f.first_line || ')'
  FROM stg_kontrakty s
  JOIN (SELECT kontrakt_id, min(line) AS first_line FROM stg_kontrakty WHERE kontrakt_id IS NOT NULL
         GROUP BY kontrakt_id HAVING count(*) > 1) f USING (kontrakt_id)
 WHERE s.line > f.first_line;
-- stage 2: references to families and persons
-- Only the references that fail need the messages' details: they are found first by a hash anti-join against the
-- valid families, and one against the valid persons, and only the ids they name are then aggregated (before, every
-- family and person was aggregated and every reference joined to both). A reference fails exactly when no valid row
-- has its id (not coalesce(any_ok, false) before). The referring files are read once per target: one read
-- unpivoting both references needed an anti-join on (id, target), for which the planner sorted all 2.9 million
-- references at 150 000 families — slower than before.
WITH bad AS MATERIALIZED (
        SELECT r.* FROM (
                  SELECT 'czlonkowie.csv' AS file, line, 'rodzina_id' AS col, rodzina_id AS id, 'F' AS target
                    FROM stg_czlonkowie WHERE ok
        UNION ALL SELECT 'decyzje.csv', line, 'rodzina_id', rodzina_id, 'F' FROM stg_decyzje WHERE ok
        UNION ALL SELECT 'praca_socjalna.csv', line, 'rodzina_id', rodzina_id, 'F' FROM stg_praca_socjalna WHERE ok
        UNION ALL SELECT 'kontrakty.csv', line, 'rodzina_id', rodzina_id, 'F' FROM stg_kontrakty WHERE ok
        UNION ALL SELECT 'wsparcie.csv', line, 'rodzina_id', rodzina_id, 'F' FROM stg_wsparcie WHERE ok) r
         WHERE NOT EXISTS (SELECT 1 FROM stg_rodziny f WHERE f.ok AND f.rodzina_id = r.id)
        UNION ALL
        SELECT r.* FROM (
                  SELECT 'czlonkowie.csv' AS file, line, 'osoba_id' AS col, osoba_id AS id, 'P' AS target
                    FROM stg_czlonkowie WHERE ok
        UNION ALL SELECT 'decyzje.csv', line, 'osoba_id', osoba_id, 'P' FROM stg_decyzje WHERE ok
        UNION ALL SELECT 'kontrakty.csv', line, 'osoba_id', osoba_id, 'P' FROM stg_kontrakty WHERE ok
        UNION ALL SELECT 'wsparcie.csv', line, 'osoba_id', osoba_id, 'P' FROM stg_wsparcie WHERE ok AND osoba_id IS NOT NULL) r
         WHERE NOT EXISTS (SELECT 1 FROM stg_osoby p WHERE p.ok AND p.osoba_id = r.id)),
     families AS (SELECT rodzina_id, min(line) AS first_line FROM stg_rodziny
                   WHERE rodzina_id IN (SELECT id FROM bad WHERE target = 'F') GROUP BY rodzina_id),
     persons  AS (SELECT osoba_id, min(line) AS first_line FROM stg_osoby
                   WHERE osoba_id IN (SELECT id FROM bad WHERE target = 'P') GROUP BY osoba_id),
     unread_families AS (SELECT min(line) AS first_line, count(*) AS n FROM stg_rodziny WHERE rodzina_id IS NULL),
     unread_persons  AS (SELECT min(line) AS first_line, count(*) AS n FROM stg_osoby WHERE osoba_id IS NULL)
INSERT INTO import_reject (file, line, col, value, message)
SELECT r.file, r.line, r.col, r.id,
       CASE WHEN r.target = 'F' AND f.rodzina_id IS NULL THEN 'nie ma rodziny ' || r.id || ' w pliku rodziny.csv'
                 || coalesce(' — może to być odrzucony wiersz, z którego nie dało się odczytać identyfikatora (rodziny.csv, '
                             || 'wiersz ' || uf.first_line
                             || CASE WHEN uf.n > 1 THEN ', i ' || (uf.n - 1) || ' inne takie wiersze' ELSE '' END || ')', '')
            WHEN r.target = 'F' THEN 'rodzina ' || r.id || ' została odrzucona (rodziny.csv, wiersz ' || f.first_line || ')'
            WHEN p.osoba_id IS NULL THEN 'nie ma osoby ' || r.id || ' w pliku osoby.csv'
                 || coalesce(' — może to być odrzucony wiersz, z którego nie dało się odczytać identyfikatora (osoby.csv, '
                             || 'wiersz ' || up.first_line
                             || CASE WHEN up.n > 1 THEN ', i ' || (up.n - 1) || ' inne takie wiersze' ELSE '' END || ')', '')
            ELSE 'osoba ' || r.id || ' została odrzucona (osoby.csv, wiersz ' || p.first_line || ')' END
  FROM bad r
  LEFT JOIN families f ON r.target = 'F' AND f.rodzina_id = r.id
  LEFT JOIN persons p ON r.target = 'P' AND p.osoba_id = r.id
  CROSS JOIN unread_families uf
  CROSS JOIN unread_persons up
 ORDER BY r.file, r.line, r.target;  -- a row's two problems in a fixed order (family, then person), whatever the plan
-- stage 3: a person in two families (or twice in one) on the same day
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'czlonkowie.csv', b.line, 'od', b.data_od::text,
       'osoba ' || b.osoba_id || ' jest w tym okresie już członkiem rodziny ' || a.rodzina_id
           || ' (czlonkowie.csv, wiersz ' || a.line || ') — osoba może należeć do jednej rodziny naraz'
  FROM stg_czlonkowie b
  CROSS JOIN LATERAL (
        SELECT a.line, a.rodzina_id FROM stg_czlonkowie a
         WHERE a.ok AND a.osoba_id = b.osoba_id AND a.line < b.line
           AND a.data_od <= coalesce(b.data_do, 'infinity') AND b.data_od <= coalesce(a.data_do, 'infinity')
         ORDER BY a.line LIMIT 1) a
 WHERE b.ok;
-- stage 4: two applicants (WNIOSKODAWCA) of one family on the same day
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'czlonkowie.csv', b.line, 'rola', b.rola,
       'rodzina ' || b.rodzina_id || ' ma już w tym okresie wnioskodawcę (czlonkowie.csv, wiersz ' || a.line
           || ') — rodzina ma jednego wnioskodawcę naraz'
  FROM stg_czlonkowie b
  CROSS JOIN LATERAL (
        SELECT a.line FROM stg_czlonkowie a
         WHERE a.ok AND a.rola = 'WNIOSKODAWCA' AND a.rodzina_id = b.rodzina_id AND a.line < b.line
           AND a.data_od <= coalesce(b.data_do, 'infinity') AND b.data_od <= coalesce(a.data_do, 'infinity')
         ORDER BY a.line LIMIT 1) a
 WHERE b.ok AND b.rola = 'WNIOSKODAWCA';
-- stage 5: members on days when their family has no applicant
WITH applicants AS (
        SELECT rodzina_id, range_agg(daterange(data_od, data_do, '[]')) AS days
          FROM stg_czlonkowie WHERE ok AND rola = 'WNIOSKODAWCA' GROUP BY rodzina_id)
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'czlonkowie.csv', c.line, 'rola', c.rola,
       'rodzina ' || c.rodzina_id || ' nie ma wnioskodawcy w dniu '
           || lower(datemultirange(daterange(c.data_od, c.data_do, '[]')) - coalesce(a.days, '{}'::datemultirange))
           || ' — członek rodziny wymaga wnioskodawcy w całym okresie członkostwa'
  FROM stg_czlonkowie c
  LEFT JOIN applicants a USING (rodzina_id)
 WHERE c.ok AND c.rola <> 'WNIOSKODAWCA'
   AND NOT coalesce(a.days @> daterange(c.data_od, c.data_do, '[]'), false);
-- stage 6: benefits (realisations) and their decisions and recipients
-- As in stage 2, the failing rows are found first by an anti-join (after stage 1 an id has at most one valid row, so
-- "no valid decision PRZYZNANIE or ZMIANA with this id" is exactly the condition below) and only their decisions and
-- persons are aggregated for the messages.
WITH bad AS MATERIALIZED (
        SELECT s.line, s.decyzja_id FROM stg_swiadczenia s
         WHERE s.ok AND NOT EXISTS (SELECT 1 FROM stg_decyzje d
                                     WHERE d.ok AND d.decyzja_id = s.decyzja_id AND d.rodzaj IN ('PRZYZNANIE', 'ZMIANA'))),
     decisions AS (SELECT decyzja_id, bool_or(ok) AS any_ok, min(line) AS first_line,
                          min(line) FILTER (WHERE ok) AS ok_line, min(rodzaj) FILTER (WHERE ok) AS rodzaj
                     FROM stg_decyzje WHERE decyzja_id IN (SELECT decyzja_id FROM bad) GROUP BY decyzja_id),
     unread AS (SELECT min(line) AS first_line, count(*) AS n FROM stg_decyzje WHERE decyzja_id IS NULL)
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'swiadczenia.csv', s.line, 'decyzja_id', s.decyzja_id,
       CASE WHEN d.decyzja_id IS NULL THEN 'nie ma decyzji ' || s.decyzja_id || ' w pliku decyzje.csv'
                 || coalesce(' — może to być odrzucony wiersz, z którego nie dało się odczytać identyfikatora (decyzje.csv, '
                             || 'wiersz ' || u.first_line
                             || CASE WHEN u.n > 1 THEN ', i ' || (u.n - 1) || ' inne takie wiersze' ELSE '' END || ')', '')
            WHEN NOT d.any_ok THEN 'decyzja ' || s.decyzja_id || ' została odrzucona (decyzje.csv, wiersz ' || d.first_line || ')'
            WHEN d.rodzaj = 'ODMOWA' THEN 'realizacja świadczenia na podstawie decyzji odmownej ' || s.decyzja_id
                 || ' (decyzje.csv, wiersz ' || d.ok_line || ') — odmowa nie może mieć realizacji'
            ELSE 'świadczenie można realizować tylko na podstawie decyzji PRZYZNANIE lub ZMIANA, a decyzja '
                 || s.decyzja_id || ' (decyzje.csv, wiersz ' || d.ok_line || ') to ' || d.rodzaj END
  FROM bad s
  LEFT JOIN decisions d USING (decyzja_id)
  CROSS JOIN unread u
 WHERE d.decyzja_id IS NULL OR NOT d.any_ok OR d.rodzaj NOT IN ('PRZYZNANIE', 'ZMIANA');
WITH bad AS MATERIALIZED (
        SELECT s.line, s.osoba_id FROM stg_swiadczenia s
         WHERE s.ok AND s.osoba_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM stg_osoby p WHERE p.ok AND p.osoba_id = s.osoba_id)),
     persons AS (SELECT osoba_id, bool_or(ok) AS any_ok, min(line) AS first_line FROM stg_osoby
                  WHERE osoba_id IN (SELECT osoba_id FROM bad) GROUP BY osoba_id),
     unread AS (SELECT min(line) AS first_line, count(*) AS n FROM stg_osoby WHERE osoba_id IS NULL)
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'swiadczenia.csv', s.line, 'osoba_id', s.osoba_id,
       CASE WHEN p.osoba_id IS NULL THEN 'nie ma osoby ' || s.osoba_id || ' w pliku osoby.csv'
                 || coalesce(' — może to być odrzucony wiersz, z którego nie dało się odczytać identyfikatora (osoby.csv, '
                             || 'wiersz ' || u.first_line
                             || CASE WHEN u.n > 1 THEN ', i ' || (u.n - 1) || ' inne takie wiersze' ELSE '' END || ')', '')
            ELSE 'osoba ' || s.osoba_id || ' została odrzucona (osoby.csv, wiersz ' || p.first_line || ')' END
  FROM bad s
  LEFT JOIN persons p USING (osoba_id)
  CROSS JOIN unread u
 WHERE NOT coalesce(p.any_ok, false);
-- stage 7: all realisations of one decision with the form ZASILEK_STALY carry one sub-type (empty counts as a value):
-- the first (lowest line) of those still valid decides, a disagreeing one is rejected naming it
WITH firsts AS (SELECT DISTINCT ON (decyzja_id) decyzja_id, line AS first_line, podtyp AS first_podtyp
                  FROM stg_swiadczenia WHERE ok AND forma = 'ZASILEK_STALY' ORDER BY decyzja_id, line)
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'swiadczenia.csv', s.line, 'podtyp', coalesce(s.podtyp, ''),
       'realizacja zasiłku stałego z decyzji ' || s.decyzja_id || ' ma ' || coalesce('podtyp ' || s.podtyp, 'pusty podtyp')
           || ', a pierwsza realizacja zasiłku stałego tej decyzji (swiadczenia.csv, wiersz ' || f.first_line || ') — '
           || coalesce('podtyp ' || f.first_podtyp, 'pusty podtyp')
           || ' (wszystkie realizacje zasiłku stałego jednej decyzji mają ten sam podtyp)'
  FROM stg_swiadczenia s
  JOIN firsts f USING (decyzja_id)
 WHERE s.ok AND s.forma = 'ZASILEK_STALY' AND s.line > f.first_line AND s.podtyp IS DISTINCT FROM f.first_podtyp;
-- stage 8: help without a person (wsparcie.csv, empty osoba_id = the family's applicant on that day) on a day when
-- the family has no applicant
INSERT INTO import_reject (file, line, col, value, message)
SELECT 'wsparcie.csv', w.line, 'osoba_id', '',
       'rodzina ' || w.rodzina_id || ' nie ma wnioskodawcy w dniu ' || to_char(w.data, 'YYYY-MM-DD')
           || ', a wsparcie bez osoby dotyczy wnioskodawcy rodziny w tym dniu — podaj osoba_id'
  FROM stg_wsparcie w
 WHERE w.ok AND w.osoba_id IS NULL
   AND NOT EXISTS (SELECT 1 FROM stg_czlonkowie c
                    WHERE c.ok AND c.rola = 'WNIOSKODAWCA' AND c.rodzina_id = w.rodzina_id
                      AND c.data_od <= w.data AND w.data <= coalesce(c.data_do, 'infinity'));
