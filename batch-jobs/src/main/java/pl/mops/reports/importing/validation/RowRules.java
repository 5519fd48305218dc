package pl.mops.reports.importing.validation;

import java.util.List;

import pl.mops.reports.importing.ContractFile;

/**
 * The row-level rules of one file of the contract: what each field must look like and its
 * canonical value in the staging table. Rules that need other rows (duplicates, references,
 * overlaps) are set-based SQL in {@code sql/queries/import-checks.sql}.
 */
public interface RowRules {

    /** A typed column of the staging table. */
    record StagingColumn(String name, String sqlType) {
    }

    ContractFile file();

    /** staging columns after {@code line} and {@code ok}, in the order {@link #read} fills them */
    List<StagingColumn> stagingColumns();

    /**
     * Reads one row. The key columns (the row's own id, needed to name it when another row refers
     * to it) are filled even when the row has problems; the others may be left null then.
     */
    void read(FieldReader in, Object[] values);

    static StagingColumn text(String name) {
        return new StagingColumn(name, "text COLLATE \"C\"");
    }

    static StagingColumn date(String name) {
        return new StagingColumn(name, "date");
    }
}
