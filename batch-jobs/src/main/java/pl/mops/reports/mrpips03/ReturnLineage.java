package pl.mops.reports.mrpips03;

import java.sql.Date;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;

/**
 * Fills {@code pg_temp.audit_lineage} with the cell lineage of a return (for the auditors' package): the fact
 * table of the period is built again from the same query as the cells ({@code mrpips03-facts.sql}), then one
 * generated statement per section ({@link SectionSql#insertLineage}). Must run inside one transaction.
 */
@Component
public class ReturnLineage {

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;

    public ReturnLineage(NamedParameterJdbcTemplate jdbc, NamedQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    public void fill(long snapshotId, ReturnPeriod period, Layout layout) {
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS pg_temp.mrpips03_fakty");
        jdbc.update(queries.get("mrpips03-facts"), Map.of(
                "snapshotId", snapshotId,
                "periodStart", Date.valueOf(period.start()),
                "periodEnd", Date.valueOf(period.end())));
        for (Layout.Section section : layout.sections()) {
            SectionSql.insertLineage(section).ifPresent(statement -> jdbc.update(statement.sql(), statement.parameters()));
        }
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS pg_temp.mrpips03_fakty");
    }
}
