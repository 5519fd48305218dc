-- What the dictionaries in the database were last synchronised from (issue 17): a command's start rewrote all seven
-- dictionary tables every time (about 0.08 s and a write transaction even for "status"). Now it compares the
-- dictionaries read from config/ (config_sha256) and the tables' content (content_sha256, computed by the same SQL
-- expression as when they were written) with this row, and rewrites them only when either differs.
CREATE TABLE dict_sync (
    config_sha256  TEXT        NOT NULL,
    content_sha256 TEXT        NOT NULL,
    synced_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
