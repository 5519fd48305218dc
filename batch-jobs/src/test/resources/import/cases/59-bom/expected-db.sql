-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT bool_and(encoding = 'UTF-8 (z BOM)') AND count(*) = 7 FROM snapshot_file WHERE snapshot_id = {snapshot};
