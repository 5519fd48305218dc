package pl.mops.reports.runs.locking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A held PostgreSQL session-level advisory lock on one job and period, on its own connection for the whole
 * run. {@link #close()} releases it (also after a failure); if the process dies, the server drops the
 * connection and with it the lock.
 */
public final class JobLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobLock.class);

    private final Connection connection;
    private final LockKey key;
    private final Runnable discardConnection;
    private boolean released;

    JobLock(Connection connection, LockKey key, Runnable discardConnection) {
        this.connection = connection;
        this.key = key;
        this.discardConnection = discardConnection;
    }

    public LockKey key() {
        return key;
    }

    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, LockKey.NAMESPACE);
            unlock.setInt(2, key.value());
            unlock.execute();
            connection.close();
        } catch (SQLException e) {
            // a broken connection: the server has already dropped the lock with the session
            log.warn("Nie udało się zwolnić blokady {} (połączenie zerwane?): {}", key.description(), e.getMessage());
            discardConnection.run();
        }
    }
}
