-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT plec = 'K' AND obywatelstwo = 'PL' AND zrodlo_dochodu = 'PRACA' FROM osoby WHERE snapshot_id = {snapshot} AND osoba_id = 'P01';
SELECT plec = 'M' AND zrodlo_dochodu = 'EMERYTURA' FROM osoby WHERE snapshot_id = {snapshot} AND osoba_id = 'P04';
SELECT string_agg(rodzina_id || ':' || dzielnica || ':' || filia || ':' || teren, ',' ORDER BY rodzina_id) = 'R1:I:F6:MIASTO,R2:XIV:F1:MIASTO,R3:III:F1:WIES,R4:XVIII:F4:MIASTO' FROM rodziny WHERE snapshot_id = {snapshot};
SELECT rola = 'MALZONEK' FROM czlonkowie WHERE snapshot_id = {snapshot} AND osoba_id = 'P02';
SELECT rodzaj = 'PRZYZNANIE' FROM decyzje WHERE snapshot_id = {snapshot} AND decyzja_id = 'D1';
SELECT string_agg(powod, ',' ORDER BY powod) = 'BEZROBOCIE,UBOSTWO' FROM decyzje_powody WHERE snapshot_id = {snapshot} AND decyzja_id = 'D1';
SELECT forma = 'ZASILEK_OKRESOWY' AND podtyp = 'BEZROBOCIE' AND zadanie = 'WLASNE' AND finansowanie = 'DOTACJA' FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S01';
SELECT forma = 'USLUGI_OPIEKUNCZE' AND podtyp = 'SPECJALISTYCZNE' AND finansowanie = 'SRODKI_WLASNE' FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S04';
SELECT count(*) = 1 FROM plan_finansowy WHERE snapshot_id = {snapshot} AND forma = 'ZASILEK_STALY' AND kwota_planu = 12000;
