-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT string_agg(kontrakt_id, ',') = 'K3' FROM kontrakty WHERE snapshot_id = {snapshot};
SELECT string_agg(wiersz || ':' || rodzina_id || ':' || coalesce(osoba_id, '-') || ':' || rodzaj, ',') = '4:R1:-:INTERWENCJA_KRYZYSOWA' FROM wsparcie WHERE snapshot_id = {snapshot};
