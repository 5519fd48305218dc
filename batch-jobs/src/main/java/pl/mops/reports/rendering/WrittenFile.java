package pl.mops.reports.rendering;

import java.nio.file.Path;

/** A finished output file with its size and SHA-256. */
public record WrittenFile(Path path, long sizeBytes, String sha256) {
}
