-- Reporting tables of the monthly statistics job, keyed by the Spring Batch job instance
-- (month + snapshot + version). A restart of the same instance replaces its rows.

-- One row per group of one GROUPING SETS pass. Column "grouping_set" names the set:
--   CITY, DISTRICT, BRANCH, FORM, FORM_DISTRICT (realisation grain),
--   REASON, REASON_DISTRICT (family × reason grain).
-- "period_code": M (the month), YTD (January–month), M_PY / YTD_PY (same periods a year earlier),
--   Tmm / Pmm (month mm of the year / of the previous year, for the trend).
CREATE TABLE monthly_stat (
    job_instance_id     BIGINT  NOT NULL,
    period_code         TEXT    NOT NULL,
    grouping_set        TEXT    NOT NULL,
    district            TEXT,
    branch              TEXT,
    form                TEXT,
    reason              TEXT,
    families            BIGINT  NOT NULL,
    persons_in_families BIGINT,
    recipients          BIGINT,
    benefits            BIGINT,
    amount              NUMERIC(16,2)
);
CREATE INDEX monthly_stat_instance_idx ON monthly_stat (job_instance_id, grouping_set, period_code);

-- Files produced by a job execution (all jobs)
CREATE TABLE run_file (
    job_execution_id BIGINT NOT NULL,
    job_instance_id  BIGINT NOT NULL,
    path             TEXT   NOT NULL,
    size_bytes       BIGINT NOT NULL,
    sha256           CHAR(64) NOT NULL,
    PRIMARY KEY (job_execution_id, path)
);
CREATE INDEX run_file_instance_idx ON run_file (job_instance_id);
