package pl.mops.reports.importing.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold row-level case data (the import's rejects file) are created readable and writable by their owner
 * only — the service account — where the file system has POSIX permissions ({@code rw-------}, whatever the umask);
 * elsewhere (e.g. a Windows share) the file is created as usual and keeps the folder's access rules. A rename keeps
 * the permissions, so a file written under a temporary name and renamed stays private.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** creates {@code file} empty (replacing what was there) with owner-only permissions where they exist */
    public static Path create(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(file);
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PERMISSIONS));
        Files.setPosixFilePermissions(file, PERMISSIONS); // exact, not narrowed or widened by the umask
        return file;
    }
}
