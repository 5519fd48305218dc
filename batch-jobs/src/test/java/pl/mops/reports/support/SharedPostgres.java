package pl.mops.reports.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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

    /** creates an empty database {@code name} on the test server (as on a new installation) and returns its URL */
    public static String freshDatabase(String name) {
        return freshDatabase(name, null);
    }

    /** the same as a copy of the database {@code template} ({@code CREATE DATABASE … TEMPLATE}), when not null */
    public static synchronized String freshDatabase(String name, String template) {
        jdbcUrl();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }
}
