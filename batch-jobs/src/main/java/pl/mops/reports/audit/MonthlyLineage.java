package pl.mops.reports.audit;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;

/**
 * Fills {@link LineageTable#TABLE} with every family count the monthly statistics show: the family-level facts of the
 * month ({@code monthly-facts.sql}, the same statements as the aggregation) and the lineage rows drawn from them
 * ({@code audit-lineage-monthly.sql}). Must run inside one transaction (the fact tables are dropped at commit).
 */
@Component
public class MonthlyLineage {

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;

    public MonthlyLineage(NamedParameterJdbcTemplate jdbc, NamedQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** @return the number of lineage rows inserted (not counting the units) */
    public long fill(long snapshotId, YearMonth month) {
        Map<String, Object> parameters = Map.of(
                "snapshotId", snapshotId,
                "monthStart", Date.valueOf(month.atDay(1)));
        jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '256MB'"); // as in the aggregation
        for (String statement : queries.steps("monthly-facts")) {
            jdbc.update(statement, parameters);
        }
        return insertFromFacts();
    }

    /**
     * the lineage rows and their units ({@link LineageTable#UNITS}) from the fact tables of {@code monthly-facts.sql},
     * which must exist (the aggregation calls it after its figures)
     *
     * @return the number of lineage rows inserted (not counting the units)
     */
    public long insertFromFacts() {
        long rows = jdbc.update("INSERT INTO pg_temp.audit_lineage (cell, kind, source_id)\n" + rowsQuery(), Map.of());
        insertUnits();
        return rows;
    }

    /**
     * the query of the lineage rows ({@code audit-lineage-monthly.sql}): the aggregation makes the kept table from it
     * ({@link StoredLineage#keepCreatedAs}) — written in bulk, where rows inserted through the view of the table are
     * written one by one
     */
    public String rowsQuery() {
        return queries.get("audit-lineage-monthly");
    }

    /** the units of the lineage ({@link LineageTable#UNITS}) from the fact tables, which must exist */
    public void insertUnits() {
        jdbc.update(queries.get("audit-lineage-monthly-units"), Map.of());
    }
}
