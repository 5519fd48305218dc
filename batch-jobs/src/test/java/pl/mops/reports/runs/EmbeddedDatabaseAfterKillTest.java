package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.cli.Launcher;
import pl.mops.reports.support.ChildJvm;
import pl.mops.reports.support.CrashTestDatabases;

/**
 * The embedded default after kill -9: the killed program's PostgreSQL server outlives it and holds the data
 * directory. The next start stops that server, says so, and resumes the job; the files equal an uninterrupted run's.
 */
class EmbeddedDatabaseAfterKillTest {

    @TempDir
    Path home;
    @TempDir
    Path out;

    private String printed = "";

    /** the program in this JVM on its embedded database (no database URL), capturing the console */
    private int launch(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            return new Launcher().launch(args);
        } finally {
            System.setOut(original);
            printed = console.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void nextStartStopsTheOrphanedServerAndResumes() throws Exception {
        Path reference = CrashTestDatabases.reference().resolve("monthly");
        assertThat(launch("import", "--dir", Path.of(getClass().getResource("/statistics/monthly-small").toURI())
                .toString(), "--home=" + home)).isZero();
        ChildJvm killed = ChildJvm.start(home, null, Map.of("mops.test.przerwij", "monthlyRendering:przed"),
                "run", "monthly", "--month", CrashTestDatabases.MONTH, "--out", out.toString());
        assertThat(killed.awaitExit(Duration.ofSeconds(90))).as(killed.output()).isEqualTo(137);
        assertThat(home.resolve("pgdata").resolve("postmaster.pid")).as("the server outlived the program").exists();

        int exit = launch("run", "monthly", "--month", CrashTestDatabases.MONTH, "--out", out.toString(), "--home=" + home);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("Wbudowana baza została uruchomiona przez przerwany program (proces nie żyje) — "
                + "zatrzymuję ją i uruchamiam ponownie…")
                // execution 1 is the import (a job, snapshotImport), execution 2 the killed monthly run
                .contains("Poprzednie uruchomienie nr 2 zostało przerwane (proces nie żyje) — wznawiam od kroku: "
                        + "tworzenie plików XLSX, PDF i CSV.");
        assertThat(home.resolve("pgdata").resolve("postmaster.pid")).as("the server is stopped at the end").doesNotExist();
        for (String name : CrashTestDatabases.names(reference)) {
            if (!name.endsWith(".zip")) { // the package holds this database's own import summary
                assertThat(Files.readAllBytes(out.resolve(name))).as(name)
                        .isEqualTo(Files.readAllBytes(reference.resolve(name)));
            }
        }
    }
}
