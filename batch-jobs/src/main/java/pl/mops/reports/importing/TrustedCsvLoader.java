package pl.mops.reports.importing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Imports files that must be wholly valid (the generator's output, test fixtures): the validating
 * import, failing with the first reject when any row was rejected — the transaction is rolled
 * back then, so nothing is written.
 */
@Component
public class TrustedCsvLoader {

    public record LoadResult(Snapshot snapshot, boolean reused, Map<ContractFile, Long> rows) {
    }

    private final SnapshotImporter importer;

    public TrustedCsvLoader(SnapshotImporter importer) {
        this.importer = importer;
    }

    public LoadResult load(Path dir, String source) {
        ImportResult result = importer.importDirectory(dir, source, importer.defaultOutputDir(), SnapshotImporter.Progress.NONE, true);
        Map<ContractFile, Long> rows = new LinkedHashMap<>();
        for (ImportResult.FileOutcome file : result.files()) {
            rows.put(file.stats().file(), file.loaded());
        }
        return new LoadResult(result.snapshot(), result.reused(), rows);
    }
}
