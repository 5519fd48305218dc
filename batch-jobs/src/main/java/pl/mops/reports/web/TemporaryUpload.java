package pl.mops.reports.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded file kept only while it is being read: written to a new folder in the system's temporary folder
 * readable by the program's user only (outside anything the console serves), and deleted together with its folder
 * when the work is done, also when the work fails.
 */
final class TemporaryUpload {

    /** what is done with the written file */
    @FunctionalInterface
    interface Work<T> {
        T on(Path file) throws IOException;
    }

    private TemporaryUpload() {
    }

    /**
     * @param prefix   the temporary folder's name prefix, e.g. {@code mops-weryfikacja-}
     * @param fileName the name the file gets in it (a plain name, see {@link #safeFileName})
     */
    static <T> T handle(MultipartFile upload, String prefix, String fileName, Work<T> work) throws IOException {
        Path folder = Files.createTempDirectory(prefix, ownerOnlyFolder());
        Path file = folder.resolve(fileName);
        try {
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, file);
            }
            return work.on(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    /**
     * a name that stays a plain file name in the folder: the shown name ({@link PackageVerificationController#shownName})
     * with anything but letters, digits, space, dot, hyphen and underscore replaced by "_", never starting with a dot
     */
    static String safeFileName(String shown) {
        String name = shown.replaceAll("[^\\p{L}\\p{N} ._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
    }

    private static FileAttribute<?>[] ownerOnlyFolder() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }
}
