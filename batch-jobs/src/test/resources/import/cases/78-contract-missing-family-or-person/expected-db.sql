-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT kontrakt_id = 'K1' AND rodzina_id = 'R1' AND osoba_id = 'P01' AND data_od = '2025-02-01' AND data_do = '2025-07-31' AND liczba_osob = 3 FROM kontrakty WHERE snapshot_id = {snapshot};
SELECT contract_version = 2 FROM snapshot WHERE id = {snapshot};
