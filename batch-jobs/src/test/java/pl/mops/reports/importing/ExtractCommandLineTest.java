package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.SharedPostgres;

/**
 * {@code extract} as a user runs it, about the password: never from the command line (refused before anything is
 * read, exit code 2, the value not repeated on the console or in the log), never in the URL; without a source the
 * message says where to configure it.
 */
class ExtractCommandLineTest {

    private static final String SECRET = "Tajne-Haslo-Wiersza-4!";

    @TempDir
    Path home;

    @Test
    void aPasswordOnTheCommandLineOrInTheUrlIsRefusedAndNeverShown() throws Exception {
        CommandLineRun.Outcome option = CommandLineRun.launch(home, "extract", "--source-url", SharedPostgres.jdbcUrl(),
                "--source-password", SECRET);
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Błąd: Hasła bazy źródłowej nie podaje się w wierszu polecenia (widać je na liście "
                + "procesów i w historii powłoki). Ustaw je w zmiennej środowiskowej MOPS_SOURCE_PASSWORD albo w pliku "
                + "wskazanym przez mops.zrodlo.haslo-plik (czytelnym tylko dla konta usługi, chmod 600). Nic nie zostało "
                + "zrobione.");

        CommandLineRun.Outcome url = CommandLineRun.launch(home, "extract", "--source-url",
                "jdbc:postgresql://localhost:1/zrodlo?user=raport&password=" + SECRET);
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("Błąd: Adres bazy źródłowej zawiera hasło (password=…).");

        CommandLineRun.Outcome none = CommandLineRun.launch(home, "extract");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Błąd: Podaj adres bazy źródłowej: --source-url jdbc:postgresql://HOST:PORT/BAZA "
                + "(albo ustaw mops.zrodlo.url w config/application.yml)");

        for (CommandLineRun.Outcome outcome : new CommandLineRun.Outcome[] {option, url, none}) {
            assertThat(outcome.out() + outcome.err()).doesNotContain(SECRET);
        }
        assertThat(Files.readString(home.resolve("logs/mops-reports.log"), StandardCharsets.UTF_8))
                .contains("Adres bazy źródłowej zawiera hasło").doesNotContain(SECRET);
    }
}
