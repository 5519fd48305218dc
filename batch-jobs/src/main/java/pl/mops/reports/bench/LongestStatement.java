package pl.mops.reports.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The longest single SQL statement of a measured phase (the x60 goal: „no statement near the timeout”),
 * found by sampling {@code pg_stat_activity} every {@value #INTERVAL_MS} ms from a thread of its own while the phase
 * runs: the longest time any client statement of the database was seen active (its {@code query_start} to the moment
 * of the sample). The true duration of that statement is at most one interval longer. Sampling works on any
 * PostgreSQL — pg_stat_statements needs a preloaded library that the embedded database does not have — and needs no
 * change to the jobs.
 *
 * <p>The sampler reads on a connection of its own, outside the program's pool: a job uses up to four pool connections
 * at once (its lock, the cells and the lineage computed side by side), and the pool has five. Statements of other
 * databases, parallel workers (their leader is sampled) and the sampler's own are left out; so are statements of other
 * programs on the same database — the benchmark's database is its own.
 */
final class LongestStatement implements AutoCloseable {

    static final int INTERVAL_MS = 100;

    /**
     * @param seconds   the longest time one statement was seen active; NaN when not measured
     * @param beginning that statement's text without comments, whitespace collapsed, its first 80 characters (for the
     *                  console only: which statement it was); empty when none was seen
     */
    record Observed(double seconds, String beginning) {
        static final Observed NOT_MEASURED = new Observed(Double.NaN, "");
    }

    private static final String SAMPLE = """
            SELECT extract(epoch FROM clock_timestamp() - query_start),
                   left(btrim(regexp_replace(regexp_replace(query, '--[^\\n]*', '', 'g'), '\\s+', ' ', 'g')), 80)
              FROM pg_stat_activity
             WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()
               AND datname = current_database() AND query_start IS NOT NULL
             ORDER BY 1 DESC
             LIMIT 1""";

    private final Connection connection;
    private final Thread thread;
    private volatile boolean running = true;
    private double longest;
    private String beginning = "";
    private SQLException failure;

    private LongestStatement(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::sample, "najdluzsze-polecenie");
        thread.setDaemon(true);
        thread.start();
    }

    /** starts sampling the database of {@code dataSource} */
    static LongestStatement watch(DataSource dataSource) {
        try {
            return new LongestStatement(ownConnection(dataSource));
        } catch (SQLException e) {
            throw new IllegalStateException("Pomiar najdłuższego polecenia SQL: brak połączenia z bazą", e);
        }
    }

    /** a connection outside the program's pool when the datasource is one (see the class comment) */
    private static Connection ownConnection(DataSource dataSource) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    private void sample() {
        try (PreparedStatement statement = connection.prepareStatement(SAMPLE)) {
            while (running) {
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        record(rs.getDouble(1), rs.getString(2));
                    }
                }
                Thread.sleep(INTERVAL_MS);
            }
        } catch (SQLException e) {
            synchronized (this) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void record(double seconds, String text) {
        if (seconds > longest) {
            longest = seconds;
            beginning = text == null ? "" : text;
        }
    }

    /**
     * Stops sampling (the sampler's thread ends after its current sample) and closes its connection. Never throws:
     * a benchmark's figure, not the job, fails when the sampling does.
     *
     * @return the longest statement seen; NaN seconds (and the reason) when the sampling failed
     */
    Observed stop() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection was only read from
        }
        synchronized (this) {
            return failure != null ? new Observed(Double.NaN, "pomiar nie powiódł się: " + failure.getMessage())
                    : new Observed(longest, beginning);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
