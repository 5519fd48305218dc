-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT string_agg(kontrakt_id || ':' || data_od || ':' || data_do, ',') = 'K2:2025-03-01:2025-03-01' FROM kontrakty WHERE snapshot_id = {snapshot};
