package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.SharedPostgres;

/**
 * {@code przebieg-probny}, the workload of the class-data-sharing archive the {@code mops-reports} script prepares
 * after each build: if it failed, the script would quietly start every command without the archive. It computes the
 * three jobs with their files and packages, then prints {@code status}; the help does not list it. Then, with
 * {@code --krotkie} on the same home folder, the short commands and {@code verify} (the smaller archive's workload).
 */
class TrialRunCommandTest {

    @TempDir
    Path home;

    @Test
    void computesTheThreeJobsWithTheirFilesThenPrintsTheStatus() {
        String url = SharedPostgres.freshDatabase("przebieg_probny");
        CommandLineRun.Outcome run = CommandLineRun.launchOn(url, home, "przebieg-probny");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path out = home.resolve("out").resolve("przebieg-probny");
        assertThat(run.out()).contains("Przebieg próbny: zadania policzone w " + out, "Ostatnie uruchomienia:",
                "uruchomił: przebieg próbny");
        assertThat(out.resolve("statystyka").resolve("statystyka-2025-12.pdf")).isNotEmptyFile();
        assertThat(out.resolve("statystyka").resolve("statystyka-2025-12-paczka.zip")).isNotEmptyFile();
        assertThat(out.resolve("mrpips03").resolve("mrpips03-2025-R.xml")).isNotEmptyFile();
        assertThat(out.resolve("ozps").resolve("ozps-2025.pdf")).isNotEmptyFile();
        assertThat(HelpText.full()).doesNotContain("przebieg-probny");

        // the script's second run, for the short commands' archive: on the same home folder and database
        CommandLineRun.Outcome shortRun = CommandLineRun.launchOn(url, home, "przebieg-probny", "--krotkie");

        assertThat(shortRun.exitCode()).as(shortRun.err()).isZero();
        assertThat(shortRun.out()).contains("Ostatnie uruchomienia:", // status
                "csv:" + home.resolve("dane").resolve("przebieg-probny"), // snapshots
                "uruchomił: przebieg próbny", // runs
                "Paczka nienaruszona") // verify
                .doesNotContain("Przebieg próbny: zadania policzone");
    }
}
