package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.system.ExitCode;

/**
 * A server that cannot start is the one reason the user reads (exit code 3, not an "unexpected error" quoting the
 * process line), the lock is released and no server is left running, so the command after the repair owns the
 * database and works. (The server starts in the background, beside Spring: its failure reaches the command when the
 * datasource waits for it.)
 */
class EmbeddedDatabaseStartTest {

    @TempDir
    Path home;

    @Test
    void aServerThatCannotStartIsReportedAsSuchAndLeavesNothingBehind() throws Exception {
        Path data = home.resolve("pgdata");
        Files.createDirectories(data);
        Files.writeString(data.resolve("PG_VERSION"), "9\n"); // a data folder no server of this program can use

        CommandLineRun.Outcome failed = launch("status");

        assertThat(failed.exitCode()).isEqualTo(ExitCode.DATABASE_UNAVAILABLE.code());
        assertThat(failed.err()).startsWith("Błąd: nie udało się uruchomić wbudowanej bazy danych PostgreSQL (folder "
                + data + ").\nSzczegóły w dzienniku: ").doesNotContain("Exception", "Bean", "\tat ");
        assertThat(Files.size(home.resolve("pgdata.lock"))).as("the lock released, its owner's line erased").isZero();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();

        FileSystemUtils.deleteRecursively(data); // the user's repair
        CommandLineRun.Outcome status = launch("status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Dane: w bazie nie ma jeszcze migawki.");
        assertThat(data.resolve("postmaster.pid")).as("stopped at the end of the command").doesNotExist();
        // the server started beside Spring, and the datasource waited for it (database.DataSourceAfterServerStart)
        assertThat(Files.readString(home.resolve("logs/mops-reports.log")))
                .containsPattern("Start: proces do otwarcia bazy \\d+ ms, wbudowana baza \\d+ ms \\(w tle; Spring czekał "
                        + "na nią \\d+ ms\\)");
    }

    private CommandLineRun.Outcome launch(String... args) {
        return CommandLineRun.launchExactly(List.of(args[0], "--home=" + home));
    }
}
