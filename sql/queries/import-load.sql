-- Moves the rows of an import that passed every check from staging into the snapshot's tables,
-- applying the contract's defaults (recipient = the decision's person); a realisation also gets its decision's
-- family (swiadczenia.rodzina_id, V24: the jobs read it instead of joining every realisation to its decision).
-- {snapshot} is the new snapshot's id; each table is the snapshot's own plain table ({part} = "_m<snapshot>",
-- SnapshotPartitions), still without indexes: it becomes the snapshot's partition after this.
-- The importer runs the statements one by one (its log times each table): every statement is an INSERT INTO
-- <table>{part} (columns) SELECT … ending with a semicolon at the end of a line, and no comment line ends with one.
-- The importer makes the table from the SELECT with CREATE TABLE … AS (written in bulk, not row by row; the parent's
-- types, collations, NOT NULL, defaults and CHECK constraints are applied there: SnapshotPartitions.createFilled), so the
-- statement names the columns its SELECT fills; the INSERT form keeps it readable and runnable by hand.
INSERT INTO osoby{part} (snapshot_id, osoba_id, pesel, data_urodzenia, plec, obywatelstwo, zrodlo_dochodu)
SELECT {snapshot}, osoba_id, pesel, data_urodzenia, plec, obywatelstwo, zrodlo_dochodu FROM stg_osoby WHERE ok;
INSERT INTO rodziny{part} (snapshot_id, rodzina_id, dzielnica, filia, teren)
SELECT {snapshot}, rodzina_id, dzielnica, filia, teren FROM stg_rodziny WHERE ok;
INSERT INTO czlonkowie{part} (snapshot_id, rodzina_id, osoba_id, rola, data_od, data_do)
SELECT {snapshot}, rodzina_id, osoba_id, rola, data_od, data_do FROM stg_czlonkowie WHERE ok;
INSERT INTO decyzje{part} (snapshot_id, decyzja_id, rodzina_id, osoba_id, data_wydania, rodzaj)
SELECT {snapshot}, decyzja_id, rodzina_id, osoba_id, data_wydania, rodzaj FROM stg_decyzje WHERE ok;
INSERT INTO decyzje_powody{part} (snapshot_id, decyzja_id, powod)
SELECT {snapshot}, decyzja_id, powod FROM stg_decyzje, unnest(string_to_array(powody, '|')) AS powod WHERE ok;
INSERT INTO swiadczenia{part} (snapshot_id, swiadczenie_id, decyzja_id, osoba_id, forma, podtyp, zadanie, data, liczba, kwota, finansowanie,
                         cechy, rodzina_id)
SELECT {snapshot}, s.swiadczenie_id, s.decyzja_id, coalesce(s.osoba_id, d.osoba_id), s.forma, s.podtyp, s.zadanie,
       s.data, s.liczba, s.kwota, s.finansowanie, coalesce(string_to_array(s.cechy, '|'), '{}'), d.rodzina_id
  FROM stg_swiadczenia s JOIN stg_decyzje d ON d.decyzja_id = s.decyzja_id AND d.ok
 WHERE s.ok;
INSERT INTO praca_socjalna{part} (snapshot_id, rodzina_id, data, kontrakt)
SELECT {snapshot}, rodzina_id, data, kontrakt FROM stg_praca_socjalna WHERE ok;
INSERT INTO plan_finansowy{part} (snapshot_id, rok, forma, kwota_planu)
SELECT {snapshot}, rok, forma, kwota_planu FROM stg_plan WHERE ok;
INSERT INTO kontrakty{part} (snapshot_id, kontrakt_id, rodzina_id, osoba_id, data_od, data_do, liczba_osob)
SELECT {snapshot}, kontrakt_id, rodzina_id, osoba_id, data_od, data_do, liczba_osob FROM stg_kontrakty WHERE ok;
INSERT INTO wsparcie{part} (snapshot_id, wiersz, rodzina_id, osoba_id, data, rodzaj)
SELECT {snapshot}, line, rodzina_id, osoba_id, data, rodzaj FROM stg_wsparcie WHERE ok;
