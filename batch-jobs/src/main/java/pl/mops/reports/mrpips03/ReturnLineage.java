package pl.mops.reports.mrpips03;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.audit.StoredLineage;
import pl.mops.reports.database.NamedQueries;
import pl.mops.reports.importing.SnapshotRepository;

/**
 * Fills {@code pg_temp.audit_lineage} with the cell lineage of a return (for the auditors' package and for opening a
 * cell): one generated statement for all sections ({@link SectionsSql#insertLineage}) over their groupings by family
 * and by person — those of the cells step ({@link #keepFromGroupings}), or made again from the data by the same
 * statements ({@link #fill}). Must run inside one transaction.
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

    /** the lineage from the data: the period's fact table and the sections' groupings made again, then the rows */
    /** @return the number of lineage rows inserted (not counting the units) */
    public long fill(long snapshotId, ReturnPeriod period, Layout layout) {
        ReturnComputation.buildFacts(jdbc, queries, snapshotId, period, layout);
        SectionsSql sections = ReturnComputation.sections(jdbc, snapshots, snapshotId, layout);
        ReturnComputation.prepare(jdbc, sections);
        jdbc.getJdbcTemplate().execute(sections.dropEvents());
        long rows = insert(sections);
        ReturnComputation.dropAll(jdbc, sections);
        return rows;
    }

    /**
     * keeps the lineage of the cells step for the files step's package ({@link StoredLineage}), drawn from the
     * sections' groupings by family and person, which must exist: the cells step calls it before dropping them
     * ({@link ReturnComputation#computeCells}). The rows are one query, made into the kept table directly
     * ({@link StoredLineage#keepCreatedAs}: read by parallel workers).
     */
    void keepFromGroupings(StoredLineage stored, JobExecution execution, long snapshotId, Layout layout) {
        SectionsSql sections = ReturnComputation.sections(jdbc, snapshots, snapshotId, layout);
        sections.lineage().ifPresentOrElse(
                rows -> stored.keepCreatedAs(execution, rows.sql(), rows.parameters(), () -> insertUnits(sections)),
                () -> stored.keep(execution, () -> {
                    insertUnits(sections);
                    return 0;
                }));
    }

    /** the lineage rows and their units ({@code LineageTable.UNITS}); @return the number of rows (not counting the units) */
    private long insert(SectionsSql sections) {
        long rows = sections.insertLineage().map(statement -> jdbc.update(statement.sql(), statement.parameters())).orElse(0);
        insertUnits(sections);
        return rows;
    }

    /** the units of the lineage ({@code LineageTable.UNITS}), from the sections' groupings */
    private void insertUnits(SectionsSql sections) {
        sections.insertLineageUnits().ifPresent(statement -> jdbc.getJdbcTemplate().update(statement));
    }
}
