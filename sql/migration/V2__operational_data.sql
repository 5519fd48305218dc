-- Operational (case) data of the interchange contract (../shared/spec/interchange.md).
-- Table and column names follow the contract's files and columns; every row carries the
-- snapshot it belongs to. The pipeline never edits these rows: a changed export is a new snapshot.

CREATE TABLE snapshot (
    id            BIGSERIAL PRIMARY KEY,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    source        TEXT        NOT NULL,          -- e.g. "csv:/path/to/dir", "generator:families=15000,seed=…"
    fingerprint   CHAR(64)    NOT NULL UNIQUE,   -- SHA-256 over the content of the files, in a fixed order
    description   TEXT
);

CREATE TABLE snapshot_file (
    snapshot_id   BIGINT  NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    file_name     TEXT    NOT NULL,
    rows_read     BIGINT  NOT NULL,
    rows_loaded   BIGINT  NOT NULL,
    rows_rejected BIGINT  NOT NULL,
    sha256        CHAR(64) NOT NULL,
    encoding      TEXT,
    separator     TEXT,
    PRIMARY KEY (snapshot_id, file_name),
    CHECK (rows_read = rows_loaded + rows_rejected)
);

CREATE TABLE osoby (
    snapshot_id     BIGINT NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    osoba_id        TEXT   NOT NULL,
    pesel           CHAR(11),
    data_urodzenia  DATE   NOT NULL,
    plec            CHAR(1) NOT NULL CHECK (plec IN ('K', 'M')),
    obywatelstwo    CHAR(2) NOT NULL DEFAULT 'PL',
    zrodlo_dochodu  TEXT CHECK (zrodlo_dochodu IN ('EMERYTURA', 'RENTA', 'PRACA', 'ZASILEK', 'BRAK', 'INNE')),
    PRIMARY KEY (snapshot_id, osoba_id)
);

CREATE TABLE rodziny (
    snapshot_id BIGINT NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    rodzina_id  TEXT   NOT NULL,
    dzielnica   TEXT   NOT NULL,
    filia       TEXT   NOT NULL,                 -- derived from the district when the export leaves it empty
    teren       TEXT   NOT NULL DEFAULT 'MIASTO' CHECK (teren IN ('MIASTO', 'WIES')),
    PRIMARY KEY (snapshot_id, rodzina_id)
);

CREATE TABLE czlonkowie (
    snapshot_id BIGINT NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    rodzina_id  TEXT   NOT NULL,
    osoba_id    TEXT   NOT NULL,
    rola        TEXT   NOT NULL CHECK (rola IN ('WNIOSKODAWCA', 'MALZONEK', 'PARTNER', 'DZIECKO', 'INNY')),
    data_od     DATE   NOT NULL,                 -- contract column "od"
    data_do     DATE,                            -- contract column "do" (inclusive); NULL = still a member
    CHECK (data_do IS NULL OR data_do >= data_od)
);
CREATE INDEX czlonkowie_rodzina_idx ON czlonkowie (snapshot_id, rodzina_id, data_od);

CREATE TABLE decyzje (
    snapshot_id  BIGINT NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    decyzja_id   TEXT   NOT NULL,
    rodzina_id   TEXT   NOT NULL,
    osoba_id     TEXT   NOT NULL,
    data_wydania DATE   NOT NULL,
    rodzaj       TEXT   NOT NULL CHECK (rodzaj IN ('PRZYZNANIE', 'ODMOWA', 'ZMIANA', 'UCHYLENIE')),
    PRIMARY KEY (snapshot_id, decyzja_id)
);

-- "powody" of a decision (contract: codes separated by "|"), one row per reason
CREATE TABLE decyzje_powody (
    snapshot_id BIGINT NOT NULL,
    decyzja_id  TEXT   NOT NULL,
    powod       TEXT   NOT NULL,
    PRIMARY KEY (snapshot_id, decyzja_id, powod),
    FOREIGN KEY (snapshot_id, decyzja_id) REFERENCES decyzje (snapshot_id, decyzja_id) ON DELETE CASCADE
);

CREATE TABLE swiadczenia (
    snapshot_id    BIGINT        NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    swiadczenie_id TEXT          NOT NULL,
    decyzja_id     TEXT          NOT NULL,
    osoba_id       TEXT          NOT NULL,       -- the recipient; the decision's person when the export leaves it empty
    forma          TEXT          NOT NULL,
    podtyp         TEXT,
    zadanie        TEXT          NOT NULL CHECK (zadanie IN ('WLASNE', 'ZLECONE')),
    data           DATE          NOT NULL,
    liczba         INTEGER       NOT NULL CHECK (liczba >= 1),
    kwota          NUMERIC(14,2) NOT NULL CHECK (kwota >= 0),
    finansowanie   TEXT CHECK (finansowanie IN ('DOTACJA', 'SRODKI_WLASNE')),
    PRIMARY KEY (snapshot_id, swiadczenie_id)
);
CREATE INDEX swiadczenia_data_idx ON swiadczenia (snapshot_id, data);

CREATE TABLE praca_socjalna (
    snapshot_id BIGINT  NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    rodzina_id  TEXT    NOT NULL,
    data        DATE    NOT NULL,
    kontrakt    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX praca_socjalna_data_idx ON praca_socjalna (snapshot_id, data);

-- Financial plan of the year per benefit form (optional file plan.csv: rok;forma;kwota_planu)
CREATE TABLE plan_finansowy (
    snapshot_id BIGINT        NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    rok         INTEGER       NOT NULL,
    forma       TEXT          NOT NULL,
    kwota_planu NUMERIC(14,2) NOT NULL CHECK (kwota_planu >= 0),
    PRIMARY KEY (snapshot_id, rok, forma)
);
