package pl.mops.reports.generator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link SyntheticDataGenerator#writeCsv} wrote.
 *
 * @param dir         the folder with the files
 * @param rowsPerFile file name → number of data rows (without the header), in the contract's file order
 */
public record GenerationSummary(Path dir, Map<String, Long> rowsPerFile) {

    public GenerationSummary {
        rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
    }

    public long totalRows() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }
}
