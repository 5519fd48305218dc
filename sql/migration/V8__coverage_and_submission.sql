-- Issue 11: what a snapshot covers, readiness in three states, submitted returns, draft versions.

-- The span a snapshot's data covers: from the first day of the month of its first realisation
-- (NULL when it has none: it covers no period) to the day the export was taken ("stan na",
-- import/extract --stan-na; without it the day of the import), both inclusive.
ALTER TABLE snapshot ADD COLUMN data_from  DATE;
ALTER TABLE snapshot ADD COLUMN data_as_of DATE;
-- snapshots imported before this migration: the day of their import in the unit's time zone
UPDATE snapshot s
   SET data_from  = (SELECT date_trunc('month', min(w.data))::date FROM swiadczenia w WHERE w.snapshot_id = s.id),
       data_as_of = (s.created_at AT TIME ZONE 'Europe/Warsaw')::date;
ALTER TABLE snapshot ALTER COLUMN data_as_of SET NOT NULL;

-- MRPiPS-03: readiness in three states (GOTOWE, GOTOWE_Z_ZASTRZEZENIEM, NIEGOTOWE) and its reasons;
-- ready_to_send stays = (readiness = 'GOTOWE') for older readers.
ALTER TABLE mrpips03_return ADD COLUMN readiness TEXT
    CHECK (readiness IN ('GOTOWE', 'GOTOWE_Z_ZASTRZEZENIEM', 'NIEGOTOWE'));
ALTER TABLE mrpips03_return ADD COLUMN readiness_reasons TEXT;      -- Polish, one reason per line
UPDATE mrpips03_return SET readiness = CASE WHEN ready_to_send THEN 'GOTOWE' ELSE 'NIEGOTOWE' END
 WHERE ready_to_send IS NOT NULL;
-- the draft (wersja robocza) of a correction number: 1, 2, … — a new snapshot before submission makes a new draft
ALTER TABLE mrpips03_return ADD COLUMN draft INTEGER NOT NULL DEFAULT 1 CHECK (draft >= 1);
-- the period is not fully covered by the snapshot (computed with --niepelny-okres)
ALTER TABLE mrpips03_return ADD COLUMN incomplete_period BOOLEAN NOT NULL DEFAULT FALSE;

-- The state of each control rule: SPELNIONA, NIESPELNIONA, NIESPRAWDZONA (could not be checked), NIE_DOTYCZY.
ALTER TABLE mrpips03_rule_result ADD COLUMN state TEXT
    CHECK (state IN ('SPELNIONA', 'NIESPELNIONA', 'NIESPRAWDZONA', 'NIE_DOTYCZY'));
UPDATE mrpips03_rule_result SET state = CASE
    WHEN failed > 0 THEN 'NIESPELNIONA'
    WHEN note LIKE 'Nie sprawdzono%' THEN 'NIESPRAWDZONA'
    WHEN note LIKE 'Nie dotyczy%' THEN 'NIE_DOTYCZY'
    ELSE 'SPELNIONA' END;
ALTER TABLE mrpips03_rule_result ALTER COLUMN state SET NOT NULL;

-- A return marked as sent to the ministry (zloz): who, when, which run. At most one submission per
-- period and correction number; the next recomputation with changed cells is correction N + 1 against it.
CREATE TABLE mrpips03_submission (
    return_id        BIGINT      PRIMARY KEY REFERENCES mrpips03_return (id),
    year             INTEGER     NOT NULL,
    half             CHAR(1)     NOT NULL CHECK (half IN ('P', 'R')),
    correction       INTEGER     NOT NULL,
    job_execution_id BIGINT      NOT NULL,
    submitted_at     TIMESTAMPTZ NOT NULL,
    submitted_by     TEXT        NOT NULL,
    UNIQUE (year, half, correction)
);
