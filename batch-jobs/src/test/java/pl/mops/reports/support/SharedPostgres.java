package pl.mops.reports.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL (the same zonky binaries as the program's embedded default) for the whole
 * test JVM, on a fresh data directory; tests keep apart by using their own snapshots.
 */
public final class SharedPostgres {

    private static EmbeddedPostgres postgres;

    private SharedPostgres() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                Path dir = Files.createTempDirectory("mops-test-pg");
                postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                        .setServerConfig("timezone", "UTC").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
