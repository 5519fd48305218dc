-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT string_agg(swiadczenie_id || ':' || coalesce(podtyp, '-'), ',' ORDER BY swiadczenie_id) = 'S03:-,S10:-,S11:W_RODZINIE,S12:W_RODZINIE,S16:W_RODZINIE' FROM swiadczenia WHERE snapshot_id = {snapshot} AND forma = 'ZASILEK_STALY';
SELECT contract_version = 2 FROM snapshot WHERE id = {snapshot};
