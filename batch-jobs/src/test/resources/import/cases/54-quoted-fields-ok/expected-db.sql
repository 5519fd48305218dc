-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT count(*) = 1 FROM osoby WHERE snapshot_id = {snapshot} AND osoba_id = 'P"10';
SELECT count(*) = 1 FROM czlonkowie WHERE snapshot_id = {snapshot} AND osoba_id = 'P"10' AND rodzina_id = 'R;5';
SELECT pesel IS NULL AND zrodlo_dochodu = 'INNE' FROM osoby WHERE snapshot_id = {snapshot} AND osoba_id = 'P06';
