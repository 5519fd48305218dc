package pl.mops.reports.mrpips03;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;
import pl.mops.reports.database.SessionTables;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.mrpips03.Layout.FactSet;

/**
 * Computes the cells of a return in PostgreSQL: the fact table of the period ({@code sql/queries/mrpips03-facts.sql}),
 * then per section ({@link SectionSql}) its events and their groupings by family and by person (kept for the lineage
 * until the end) and one generated statement that inserts the section's cells, and the layout's counters — all of them
 * the session's unlogged work tables ({@link WorkTables}), dropped before the commit. Rows fed by an optional file the
 * snapshot does not have ({@code kontrakty.csv}, {@code wsparcie.csv}) get no cells. Must run inside one transaction
 * (the work tables live in it and in its connection's session).
 */
@Component
public class ReturnComputation {

    private static final Logger log = LoggerFactory.getLogger(ReturnComputation.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;
    private final SnapshotRepository snapshots;

    public ReturnComputation(NamedParameterJdbcTemplate jdbc, NamedQueries queries, SnapshotRepository snapshots) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.snapshots = snapshots;
    }

    /** @return the number of cells stored */
    public int computeCells(long returnId, long snapshotId, ReturnPeriod period, Layout layout) {
        return computeCells(returnId, snapshotId, period, layout, () -> { });
    }

    /**
     * @param whileGroupingsExist runs after the cells, while the sections' groupings by family and person still exist
     *                            (the lineage is drawn from them there: {@link ReturnLineage#insertFromGroupings})
     * @return the number of cells stored
     */
    public int computeCells(long returnId, long snapshotId, ReturnPeriod period, Layout layout, Runnable whileGroupingsExist) {
        long start = System.nanoTime();
        buildFacts(jdbc, queries, snapshotId, period, layout);
        long facts = System.nanoTime();
        String work = SessionTables.suffix(jdbc.getJdbcTemplate());
        List<SectionSql> sections = SectionSql.of(layout, available(snapshots, snapshotId), work);
        int cells = 0;
        StringJoiner perSection = new StringJoiner(", ");
        for (SectionSql section : sections) {
            long sectionStart = System.nanoTime();
            prepare(jdbc, section);
            SectionSql.Statement statement = section.insertCells(returnId);
            int inserted = jdbc.update(statement.sql(), statement.parameters());
            if (inserted != statement.cells()) {
                throw new IllegalStateException("Dział " + section.sectionCode() + ": zapisano " + inserted
                        + " komórek z " + statement.cells());
            }
            cells += inserted;
            jdbc.getJdbcTemplate().execute(section.dropEvents());
            perSection.add(section.sectionCode() + " " + (System.nanoTime() - sectionStart) / 1_000_000);
        }
        SectionSql.insertCounters(layout.counters(), returnId, work)
                .ifPresent(statement -> jdbc.update(statement.sql(), statement.parameters()));
        long figures = System.nanoTime();
        whileGroupingsExist.run();
        dropAll(jdbc, sections);
        log.info("MRPiPS-03 {} (migawka {}, układ {}): {} komórek (fakty {} ms, komórki {} ms [działy: {}], pochodzenie {} ms)",
                period, snapshotId, layout.version(), cells, (facts - start) / 1_000_000, (figures - facts) / 1_000_000,
                perSection, (System.nanoTime() - figures) / 1_000_000);
        return cells;
    }

    /** makes the section's events and its groupings by family and person ({@link SectionSql#prepare}) */
    static void prepare(NamedParameterJdbcTemplate jdbc, SectionSql section) {
        for (SectionSql.Statement statement : section.prepare()) {
            jdbc.update(statement.sql(), statement.parameters());
        }
    }

    /** drops the fact table (with the tables it was made from) and the sections' work tables */
    static void dropAll(NamedParameterJdbcTemplate jdbc, List<SectionSql> sections) {
        for (SectionSql section : sections) {
            jdbc.getJdbcTemplate().execute(section.drop());
        }
        String work = SessionTables.suffix(jdbc.getJdbcTemplate());
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS " + String.join(", ",
                WorkTables.OF_FACTS.stream().map(table -> table + work).toList()));
    }

    /**
     * (re)creates the fact table of the period for the layout (a work table, {@link WorkTables}), with the transaction's {@code work_mem} at
     * 256 MB for it and the sections' groupings by family and person that follow (as in the monthly and OZPS
     * aggregations: with the server's 32 MB they spilled to disk at the country's scale)
     */
    static void buildFacts(NamedParameterJdbcTemplate jdbc, NamedQueries queries, long snapshotId, ReturnPeriod period,
                           Layout layout) {
        jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '256MB'");
        Map<String, Object> parameters = Map.of(
                "snapshotId", snapshotId,
                "periodStart", Date.valueOf(period.start()),
                "periodEnd", Date.valueOf(period.end()),
                "cashBySubtype", layout.cashBySubtype());
        String work = SessionTables.suffix(jdbc.getJdbcTemplate());
        for (String statement : queries.steps("mrpips03-facts")) {
            jdbc.update(statement.replace("{w}", work), parameters);
        }
    }

    /** the fact sets the snapshot's files can feed */
    static Set<FactSet> available(SnapshotRepository snapshots, long snapshotId) {
        return FactSet.available(snapshots.fileCounts(snapshotId).stream().map(SnapshotRepository.FileCounts::fileName)
                .toList());
    }
}
