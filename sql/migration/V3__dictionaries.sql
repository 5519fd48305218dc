-- Dictionaries. The tables belong to the schema; their content comes from config/ (CSV files
-- users edit) and is synchronised by the application on every start (DictionarySynchronizer).

CREATE TABLE dict_reason (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    ordinal  INTEGER NOT NULL
);

CREATE TABLE dict_form (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    task     TEXT NOT NULL CHECK (task IN ('WLASNE', 'ZLECONE')),
    cash     BOOLEAN NOT NULL,
    ordinal  INTEGER NOT NULL
);

CREATE TABLE dict_subtype (
    form     TEXT NOT NULL,
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    ordinal  INTEGER NOT NULL,
    PRIMARY KEY (form, code)
);

CREATE TABLE dict_branch (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    ordinal  INTEGER NOT NULL
);

CREATE TABLE dict_district (
    code     TEXT PRIMARY KEY,
    number   INTEGER NOT NULL,
    name     TEXT NOT NULL,
    branch   TEXT NOT NULL,
    ordinal  INTEGER NOT NULL
);

CREATE TABLE district_population (
    district   TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    population INTEGER NOT NULL CHECK (population > 0),
    PRIMARY KEY (district, year)
);
