package pl.mops.reports.assessment;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;

/**
 * The lineage of the OZPS tables 10.3–10.8 (for the auditors' package): {@code audit-lineage-ozps.sql} behind the same
 * WITH clause as the tables ({@code ozps-base.sql}), so the families, recipients and refusals listed are counted by the
 * very rules of the figures, and its counted units ({@code audit-lineage-ozps-units.sql}). The aggregation keeps the
 * rows made into a table by {@code CREATE TABLE … AS} ({@link #rowsStatement}, {@link #unitsStatement}); {@link #fill}
 * inserts them into {@code pg_temp.audit_lineage} when the kept ones were lost.
 */
@Component
public class OzpsLineage {

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;

    public OzpsLineage(NamedParameterJdbcTemplate jdbc, NamedQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /**
     * must run inside one transaction (the reference sets are temporary tables dropped at commit)
     *
     * @return the number of lineage rows inserted (not counting the units)
     */
    public long fill(long snapshotId, int year) {
        Map<String, Object> args = Map.of("snapshotId", snapshotId, "year", year);
        OzpsAggregationTasklet.buildBase(jdbc, queries, args);
        long rows = jdbc.update("INSERT INTO pg_temp.audit_lineage (cell, kind, source_id)\n" + rowsStatement(queries), args);
        jdbc.update(unitsStatement(queries), args);
        return rows;
    }

    /** the query of the lineage rows (cell, kind, source_id): {@code audit-lineage-ozps.sql} behind the WITH clause */
    static String rowsStatement(NamedQueries queries) {
        return OzpsAggregationTasklet.tableStatement(queries, "audit-lineage-ozps");
    }

    /**
     * the statement that inserts the lineage's counted units into {@code pg_temp.audit_lineage_units}:
     * {@code audit-lineage-ozps-units.sql} behind the WITH clause and the CTEs of {@code audit-lineage-ozps.sql} (the
     * sets its rows are drawn from; the CTEs that statement does not use are not computed)
     */
    static String unitsStatement(NamedQueries queries) {
        String lineage = queries.get("audit-lineage-ozps");
        int rows = lineage.indexOf(ROWS_LINE);
        if (rows < 0) {
            throw new IllegalStateException("audit-lineage-ozps.sql: no line starting " + ROWS_LINE);
        }
        return queries.get("ozps-base") + "\n" + lineage.substring(0, rows) + queries.get("audit-lineage-ozps-units");
    }

    /** the line of {@code audit-lineage-ozps.sql} between its CTEs and its rows' query */
    static final String ROWS_LINE = "\n-- the rows (";
}
