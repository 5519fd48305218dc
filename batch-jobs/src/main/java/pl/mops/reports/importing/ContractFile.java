package pl.mops.reports.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * A file of the interchange contract (../shared/spec/interchange.md): the version-1 files ({@link InterchangeFile})
 * and the optional files contract version 2 added ({@link Version2File}), in the contract's order
 * ({@link #all()}: the order of the rejects, the summary and the fingerprint).
 */
public interface ContractFile {

    String fileName();

    boolean required();

    /** every column the import reads from the header (an unknown one is ignored with a warning) */
    List<String> acceptedColumns();

    /** columns that must be in the header (a missing one is a file-level error) */
    List<String> requiredColumns();

    /** the version of the contract that added the file (1 or 2) */
    int contractVersion();

    /** the file name without ".csv": the table of the source database ({@code extract}) and of staging */
    default String baseName() {
        return fileName().substring(0, fileName().length() - 4);
    }

    /** name of the temporary staging table */
    default String stagingTable() {
        return "stg_" + baseName();
    }

    /** every file of the contract, version 1 first, in the contract's order */
    static List<ContractFile> all() {
        List<ContractFile> files = new ArrayList<>(List.of(InterchangeFile.values()));
        files.addAll(List.of(Version2File.values()));
        return List.copyOf(files);
    }

    /** the file names in the contract's order (for ordering rejects) */
    static String[] fileNamesInOrder() {
        return all().stream().map(ContractFile::fileName).toArray(String[]::new);
    }
}
