package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CommandLineRun.Outcome;
import pl.mops.reports.support.SharedPostgres;

/** The command line as a user meets it: exit codes and one-line Polish messages, no stack traces. */
class LauncherTest {

    @TempDir
    Path home;

    private Outcome launch(String... args) {
        return CommandLineRun.launch(home, args);
    }

    @Test
    void helpNeedsNoDatabase() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(new Launcher().launch(new String[] {"help"})).isZero();
        } finally {
            System.setOut(originalOut);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run monthly --month RRRR-MM");
    }

    @Test
    void badMonthIsAOneLinePolishMessageWithExitCodeTwo() {
        Outcome outcome = launch("run", "monthly", "--month", "2025-13");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().strip()).isEqualTo(
                "Błąd: Nieprawidłowa wartość opcji --month: \"2025-13\" (oczekiwano: miesiąc w postaci RRRR-MM, np. 2025-10).");
        assertThat(outcome.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownCommandAndUnknownJob() {
        Outcome unknown = launch("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Nieznane polecenie \"frobnicate\"");
        Outcome job = launch("run", "weekly");
        assertThat(job.exitCode()).isEqualTo(2);
        assertThat(job.err()).contains("Nieznane zadanie \"weekly\"");
    }

    @Test
    void futureMonthIsRefused() {
        Outcome outcome = launch("run", "monthly", "--month", "2999-01");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Miesiąc 2999-01 jeszcze się nie zaczął.");
    }

    @Test
    void runsListsExecutions() {
        Outcome outcome = launch("runs");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).isEmpty();
    }
}
