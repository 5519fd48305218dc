-- The MRPiPS-03 return (../shared/spec/mrpips03.md): one row per computed return (a job instance of
-- "mrpips03Return"), its cells, and the control-rule checks that failed. A restart of the same job
-- instance replaces its rows; a rerun or a correction is a new job instance and a new row.

CREATE TABLE mrpips03_return (
    id                BIGSERIAL PRIMARY KEY,
    job_instance_id   BIGINT   NOT NULL UNIQUE,
    job_execution_id  BIGINT   NOT NULL,            -- the execution that computed the cells
    year              INTEGER  NOT NULL,
    half              CHAR(1)  NOT NULL CHECK (half IN ('P', 'R')),   -- P = I–VI, R = I–XII
    snapshot_id       BIGINT   NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    form_symbol       TEXT     NOT NULL,            -- e.g. MRPiPS-03
    layout_version    TEXT     NOT NULL,            -- e.g. 2025.1
    layout_sha256     CHAR(64) NOT NULL,            -- content of the layout file the cells were computed with
    correction        INTEGER  NOT NULL CHECK (correction >= 0),   -- 0 = the return, N = korekta kN
    checks_total      INTEGER,                      -- control-rule conditions evaluated (NULL = not yet checked)
    checks_failed     INTEGER,
    ready_to_send     BOOLEAN,                      -- all rules passed; NULL = not yet checked
    files_written     BOOLEAN  NOT NULL DEFAULT FALSE
);
CREATE INDEX mrpips03_return_period_idx ON mrpips03_return (year, half, correction);

CREATE TABLE mrpips03_cell (
    return_id    BIGINT        NOT NULL REFERENCES mrpips03_return (id) ON DELETE CASCADE,
    section      TEXT          NOT NULL,            -- 1A, 1B, 2, 3, 4
    row_code     TEXT          NOT NULL,            -- stable code of the layout row, e.g. ZASILEK_OKRESOWY
    column_code  TEXT          NOT NULL,            -- OSOBY, SWIADCZENIA, KWOTA, RODZINY, ...
    value        NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (return_id, section, row_code, column_code)
);

-- One row per failed condition of a control rule (a passed condition leaves no row; the counts are on
-- mrpips03_return). "cells" names the cells on both sides, e.g. "1B/ZASILEK_OKRESOWY_CHOROBA/OSOBY".
CREATE TABLE mrpips03_check_failure (
    return_id    BIGINT        NOT NULL REFERENCES mrpips03_return (id) ON DELETE CASCADE,
    ordinal      INTEGER       NOT NULL,
    rule_code    TEXT          NOT NULL,
    left_cells   TEXT          NOT NULL,
    relation     TEXT          NOT NULL,            -- <=, =, >=
    right_cells  TEXT          NOT NULL,
    left_value   NUMERIC(16,2) NOT NULL,
    right_value  NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (return_id, ordinal)
);

-- The outcome of each control rule on a return: conditions checked and failed, and a Polish note
-- (e.g. which half-year return the annual one was compared with, or why a rule was not checked).
CREATE TABLE mrpips03_rule_result (
    return_id    BIGINT  NOT NULL REFERENCES mrpips03_return (id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    rule_code    TEXT    NOT NULL,
    checked      INTEGER NOT NULL,
    failed       INTEGER NOT NULL,
    note         TEXT,
    PRIMARY KEY (return_id, ordinal)
);
