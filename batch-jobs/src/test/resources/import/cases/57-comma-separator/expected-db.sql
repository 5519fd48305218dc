-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT bool_and(separator = ',') AND count(*) = 7 FROM snapshot_file WHERE snapshot_id = {snapshot};
SELECT kwota = 1050.50 FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S04';
