package pl.mops.reports.mrpips03;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The work tables of one MRPiPS-03 computation (the period's realisations, social work and families, the fact table, the
 * sections' events and groupings) are UNLOGGED tables named with the database session's suffix, not temporary tables:
 * PostgreSQL never scans a temporary table in parallel, and at the country's scale (7.5 million events, 1.7 GB) a
 * section's pass over the fact table took twice as long as over the same rows in an unlogged table read by two
 * processes (issue 17; 11.0 s against 5.5 s for section 1B, measured in psql). Created inside the computing
 * transaction, they vanish with its rollback, and the computation drops them before its commit
 * ({@link ReturnComputation#dropAll}); the session's process id keeps two computations running at the same time apart
 * (each holds its own connection for its whole transaction). Unlogged: no WAL, emptied after a crash — they never
 * outlive the transaction anyway.
 */
final class WorkTables {

    /** how every work table is created ({@code CREATE UNLOGGED TABLE <name><suffix> AS …}) */
    static final String CREATE = "CREATE UNLOGGED TABLE ";
    /** the fact table's name without the suffix */
    static final String FACTS = "mrpips03_fakty";
    /** the tables {@code mrpips03-facts.sql} makes, without the suffix (its placeholder {@code {w}}) */
    static final java.util.List<String> OF_FACTS = java.util.List.of(FACTS, "mf_realisation", "mf_social_work",
            "mf_family");

    private WorkTables() {
    }

    /** {@code _p<process id of this connection's backend>}: the same for every statement of one transaction */
    static String suffix(JdbcTemplate jdbc) {
        return "_p" + jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
    }
}
