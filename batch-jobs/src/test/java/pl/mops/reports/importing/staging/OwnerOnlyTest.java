package pl.mops.reports.importing.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files with case data rows: rw------- where POSIX permissions exist, created as usual where they do not. */
class OwnerOnlyTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsCreatedReadableByItsOwnerOnlyAlsoInPlaceOfAWorldReadableOne() throws IOException {
        // the server (and CI) is Linux: the guarantee is checked there, never skipped
        assertThat(dir.getFileSystem().supportedFileAttributeViews()).as("POSIX file system of the tests")
                .contains("posix");
        Path file = dir.resolve("odrzucone-1.csv.tmp");
        Files.writeString(file, "stara treść");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnly.create(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.size(file)).isZero();
        // writing and renaming keeps the permissions
        Files.writeString(file, "plik;wiersz\n");
        Path renamed = Files.move(file, dir.resolve("odrzucone-1.csv"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(renamed))).isEqualTo("rw-------");
    }

    @Test
    void aFileSystemWithoutPosixPermissionsStillGetsTheFile() throws IOException {
        Path zip = dir.resolve("bez-posix.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            assertThat(fs.supportedFileAttributeViews()).doesNotContain("posix");
            Path file = OwnerOnly.create(fs.getPath("/odrzucone-1.csv"));
            Files.writeString(file, "plik;wiersz\n");
            assertThat(Files.readString(file)).isEqualTo("plik;wiersz\n");
        }
    }
}
