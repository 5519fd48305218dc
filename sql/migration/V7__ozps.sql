-- The annual assessment of social assistance resources (ocena zasobów pomocy społecznej, OZPS; issue 5),
-- keyed by the Spring Batch job instance (year + snapshot + SHA-256 of the resources file + version).
-- A restart of the same instance replaces its rows.

-- The run: which year, snapshot and resources file (kept whole, so the figures can be traced to it).
CREATE TABLE ozps_run (
    job_instance_id    BIGINT   PRIMARY KEY,
    year               INTEGER  NOT NULL,
    snapshot_id        BIGINT   NOT NULL,
    resources_file     TEXT     NOT NULL,          -- file name as given (without folders)
    resources_sha256   CHAR(64) NOT NULL,
    resources_content  BYTEA    NOT NULL
);

-- The validated resources file: one row per chapter, position and year; value NULL = "brak danych".
CREATE TABLE ozps_resource (
    job_instance_id BIGINT        NOT NULL,
    chapter         TEXT          NOT NULL,        -- demografia, rynek_pracy, instytucje, kadra, organizacje_pozarzadowe, budzet
    position        TEXT          NOT NULL,        -- e.g. kobiety_0_17, dps_miejsca, 85202
    ordinal         INTEGER       NOT NULL,        -- order of the position within its chapter
    year            INTEGER       NOT NULL,
    value           NUMERIC(16,2) CHECK (value >= 0),
    PRIMARY KEY (job_instance_id, chapter, position, year)
);

-- The source of each chapter's figures, as written in the file ("zrodla").
CREATE TABLE ozps_resource_source (
    job_instance_id BIGINT NOT NULL,
    chapter         TEXT   NOT NULL,
    source          TEXT   NOT NULL,
    PRIMARY KEY (job_instance_id, chapter)
);

-- Which of the three years have case data at all (a realisation, a decision or social work dated in it);
-- a year without any is shown as "brak danych", never as 0.
CREATE TABLE ozps_year (
    job_instance_id BIGINT  NOT NULL,
    year            INTEGER NOT NULL,
    realisations    BIGINT  NOT NULL,
    decisions       BIGINT  NOT NULL,
    social_work     BIGINT  NOT NULL,
    PRIMARY KEY (job_instance_id, year)
);

-- The figures computed from the case data, one row per table, row and year (MRPiPS-03 counting rules over
-- whole calendar years). table_code: 10.3 (persons and families), 10.4 (reasons), 10.5 (cash benefits),
-- 10.6 (non-cash benefits and services), 10.8 (refusals). Measures a table does not have are NULL.
CREATE TABLE ozps_stat (
    job_instance_id     BIGINT        NOT NULL,
    table_code          TEXT          NOT NULL,
    row_code            TEXT          NOT NULL,    -- e.g. OGOLEM, PIENIEZNE, a reason, a form
    year                INTEGER       NOT NULL,
    families            BIGINT,
    persons_in_families BIGINT,
    recipients          BIGINT,
    benefits            BIGINT,
    amount              NUMERIC(16,2),
    decisions           BIGINT,
    PRIMARY KEY (job_instance_id, table_code, row_code, year)
);
