-- What the schema was last migrated and validated from (issue 17, database.SchemaFingerprint): Flyway's scan of the
-- migration scripts and its validation of the schema history ran at the start of every command. A start whose scripts
-- (scripts_sha256: their names and contents, and Flyway's version and settings) and schema history (history_md5: every
-- row of flyway_schema_history) are those recorded here after the last successful migration skips Flyway — it would
-- find nothing to apply and nothing to object to; any other start runs it as before and records the new state.
CREATE TABLE schema_fingerprint (
    id             INTEGER     PRIMARY KEY CHECK (id = 1),
    scripts_sha256 TEXT        NOT NULL,
    history_md5    TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
