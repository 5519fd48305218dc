package pl.mops.reports.mrpips03;

import pl.mops.reports.database.SessionTables;

/**
 * The names of the work tables of one MRPiPS-03 computation (the period's realisations, social work and families, the
 * fact table, the sections' events and groupings). They are the session's unlogged tables ({@link SessionTables}), not
 * temporary tables: at the country's scale (7.5 million events, 1.7 GB) a section's pass over the fact table took twice
 * as long as over the same rows read by parallel workers (issue 17; 11.0 s against 5.5 s for section 1B, measured in
 * psql). Created inside the computing transaction; the computation drops them before its commit
 * ({@link ReturnComputation#dropAll}).
 */
final class WorkTables {

    /** the fact table's name without the suffix */
    static final String FACTS = "mrpips03_fakty";
    /** the tables {@code mrpips03-facts.sql} makes, without the suffix (its placeholder {@code {w}}) */
    static final java.util.List<String> OF_FACTS = java.util.List.of(FACTS, "mf_realisation", "mf_social_work",
            "mf_decision_reason", "mf_family");

    private WorkTables() {
    }
}
