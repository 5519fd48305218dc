package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.system.UserError;

/**
 * Where the source database's password comes from: the owner-only file of {@code mops.zrodlo.haslo-plik} (its first
 * line), else {@code MOPS_SOURCE_PASSWORD}, else none. A file the group or others may use is refused; no message ever
 * contains the password.
 */
class SourcePasswordTest {

    private static final String SECRET = "Tajne-Haslo-9#x";

    @TempDir
    Path dir;

    private SourcePassword from(Path file, Map<String, String> environment) {
        return new SourcePassword(new SourceSettings("jdbc:postgresql://h/db", null, null,
                file == null ? null : file.toString()), environment::get);
    }

    private Path file(String permissions) throws IOException {
        Path file = dir.resolve("haslo-" + permissions);
        Files.writeString(file, SECRET + "\ndruga linia\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void anOwnerOnlyFileGivesItsFirstLineAndTheEnvironmentIsTheFallback() throws IOException {
        assertThat(from(file("rw-------"), Map.of("MOPS_SOURCE_PASSWORD", "inne")).resolve()).isEqualTo(SECRET);
        assertThat(from(file("r--------"), Map.of()).resolve()).isEqualTo(SECRET);
        assertThat(from(null, Map.of("MOPS_SOURCE_PASSWORD", SECRET)).resolve()).isEqualTo(SECRET);
        assertThat(from(null, Map.of()).resolve()).isNull();
        assertThat(from(null, Map.of("MOPS_SOURCE_PASSWORD", SECRET)).describeOrigin())
                .isEqualTo("zmienna środowiskowa MOPS_SOURCE_PASSWORD");
    }

    @Test
    void aFileOthersCanUseIsRefusedInPolishWithoutThePassword() throws IOException {
        for (String permissions : new String[] {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"}) {
            Path file = file(permissions);
            assertThatThrownBy(() -> from(file, Map.of()).resolve()).isInstanceOf(UserError.class)
                    .hasMessage("Plik hasła bazy źródłowej " + file + " jest dostępny nie tylko dla konta usługi "
                            + "(uprawnienia " + permissions + "). Hasło nie zostało użyte; zostaw dostęp tylko właścicielowi: "
                            + "chmod 600 " + file)
                    .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(2))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }
        Path empty = dir.resolve("pusty");
        Files.writeString(empty, "");
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> from(empty, Map.of()).resolve())
                .hasMessage("Plik hasła bazy źródłowej " + empty + " jest pusty (hasło: pierwszy wiersz pliku).");
        Path missing = dir.resolve("brak");
        assertThatThrownBy(() -> from(missing, Map.of()).resolve())
                .hasMessage("Nie ma pliku hasła bazy źródłowej " + missing + " (mops.zrodlo.haslo-plik) albo nie jest to "
                        + "zwykły plik.");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> SourceDatabaseExtractor.requireNoPasswordIn("jdbc:postgresql://h/db?user=u&password="
                + SECRET)).isInstanceOf(UserError.class)
                .hasMessage("Adres bazy źródłowej zawiera hasło (password=…). Hasła nie podaje się w adresie: ustaw je "
                        + "w zmiennej środowiskowej MOPS_SOURCE_PASSWORD albo w pliku mops.zrodlo.haslo-plik (tylko dla "
                        + "konta usługi).");
        SourceDatabaseExtractor.requireNoPasswordIn("jdbc:postgresql://h/db?user=u&ssl=true"); // no password: fine
    }
}
