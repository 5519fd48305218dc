-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT string_agg(kontrakt_id || ':' || rodzina_id || ':' || liczba_osob, ',' ORDER BY kontrakt_id) = 'K1:R1:2,K2:R3:1' FROM kontrakty WHERE snapshot_id = {snapshot};
