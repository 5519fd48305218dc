-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT string_agg(kontrakt_id || ':' || liczba_osob, ',' ORDER BY kontrakt_id) = 'K5:1,K6:4' FROM kontrakty WHERE snapshot_id = {snapshot};
