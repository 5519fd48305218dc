-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT string_agg(swiadczenie_id || ':' || forma || ':' || zadanie || ':' || osoba_id, ',' ORDER BY swiadczenie_id) = 'S09:POMOC_RZECZOWA:WLASNE:P01,S10:PRODUKTY_ZYWNOSCIOWE:WLASNE:P03,S11:SKLADKA_EMERYTALNA_RENTOWA:WLASNE:P04' FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id >= 'S09';
SELECT contract_version = 2 FROM snapshot WHERE id = {snapshot};
