-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT kwota = 1050.50 AND liczba = 30 AND finansowanie = 'SRODKI_WLASNE' FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S04';
SELECT dzielnica = 'III' AND teren = 'WIES' AND filia = 'F1' FROM rodziny WHERE snapshot_id = {snapshot} AND rodzina_id = 'R3';
