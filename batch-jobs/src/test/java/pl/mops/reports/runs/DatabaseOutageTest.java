package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import pl.mops.reports.support.ChildJvm;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CrashTestDatabases;

/**
 * A database server that stops while the monthly job runs (in a child JVM, held by the test hook before the
 * aggregation): the job fails within a bounded time with exit code 3 and a Polish message, leaves no aggregate
 * rows, and when the server is back on the same data directory {@code run … --restart} completes with the files of
 * an uninterrupted run. The test has its own PostgreSQL so that it can stop it.
 */
class DatabaseOutageTest {

    @TempDir
    Path pgdata;
    @TempDir
    Path out;

    @Test
    void lostDatabaseFailsWithinBoundedTimeAndTheRestartCompletesWhenItIsBack() throws Exception {
        Path reference = CrashTestDatabases.reference().resolve("monthly");
        Path home = CrashTestDatabases.home();
        EmbeddedPostgres postgres = start(0);
        int port = postgres.getPort();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try {
            CommandLineRun.Outcome imported = CommandLineRun.launchOn(url, home, "import", "--dir",
                    Path.of(getClass().getResource("/statistics/monthly-small").toURI()).toString(),
                    "--out", out.resolveSibling(out.getFileName() + "-import").toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();

            // a short wait for a connection so that the test is quick; the bound in production is 15 s per attempt
            ChildJvm child = ChildJvm.start(home, url, Map.of("mops.test.wstrzymaj", "monthlyAggregation:1500"),
                    CrashTestDatabases.run("monthly", out, "--spring.datasource.hikari.connection-timeout=2000"));
            child.awaitOutput("[test] wstrzymano przed krokiem monthlyAggregation", Duration.ofSeconds(60));
            postgres.close();
            long stopped = System.nanoTime();
            int exit = child.awaitExit(Duration.ofSeconds(90));
            Duration failedAfter = Duration.ofNanos(System.nanoTime() - stopped);

            assertThat(exit).as(child.output()).isEqualTo(3);
            assertThat(failedAfter).isLessThan(Duration.ofSeconds(45));
            assertThat(child.output()).contains("Błąd: ").contains("brak połączenia z bazą danych")
                    .contains("wznowi ją od nieukończonego kroku").doesNotContain("\tat ");
            assertThat(CrashTestDatabases.names(out)).isEmpty();

            postgres = start(port);
            assertThat(count(url, "SELECT count(*) FROM monthly_stat")).as("no half-written aggregates").isZero();
            CommandLineRun.Outcome resumed = CommandLineRun.launchOn(url, home,
                    CrashTestDatabases.run("monthly", out, "--restart"));
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.out()).contains("wznawiam od kroku: agregacja w bazie (GROUPING SETS).");
            for (String name : CrashTestDatabases.names(reference)) {
                if (!name.endsWith(".zip")) { // the package holds this database's own import summary
                    assertThat(Files.readAllBytes(out.resolve(name))).as(name)
                            .isEqualTo(Files.readAllBytes(reference.resolve(name)));
                }
            }
        } finally {
            postgres.close();
        }
    }

    private EmbeddedPostgres start(int port) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(pgdata)
                .setCleanDataDirectory(false).setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
