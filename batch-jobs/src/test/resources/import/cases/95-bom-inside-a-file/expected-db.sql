-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT count(*) = 0 FROM osoby WHERE snapshot_id = {snapshot} AND osoba_id LIKE '%' || chr(65279) || '%';
