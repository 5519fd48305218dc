-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT liczba = 999999999 FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S10';
