-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT count(*) = 9 FROM osoby WHERE snapshot_id = {snapshot};
SELECT count(*) = 8 FROM swiadczenia WHERE snapshot_id = {snapshot};
SELECT sum(rows_read) = 44 AND sum(rows_rejected) = 0 FROM snapshot_file WHERE snapshot_id = {snapshot};
