-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT string_agg(wiersz::text, ',') = '5' FROM wsparcie WHERE snapshot_id = {snapshot};
