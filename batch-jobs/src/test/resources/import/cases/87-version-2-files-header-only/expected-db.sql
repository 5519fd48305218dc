-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT contract_version = 2 FROM snapshot WHERE id = {snapshot};
SELECT string_agg(file_name || '=' || rows_read, ',' ORDER BY file_name) = 'kontrakty.csv=0,wsparcie.csv=0' FROM snapshot_file WHERE snapshot_id = {snapshot} AND file_name IN ('kontrakty.csv', 'wsparcie.csv');
