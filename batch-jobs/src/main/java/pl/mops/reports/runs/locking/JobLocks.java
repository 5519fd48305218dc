package pl.mops.reports.runs.locking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * Takes the lock of a job and period before anything is decided (reuse, restart, next version) and keeps it for
 * the whole run, so two processes (two {@code serve}s, or a manual {@code run} during a scheduled one) never run
 * the same job and period at once. The loser either stops at once with exit code 5, naming the holder, or, when
 * asked to wait, polls until the holder is done.
 */
@Component
public class JobLocks {

    private static final Logger log = LoggerFactory.getLogger(JobLocks.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Console console;
    private final MopsProperties properties;

    public JobLocks(DataSource dataSource, Console console, MopsProperties properties) {
        this.dataSource = dataSource;
        this.console = console;
        this.properties = properties;
    }

    /**
     * @param polishBusy what is being computed, e.g. "Statystyka za 2025-10 jest właśnie liczona", starts the
     *                  message of the loser
     * @param wait          {@code true}: wait until the holder finishes; {@code false}: exit code 5 at once
     */
    public JobLock acquire(LockKey key, String polishBusy, boolean wait) {
        return acquire(key, polishBusy, wait, "Poczekaj, aż skończy, albo uruchom z opcją --czekaj.");
    }

    /** @param whatToDo the end of the loser's message (a command without {@code --czekaj} says something else) */
    public JobLock acquire(LockKey key, String polishBusy, boolean wait, String whatToDo) {
        Connection connection = connect();
        try {
            connection.setAutoCommit(true);
            boolean announced = false;
            while (!tryLock(connection, key)) {
                Optional<LockHolder> holder = holder(connection, key);
                String who = holder.map(LockHolder::polishDescription).orElse("inny proces");
                if (!wait) {
                    throw new UserError(polishBusy + " przez inny proces: " + who + ". " + whatToDo, ExitCode.BUSY, null);
                }
                if (!announced) {
                    console.line(polishBusy + " przez inny proces: " + who
                            + ". Czekam, aż skończy…");
                    announced = true;
                }
                sleep();
            }
            log.info("Blokada zadania {} założona", key.description());
            return new JobLock(connection, key, () -> discard(connection));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new UserError("Nie można założyć blokady zadania " + key.description() + " w bazie danych ("
                    + e.getMessage() + ").", ExitCode.DATABASE_UNAVAILABLE, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** who holds the lock of a job and period now, if anybody */
    public Optional<LockHolder> holder(LockKey key) {
        try (Connection connection = connect()) {
            return holder(connection, key);
        } catch (SQLException e) {
            throw new UserError("Nie można odczytać blokad zadań z bazy danych (" + e.getMessage() + ").", ExitCode.DATABASE_UNAVAILABLE, e);
        }
    }

    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new UserError("brak połączenia z bazą danych (" + e.getMessage() + ").", ExitCode.DATABASE_UNAVAILABLE, e);
        }
    }

    private static boolean tryLock(Connection connection, LockKey key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LockKey.NAMESPACE);
            lock.setInt(2, key.value());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Optional<LockHolder> holder(Connection connection, LockKey key) throws SQLException {
        String sql = """
                SELECT a.pid, a.application_name, host(a.client_addr), a.backend_start
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                  AND l.classid = CAST(? AS bigint)::oid AND l.objid = CAST(? AS bigint)::oid
                """;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, LockKey.NAMESPACE);
            query.setLong(2, key.value());
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                OffsetDateTime since = rs.getObject(4, OffsetDateTime.class);
                return Optional.of(new LockHolder(rs.getInt(1), rs.getString(2), rs.getString(3),
                        since == null ? null : since.atZoneSameInstant(properties.timeZone()).toLocalDateTime()));
            }
        }
    }

    private void discard(Connection connection) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.evictConnection(connection);
        } else {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("Przerwano oczekiwanie na zakończenie innego procesu.", ExitCode.BUSY, e);
        }
    }
}
