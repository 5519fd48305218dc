package pl.mops.reports.importing;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one import: the snapshot (new, or the existing one with the same fingerprint),
 * per file what was read, loaded and rejected, the files written for the user, and the version of the interchange
 * contract the files use (with what made them version 2).
 */
public record ImportResult(Snapshot snapshot, boolean reused, List<FileOutcome> files, long rejectLines,
        Path summaryFile, Path rejectsFile, ContractVersion contract) {

    public record FileOutcome(FileStats stats, long loaded, long rejected) {
    }

    public long totalRead() {
        return files.stream().mapToLong(f -> f.stats().read()).sum();
    }

    public long totalLoaded() {
        return files.stream().mapToLong(FileOutcome::loaded).sum();
    }

    public long totalRejected() {
        return files.stream().mapToLong(FileOutcome::rejected).sum();
    }
}
