package pl.mops.reports.mrpips03;

import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.mrpips03.Layout.FactSet;

/**
 * Fills {@code pg_temp.audit_lineage} with the cell lineage of a return (for the auditors' package): the fact
 * table of the period is built again from the same query as the cells ({@code mrpips03-facts.sql}), then one
 * generated statement per section ({@link SectionSql#insertLineage}). Must run inside one transaction.
 */
@Component
public class ReturnLineage {

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;
    private final SnapshotRepository snapshots;

    public ReturnLineage(NamedParameterJdbcTemplate jdbc, NamedQueries queries, SnapshotRepository snapshots) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.snapshots = snapshots;
    }

    public void fill(long snapshotId, ReturnPeriod period, Layout layout) {
        ReturnComputation.buildFacts(jdbc, queries, snapshotId, period, layout);
        insertFromFacts(snapshotId, layout);
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS pg_temp.mrpips03_fakty");
    }

    /** the lineage rows from the period's fact table, which must exist (the cells step calls it before dropping it) */
    void insertFromFacts(long snapshotId, Layout layout) {
        Set<FactSet> available = ReturnComputation.available(snapshots, snapshotId);
        for (Layout.Section section : layout.sections()) {
            SectionSql.insertLineage(section, available)
                    .ifPresent(statement -> jdbc.update(statement.sql(), statement.parameters()));
        }
    }
}
