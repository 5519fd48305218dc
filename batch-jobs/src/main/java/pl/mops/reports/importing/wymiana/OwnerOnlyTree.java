package pl.mops.reports.importing.wymiana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files that hold row-level case data (an export in the drop folder's archive, an unpacked ZIP) are for the service
 * account only: folders {@code rwx------}, files {@code rw-------}, where the file system has POSIX permissions (on
 * others its own access lists apply, and nothing is changed). Symbolic links are not followed.
 */
public final class OwnerOnlyTree {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyTree() {
    }

    /** creates the folder (and its parents) when missing and makes the folder itself the owner's only */
    public static Path folder(Path dir) {
        try {
            Files.createDirectories(dir);
            restrict(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * creates the drop folder when missing, for the owner only (an exporter under another account needs a group with
     * write permission, set by the administrator); an existing folder keeps its permissions
     */
    public static void folderIfMissing(Path dir) {
        if (!Files.isDirectory(dir)) {
            folder(dir);
        }
    }

    /**
     * the folder or file and everything under it: the owner's only, as far as possible (a file another account owns
     * cannot be changed by this one)
     *
     * @return how many folders and files kept their permissions (0 = all changed, or no POSIX permissions here)
     */
    public static int restrictTree(Path root) throws IOException {
        if (!posix(root)) {
            return 0;
        }
        int[] failed = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                attempt(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    attempt(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                failed[0]++;
                return FileVisitResult.CONTINUE;
            }

            private void attempt(Path path) {
                try {
                    restrict(path);
                } catch (IOException e) {
                    failed[0]++;
                }
            }
        });
        return failed[0];
    }

    /** one folder or file */
    public static void restrict(Path path) throws IOException {
        if (!posix(path) || Files.isSymbolicLink(path)) {
            return;
        }
        Files.setPosixFilePermissions(path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE);
    }

    static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }

    /** deletes a folder with everything in it (best effort: a file that cannot be deleted stays) */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left for the next attempt
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
