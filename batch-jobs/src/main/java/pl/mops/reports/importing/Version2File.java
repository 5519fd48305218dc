package pl.mops.reports.importing;

import java.util.List;

/**
 * The optional files contract version 2 added (interchange.md, "Additions (contract version 2)"). Kept apart from
 * {@link InterchangeFile}, whose constants and columns are the version-1 files as the generator writes them.
 */
public enum Version2File implements ContractFile {
    KONTRAKTY("kontrakty.csv", List.of("kontrakt_id", "rodzina_id", "osoba_id", "od", "do", "liczba_osob"),
            List.of("kontrakt_id", "rodzina_id", "osoba_id", "od")),
    WSPARCIE("wsparcie.csv", List.of("rodzina_id", "osoba_id", "data", "rodzaj"), List.of("rodzina_id", "data", "rodzaj"));

    private final String fileName;
    private final List<String> columns;
    private final List<String> requiredColumns;

    Version2File(String fileName, List<String> columns, List<String> requiredColumns) {
        this.fileName = fileName;
        this.columns = columns;
        this.requiredColumns = requiredColumns;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public List<String> acceptedColumns() {
        return columns;
    }

    @Override
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    @Override
    public int contractVersion() {
        return 2;
    }
}
