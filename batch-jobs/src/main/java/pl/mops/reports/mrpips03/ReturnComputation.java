package pl.mops.reports.mrpips03;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * then the events of all sections ({@link SectionsSql}) and their groupings by family and by person (kept for the
 * lineage until the end) and one generated statement that inserts every cell, and the layout's counters — all of them
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
     *                            (the lineage is drawn from them there: {@link ReturnLineage#keepFromGroupings})
     * @return the number of cells stored
     */
    public int computeCells(long returnId, long snapshotId, ReturnPeriod period, Layout layout, Runnable whileGroupingsExist) {
        long start = System.nanoTime();
        buildFacts(jdbc, queries, snapshotId, period, layout);
        long facts = System.nanoTime();
        SectionsSql sections = sections(jdbc, snapshots, snapshotId, layout);
        prepare(jdbc, sections);
        long prepared = System.nanoTime();
        int cells = insertCells(jdbc, sections, returnId);
        if (cells != sections.cellCount()) {
            throw new IllegalStateException("Zapisano " + cells + " komórek z " + sections.cellCount());
        }
        jdbc.getJdbcTemplate().execute(sections.dropEvents());
        SectionSql.insertCounters(layout.counters(), returnId, SessionTables.suffix(jdbc.getJdbcTemplate()))
                .ifPresent(statement -> jdbc.update(statement.sql(), statement.parameters()));
        long figures = System.nanoTime();
        whileGroupingsExist.run();
        dropAll(jdbc, sections);
        log.info("MRPiPS-03 {} (migawka {}, układ {}): {} komórek (fakty {} ms, komórki {} ms [zdarzenia działów {} i ich "
                        + "grupowanie po rodzinach i osobach {} ms, komórki i liczniki {} ms], pochodzenie {} ms)",
                period, snapshotId, layout.version(), cells, (facts - start) / 1_000_000, (figures - facts) / 1_000_000,
                sections.sections().stream().map(SectionSql::sectionCode).collect(Collectors.joining(", ")),
                (prepared - facts) / 1_000_000, (figures - prepared) / 1_000_000, (System.nanoTime() - figures) / 1_000_000);
        return cells;
    }

    /**
     * Stores every cell ({@link SectionsSql#cells}). The aggregates are read by a query and the few hundred cells
     * inserted from here: PostgreSQL never runs the query part of an {@code INSERT … SELECT} with parallel workers,
     * and the aggregates over the events, families and persons are most of the work (x10, psql: 1.2–1.6 s as a
     * query, 2.1–2.2 s inside the insert).
     *
     * @return the number of cells stored
     */
    static int insertCells(NamedParameterJdbcTemplate jdbc, SectionsSql sections, long returnId) {
        List<Object[]> cells = sections.cells(returnId).map(query -> jdbc.query(query.sql(), query.parameters(),
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)}))
                .orElse(List.of());
        int stored = 0;
        for (int count : jdbc.getJdbcTemplate().batchUpdate(
                "INSERT INTO mrpips03_cell (return_id, section, row_code, column_code, value) VALUES (?, ?, ?, ?, ?)", cells)) {
            stored += count;
        }
        return stored;
    }

    /** the statements of the layout's sections that the snapshot's files can feed, over this session's work tables */
    static SectionsSql sections(NamedParameterJdbcTemplate jdbc, SnapshotRepository snapshots, long snapshotId, Layout layout) {
        return new SectionsSql(SectionSql.of(layout, available(snapshots, snapshotId)),
                SessionTables.suffix(jdbc.getJdbcTemplate()));
    }

    /** makes the sections' events and their groupings by family and person ({@link SectionsSql#prepare}) */
    static void prepare(NamedParameterJdbcTemplate jdbc, SectionsSql sections) {
        for (SectionsSql.Statement statement : sections.prepare()) {
            jdbc.update(statement.sql(), statement.parameters());
        }
    }

    /** drops the fact table (with the tables it was made from) and the sections' work tables */
    static void dropAll(NamedParameterJdbcTemplate jdbc, SectionsSql sections) {
        jdbc.getJdbcTemplate().execute(sections.drop());
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
