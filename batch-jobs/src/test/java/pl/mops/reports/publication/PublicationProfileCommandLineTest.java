package pl.mops.reports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CommandLineRun.Outcome;

/** {@code --profil} as a user meets it: an unknown value is a Polish error with exit code 2; help names it. */
class PublicationProfileCommandLineTest {

    @TempDir
    Path home;

    @Test
    void unknownProfileIsRefused() {
        for (String[] args : new String[][] {
                {"run", "monthly", "--month", "2025-03", "--profil", "bip"},
                {"run", "ozps", "--year", "2025", "--profil", "bip"}}) {
            Outcome outcome = CommandLineRun.launch(home, args);
            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err().strip())
                    .isEqualTo("Błąd: Nieznany profil \"bip\". Dostępne: pelny (domyślny), publikacja.");
        }
    }

    @Test
    void helpNamesTheProfile() {
        Outcome help = CommandLineRun.launch(home, "help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("[--profil pelny|publikacja]", "--profil publikacja (monthly, ozps)");
    }
}
