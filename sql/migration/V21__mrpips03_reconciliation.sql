-- The latest comparison of a computed MRPiPS-03 return with the case system's own return (porownaj), so the console
-- can show it with the form: the other file's name, when, the counts, and the other file's value of every cell of
-- the layout it has (value NULL = the file gives the cell empty). Replaced by every new comparison of the return.
CREATE TABLE mrpips03_reconciliation (
    return_id    BIGINT      PRIMARY KEY REFERENCES mrpips03_return (id) ON DELETE CASCADE,
    other_file   TEXT        NOT NULL,
    compared_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    compared     INTEGER     NOT NULL,
    differing    INTEGER     NOT NULL,
    missing      INTEGER     NOT NULL,
    extra        INTEGER     NOT NULL
);

CREATE TABLE mrpips03_reconciliation_cell (
    return_id    BIGINT        NOT NULL REFERENCES mrpips03_reconciliation (return_id) ON DELETE CASCADE,
    section      TEXT          NOT NULL,
    row_code     TEXT          NOT NULL,
    column_code  TEXT          NOT NULL,
    value        NUMERIC(16,2),
    PRIMARY KEY (return_id, section, row_code, column_code)
);
