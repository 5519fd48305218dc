package pl.mops.reports.assessment;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;

/**
 * Fills {@code pg_temp.audit_lineage} with the lineage of the OZPS tables 10.3–10.8 (for the auditors' package):
 * {@code audit-lineage-ozps.sql} behind the same WITH clause as the tables ({@code ozps-base.sql}), so the families,
 * recipients and refusals listed are counted by the very rules of the figures.
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
        return jdbc.update(OzpsAggregationTasklet.tableStatement(queries, "audit-lineage-ozps"), args);
    }
}
