-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT podtyp = 'SCHRONIENIE' AND zadanie = 'ZLECONE' FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S10';
SELECT podtyp = 'ZASILEK_CELOWY' FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S11';
SELECT string_agg(s.swiadczenie_id || '=' || coalesce(st.cash, f.cash)::text, ',' ORDER BY s.swiadczenie_id) = 'S09=false,S10=false,S11=true,S12=true,S13=false' FROM swiadczenia s JOIN dict_form f ON f.code = s.forma LEFT JOIN dict_subtype st ON st.form = s.forma AND st.code = s.podtyp WHERE s.snapshot_id = {snapshot} AND s.swiadczenie_id >= 'S09';
SELECT contract_version = 2 FROM snapshot WHERE id = {snapshot};
