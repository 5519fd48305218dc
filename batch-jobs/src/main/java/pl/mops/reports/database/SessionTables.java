package pl.mops.reports.database;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Work tables of one database session that PostgreSQL may read with parallel workers: UNLOGGED tables named with the
 * session's suffix instead of temporary tables, which are never scanned in parallel (issue 17: on two cores a pass over
 * millions of rows took about half the time). They must be created inside a transaction and dropped before its commit
 * (a rollback removes them, and they are unlogged: no WAL); the backend's process id in the name keeps the
 * transactions of different connections apart — each holds its connection for the whole transaction, so every
 * statement of it sees the same suffix.
 */
public final class SessionTables {

    /** how a work table is created: {@code CREATE UNLOGGED TABLE <name><suffix> AS …} */
    public static final String CREATE = "CREATE UNLOGGED TABLE ";

    private SessionTables() {
    }

    /** {@code _p<process id of the connection's backend>} */
    public static String suffix(JdbcTemplate jdbc) {
        return "_p" + jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
    }
}
