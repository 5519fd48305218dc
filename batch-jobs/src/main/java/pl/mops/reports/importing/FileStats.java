package pl.mops.reports.importing;

import java.util.List;

/**
 * What reading one file found: records read (data lines, blank lines not counted), rows rejected
 * by the row-level rules, the detected encoding and separator, and warnings (unknown columns,
 * blank lines) for the import summary, and whether the ids of its staged rows (the first staging column) were strictly
 * ascending in file order ({@link AscendingIds}: then no id is repeated and the duplicate check is not needed).
 */
public record FileStats(ContractFile file, String sha256, String encoding, char separator, long read,
        long rejectedByRowRules, long blankLines, List<String> warnings, boolean idsAscending) {
}
