-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT string_agg(wiersz || ':' || rodzina_id || ':' || coalesce(osoba_id, '-') || ':' || data || ':' || rodzaj, ',' ORDER BY wiersz) = '2:R1:P02:2025-03-01:PORADNICTWO_PRAWNE,3:R2:-:2025-03-02:PORADNICTWO_PSYCHOLOGICZNE' FROM wsparcie WHERE snapshot_id = {snapshot};
SELECT contract_version = 2 FROM snapshot WHERE id = {snapshot};
