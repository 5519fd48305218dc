-- Contract version 2 (issue 12; ../shared/spec/interchange.md "Additions (contract version 2)").
-- Every addition is optional: a version-1 export loads into the same rows as before.

-- Markers of a realisation (optional column "cechy", codes separated by "|", dictionary config/slowniki/cechy.csv).
-- Empty array = no marker.
ALTER TABLE swiadczenia ADD COLUMN cechy TEXT[] COLLATE "C" NOT NULL DEFAULT '{}';

-- The cash flag per (form, sub-type): NULL = the form's flag (dict_form.cash). Used by layout 2025.2 only.
ALTER TABLE dict_subtype ADD COLUMN cash BOOLEAN;

-- The markers' dictionary
CREATE TABLE dict_marker (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    ordinal  INTEGER NOT NULL
);

-- Which contract version an export used: 2 when it has kontrakty.csv, wsparcie.csv, the "cechy" column, or a
-- code that only version 2 of the dictionaries has; else 1.
ALTER TABLE snapshot ADD COLUMN contract_version INTEGER NOT NULL DEFAULT 1 CHECK (contract_version IN (1, 2));

-- Social contracts (kontrakt socjalny), optional file kontrakty.csv
CREATE TABLE kontrakty (
    snapshot_id  BIGINT  NOT NULL,
    kontrakt_id  TEXT    COLLATE "C" NOT NULL,
    rodzina_id   TEXT    COLLATE "C" NOT NULL,
    osoba_id     TEXT    COLLATE "C" NOT NULL,     -- the person who signed
    data_od      DATE    NOT NULL,                 -- signed
    data_do      DATE,                             -- ended (inclusive); NULL = in force
    liczba_osob  INTEGER NOT NULL DEFAULT 1 CHECK (liczba_osob >= 1),
    PRIMARY KEY (snapshot_id, kontrakt_id),
    CHECK (data_do IS NULL OR data_do >= data_od)
);
CREATE INDEX kontrakty_okres_idx ON kontrakty (snapshot_id, data_od);

-- Help given without a benefit decision, optional file wsparcie.csv. No id in the contract: "wiersz" is the
-- line of the file (unique within a snapshot). osoba_id NULL = the family (its applicant on that day counts
-- as the person helped; import rejects a row without a person on a day the family has no applicant).
CREATE TABLE wsparcie (
    snapshot_id  BIGINT NOT NULL,
    wiersz       BIGINT NOT NULL,
    rodzina_id   TEXT   COLLATE "C" NOT NULL,
    osoba_id     TEXT   COLLATE "C",
    data         DATE   NOT NULL,
    rodzaj       TEXT   NOT NULL CHECK (rodzaj IN ('INTERWENCJA_KRYZYSOWA', 'PORADNICTWO_PRAWNE',
                                                   'PORADNICTWO_PSYCHOLOGICZNE', 'PORADNICTWO_RODZINNE')),
    PRIMARY KEY (snapshot_id, wiersz)
);
CREATE INDEX wsparcie_data_idx ON wsparcie (snapshot_id, data);
