-- MRPiPS-03 layout 2025.2 (issue 12; ../shared/spec/mrpips03.md "Layout 2025.2"). Numbered 9.1 so that it sorts
-- after the schema of contract version 2 (V9) and before any later migration of another branch.

-- A control rule whose unmet condition is reported for review (e.g. contracts in force ≤ families in social work):
-- listed in the control report with its cells, but the return's readiness does not depend on it.
ALTER TABLE mrpips03_rule_result DROP CONSTRAINT IF EXISTS mrpips03_rule_result_state_check;
ALTER TABLE mrpips03_rule_result ADD CONSTRAINT mrpips03_rule_result_state_check
    CHECK (state IN ('SPELNIONA', 'NIESPELNIONA', 'NIESPRAWDZONA', 'NIE_DOTYCZY', 'DO_PRZEGLADU'));

-- The counters of a layout ("liczniki"): numbers of realisations printed with the return, not cells of the form
-- (e.g. how many zasiłek stały realisations had no sub-type and were classified by family size).
CREATE TABLE mrpips03_counter (
    return_id  BIGINT  NOT NULL REFERENCES mrpips03_return (id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    code       TEXT    NOT NULL,
    value      BIGINT  NOT NULL,
    PRIMARY KEY (return_id, ordinal)
);
