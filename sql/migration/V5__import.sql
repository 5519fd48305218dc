-- The validating import (issue 3): what each import found, kept with its snapshot.

ALTER TABLE snapshot ADD COLUMN summary TEXT;          -- the import summary as printed (Polish)

ALTER TABLE snapshot_file ADD COLUMN blank_lines BIGINT NOT NULL DEFAULT 0;
ALTER TABLE snapshot_file ADD COLUMN warnings TEXT;    -- unknown columns, blank lines; one per line

-- Every rejected row and problem of an import (the rejects file odrzucone-<snapshot>.csv is written from it).
CREATE TABLE snapshot_reject (
    snapshot_id BIGINT  NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    file_name   TEXT    NOT NULL,
    line        BIGINT  NOT NULL,
    col         TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    message     TEXT    NOT NULL,
    PRIMARY KEY (snapshot_id, seq)
);

-- The operational tables are written only by the import, one snapshot per transaction, after the
-- snapshot row (and, for reasons, after their decisions) — their integrity is the import's. Per-row
-- foreign-key triggers on hundreds of thousands of rows were most of the import's time, so the
-- row-level foreign keys to snapshot/decyzje are dropped; snapshot_file and snapshot_reject keep theirs.
-- Deleting a snapshot therefore means deleting its rows from each table (none of the commands does).
ALTER TABLE osoby          DROP CONSTRAINT osoby_snapshot_id_fkey;
ALTER TABLE rodziny        DROP CONSTRAINT rodziny_snapshot_id_fkey;
ALTER TABLE czlonkowie     DROP CONSTRAINT czlonkowie_snapshot_id_fkey;
ALTER TABLE decyzje        DROP CONSTRAINT decyzje_snapshot_id_fkey;
ALTER TABLE decyzje_powody DROP CONSTRAINT decyzje_powody_snapshot_id_decyzja_id_fkey;
ALTER TABLE swiadczenia    DROP CONSTRAINT swiadczenia_snapshot_id_fkey;
ALTER TABLE praca_socjalna DROP CONSTRAINT praca_socjalna_snapshot_id_fkey;
ALTER TABLE plan_finansowy DROP CONSTRAINT plan_finansowy_snapshot_id_fkey;

-- Source ids are opaque: compare them byte-wise (COLLATE "C"), whatever the database's locale —
-- faster index maintenance and joins, and the same order on every installation.
ALTER TABLE osoby          ALTER COLUMN osoba_id TYPE text COLLATE "C";
ALTER TABLE rodziny        ALTER COLUMN rodzina_id TYPE text COLLATE "C";
ALTER TABLE czlonkowie     ALTER COLUMN rodzina_id TYPE text COLLATE "C", ALTER COLUMN osoba_id TYPE text COLLATE "C";
ALTER TABLE decyzje        ALTER COLUMN decyzja_id TYPE text COLLATE "C", ALTER COLUMN rodzina_id TYPE text COLLATE "C",
                           ALTER COLUMN osoba_id TYPE text COLLATE "C";
ALTER TABLE decyzje_powody ALTER COLUMN decyzja_id TYPE text COLLATE "C", ALTER COLUMN powod TYPE text COLLATE "C";
ALTER TABLE swiadczenia    ALTER COLUMN swiadczenie_id TYPE text COLLATE "C", ALTER COLUMN decyzja_id TYPE text COLLATE "C",
                           ALTER COLUMN osoba_id TYPE text COLLATE "C";
ALTER TABLE praca_socjalna ALTER COLUMN rodzina_id TYPE text COLLATE "C";
