-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT cechy = '{NIEZALEZNIE_OD_DOCHODU}'::text[] FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S01';
SELECT cechy = '{DORAZNIE,PROGRAM_POSILEK}'::text[] FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S02';
SELECT cechy = '{KRYZYS_MASOWY}'::text[] FROM swiadczenia WHERE snapshot_id = {snapshot} AND swiadczenie_id = 'S06';
SELECT count(*) = 5 FROM swiadczenia WHERE snapshot_id = {snapshot} AND cechy = '{}';
SELECT contract_version = 2 FROM snapshot WHERE id = {snapshot};
