package pl.mops.reports.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A server left behind by a killed program while one of its sessions was still running a statement (a long
 * aggregation: the server notices the lost client only when it next writes to it) does not hold the next start for
 * the statement's whole run: smart shutdown would wait for that session, so the program falls back to a fast shutdown
 * within seconds (session 5: a benchmark killed during a 20-minute query left the next start failing with "null").
 */
class OrphanedServerTest {

    @TempDir
    Path home;

    @Test
    void aServerWithABusySessionIsStoppedWithinSeconds() throws Exception {
        Path data = home.resolve("pgdata");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        try {
            Connection session = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
            CompletableFuture<Object> busy = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = session.createStatement()) {
                    return statement.execute("SELECT pg_sleep(600)");
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(500); // the statement is running
            assertThat(Files.exists(data.resolve("postmaster.pid"))).isTrue();

            long started = System.nanoTime();
            OrphanedServer.stopIfLeftBehind(data, null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("not the statement's ten minutes, nor the 60 s limit").isLessThan(Duration.ofSeconds(30));
            assertThat(data.resolve("postmaster.pid")).as("stopped cleanly").doesNotExist();
            assertThat(busy.get()).as("the session was ended").isInstanceOf(SQLException.class);
        } finally {
            try {
                postgres.close();
            } catch (Exception alreadyStopped) {
                // the test stopped it
            }
        }
    }
}
