-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT kwota = 350.50 FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S05';
SELECT kwota = 719 FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S03';
SELECT kwota_planu = 10000 FROM plan_finansowy WHERE snapshot_id = {snapshot} AND forma = 'ZASILEK_OKRESOWY';
