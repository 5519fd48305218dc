-- The operational tables partitioned by snapshot (LIST (snapshot_id)), so that an import no longer inserts
-- millions of rows into tables whose primary keys and indexes cover every earlier snapshot: it fills a fresh
-- plain table per table and snapshot (no index while loading), builds its primary key and indexes once, adds
-- CHECK (snapshot_id = N) (so attaching needs no validation scan) and attaches it as the snapshot's partition
-- (SnapshotImporter, SnapshotPartitions). Every query filters by snapshot_id = ?, so partition pruning leaves
-- it one partition with the same indexes as before.
--
-- The rows imported before this migration stay where they are: each old table becomes the partition
-- "<table>_v22" for the snapshot ids it holds (dropped when it holds none). A DEFAULT partition "<table>_inne"
-- takes rows written outside the import (it stays empty in normal use; an import attaching a partition
-- checks the default partition for rows of its snapshot, which costs nothing while it is empty).
-- Index and constraint names of the parents are the old tables' names, so nothing that names them changes.

CREATE FUNCTION pg_temp.partition_by_snapshot(t text, indexes text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ids    text;
    idx    text;
    def    text;
BEGIN
    -- the old table and its indexes get the "_v22" names; the parent takes the original names
    EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_v22');
    FOR idx IN SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = (t || '_v22')::regclass LOOP
        EXECUTE format('ALTER INDEX %I RENAME TO %I', idx, replace(idx, t || '_', t || '_v22_'));
    END LOOP;
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY LIST (snapshot_id)',
                   t, t || '_v22');
    FOREACH def IN ARRAY indexes LOOP
        EXECUTE def;
    END LOOP;
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t || '_inne', t);
    EXECUTE format('SELECT string_agg(DISTINCT snapshot_id::text, '', '') FROM %I', t || '_v22') INTO ids;
    IF ids IS NULL THEN
        EXECUTE format('DROP TABLE %I', t || '_v22');
    ELSE
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%s)', t, t || '_v22', ids);
    END IF;
END
$$;

SELECT pg_temp.partition_by_snapshot('osoby', ARRAY[
    'ALTER TABLE osoby ADD CONSTRAINT osoby_pkey PRIMARY KEY (snapshot_id, osoba_id)']);
SELECT pg_temp.partition_by_snapshot('rodziny', ARRAY[
    'ALTER TABLE rodziny ADD CONSTRAINT rodziny_pkey PRIMARY KEY (snapshot_id, rodzina_id)']);
SELECT pg_temp.partition_by_snapshot('czlonkowie', ARRAY[
    'CREATE INDEX czlonkowie_rodzina_idx ON czlonkowie (snapshot_id, rodzina_id, data_od)']);
SELECT pg_temp.partition_by_snapshot('decyzje', ARRAY[
    'ALTER TABLE decyzje ADD CONSTRAINT decyzje_pkey PRIMARY KEY (snapshot_id, decyzja_id)']);
SELECT pg_temp.partition_by_snapshot('decyzje_powody', ARRAY[
    'ALTER TABLE decyzje_powody ADD CONSTRAINT decyzje_powody_pkey PRIMARY KEY (snapshot_id, decyzja_id, powod)']);
SELECT pg_temp.partition_by_snapshot('swiadczenia', ARRAY[
    'ALTER TABLE swiadczenia ADD CONSTRAINT swiadczenia_pkey PRIMARY KEY (snapshot_id, swiadczenie_id)',
    'CREATE INDEX swiadczenia_data_idx ON swiadczenia (snapshot_id, data)']);
SELECT pg_temp.partition_by_snapshot('praca_socjalna', ARRAY[
    'CREATE INDEX praca_socjalna_data_idx ON praca_socjalna (snapshot_id, data)']);
SELECT pg_temp.partition_by_snapshot('plan_finansowy', ARRAY[
    'ALTER TABLE plan_finansowy ADD CONSTRAINT plan_finansowy_pkey PRIMARY KEY (snapshot_id, rok, forma)']);
SELECT pg_temp.partition_by_snapshot('kontrakty', ARRAY[
    'ALTER TABLE kontrakty ADD CONSTRAINT kontrakty_pkey PRIMARY KEY (snapshot_id, kontrakt_id)',
    'CREATE INDEX kontrakty_okres_idx ON kontrakty (snapshot_id, data_od)']);
SELECT pg_temp.partition_by_snapshot('wsparcie', ARRAY[
    'ALTER TABLE wsparcie ADD CONSTRAINT wsparcie_pkey PRIMARY KEY (snapshot_id, wiersz)',
    'CREATE INDEX wsparcie_data_idx ON wsparcie (snapshot_id, data)']);
