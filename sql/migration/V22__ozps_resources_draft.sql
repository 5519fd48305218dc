-- The resources of an OZPS assessment typed in the console's form (/zasoby/RRRR), saved as a draft: one per year,
-- saved whole (the values as typed, problems and all). The version guards against two clerks overwriting each
-- other unknowingly: a save names the version it started from and is refused when someone saved meanwhile.
CREATE TABLE ozps_resources_draft (
    year         INTEGER     PRIMARY KEY,
    typed_values TEXT        NOT NULL,   -- TypedResources.serialize(): one tab-separated line per value
    problems     INTEGER     NOT NULL,   -- how many problems the validator found when it was saved
    version      BIGINT      NOT NULL,   -- 1 at the first save, +1 at every later one
    saved_by     TEXT        NOT NULL,   -- the login
    saved_at     TIMESTAMPTZ NOT NULL
);
