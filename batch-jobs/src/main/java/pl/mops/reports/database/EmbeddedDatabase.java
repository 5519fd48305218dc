package pl.mops.reports.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: a real PostgreSQL (zonky binaries, pinned in the pom) whose data directory
 * lives in the home folder and survives between runs, so {@code import} and a later {@code run}
 * see the same data. Used only when no database is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server on {@code dataDirectory}, creating the cluster on first use, and records its port in the
     * owner's lock file. The caller owns the database ({@code lock}), so a server still running on it was left by a
     * program that was killed (kill -9: the server outlives it, adopted by init): it is stopped first.
     *
     * @param port chosen by the caller ({@link #freePort}), so the datasource's address is known before the server is up
     */
    public static EmbeddedDatabase start(Path dataDirectory, OwnerLock lock, int port) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        OrphanedServer.stopIfLeftBehind(dataDirectory, lock);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // the launcher stops it after a graceful stop of the running job
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "50")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("maintenance_work_mem", "128MB")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on") // zonky's default is off: a committed step must survive
                // nobody replicates or archives the embedded server's WAL: with "minimal" the rows an import writes
                // into the tables it creates in its transaction (the snapshot's partitions, SnapshotImporter) and
                // their index builds are not written to the WAL at all — the files are synced at commit instead —
                // which halves the time of moving 3.9 million rows into them (crash safety is unchanged: a commit
                // is durable either way)
                .setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("statement_timeout", "0")
                .start();
        try {
            lock.recordPort(postgres.getPort());
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new EmbeddedDatabase(postgres);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** the address of the server {@link #start(Path, OwnerLock, int) started} on {@code port}, known before it is up */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER;
    }

    /**
     * a port free on the loopback now, for a server started a moment later (as the server's library itself chooses
     * one: another program taking it in between makes the start fail, reported as such)
     */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The URL of another process's embedded server (the owner's, on this computer) for reading only: every
     * transaction of the session is read-only ({@code default_transaction_read_only}), enforced by the server. The
     * host is the one the owner itself connects to ({@code localhost}: the server listens on the loopback only).
     */
    public static String readOnlyClientUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER
                + "&options=-c%20default_transaction_read_only%3Don";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
