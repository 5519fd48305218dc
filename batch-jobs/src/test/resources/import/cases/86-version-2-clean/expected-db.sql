-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT contract_version = 2 FROM snapshot WHERE id = {snapshot};
SELECT count(*) = 13 FROM swiadczenia WHERE snapshot_id = {snapshot};
SELECT string_agg(swiadczenie_id || ':' || array_to_string(cechy, '|'), ',' ORDER BY swiadczenie_id) = 'S01:NIEZALEZNIE_OD_DOCHODU,S02:DORAZNIE|PROGRAM_POSILEK,S06:KRYZYS_MASOWY,S10:DORAZNIE,S11:DORAZNIE' FROM swiadczenia WHERE snapshot_id = {snapshot} AND cechy <> '{}';
SELECT string_agg(swiadczenie_id || ':' || podtyp, ',' ORDER BY swiadczenie_id) = 'S03:SAMOTNIE,S09:SAMOTNIE' FROM swiadczenia WHERE snapshot_id = {snapshot} AND forma = 'ZASILEK_STALY';
SELECT podtyp = 'POSILEK' AND zadanie = 'ZLECONE' FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S10';
SELECT string_agg(kontrakt_id || ':' || rodzina_id || ':' || osoba_id || ':' || data_od || ':' || coalesce(data_do::text, '-') || ':' || liczba_osob, ',' ORDER BY kontrakt_id) = 'K1:R1:P01:2025-02-01:-:3,K2:R3:P05:2025-02-10:2025-05-31:1,K3:R4:P08:2025-03-01:2025-03-31:2' FROM kontrakty WHERE snapshot_id = {snapshot};
SELECT string_agg(wiersz || ':' || rodzina_id || ':' || coalesce(osoba_id, '-') || ':' || data || ':' || rodzaj, ',' ORDER BY wiersz) = '2:R1:-:2025-03-03:INTERWENCJA_KRYZYSOWA,3:R2:P09:2025-02-14:PORADNICTWO_PRAWNE,4:R3:P07:2025-04-01:PORADNICTWO_PSYCHOLOGICZNE,5:R4:-:2025-05-06:PORADNICTWO_RODZINNE' FROM wsparcie WHERE snapshot_id = {snapshot};
