-- The contract version of each dictionary code (issue 12): 1 = the code is in version 1 of the interchange contract,
-- 2 = added by contract version 2 (config/slowniki/formy-wersja-2.csv and podtypy-wersja-2.csv; every marker of
-- dict_marker belongs to version 2, since the column "cechy" does). An export that uses no version-2 code, file or
-- column is a version-1 export, and the dictionary part of its fingerprint covers the version-1 codes only, exactly
-- as before version 2 existed (SnapshotImporter.fingerprint, ImportDictionaries.fingerprintText).
ALTER TABLE dict_form    ADD COLUMN contract_version INTEGER NOT NULL DEFAULT 1 CHECK (contract_version IN (1, 2));
ALTER TABLE dict_subtype ADD COLUMN contract_version INTEGER NOT NULL DEFAULT 1 CHECK (contract_version IN (1, 2));
