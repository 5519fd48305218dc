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
