package pl.mops.reports.mrpips03;

import java.sql.Date;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;

/**
 * Computes the cells of a return in PostgreSQL: the fact table of the period ({@code sql/queries/mrpips03-facts.sql},
 * a temporary table dropped at commit), then one generated statement per section ({@link SectionSql}) that
 * inserts the section's cells. Must run inside one transaction (the temporary table lives in it).
 */
@Component
public class ReturnComputation {

    private static final Logger log = LoggerFactory.getLogger(ReturnComputation.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;

    public ReturnComputation(NamedParameterJdbcTemplate jdbc, NamedQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** @return the number of cells stored */
    public int computeCells(long returnId, long snapshotId, ReturnPeriod period, Layout layout) {
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS pg_temp.mrpips03_fakty");
        jdbc.update(queries.get("mrpips03-facts"), Map.of(
                "snapshotId", snapshotId,
                "periodStart", Date.valueOf(period.start()),
                "periodEnd", Date.valueOf(period.end())));
        int cells = 0;
        for (Layout.Section section : layout.sections()) {
            SectionSql.Statement statement = SectionSql.insertCells(section, returnId);
            int inserted = jdbc.update(statement.sql(), statement.parameters());
            if (inserted != statement.cells()) {
                throw new IllegalStateException("Dział " + section.code() + ": zapisano " + inserted + " komórek z "
                        + statement.cells());
            }
            cells += inserted;
        }
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS pg_temp.mrpips03_fakty");
        log.info("MRPiPS-03 {} (migawka {}, układ {}): {} komórek", period, snapshotId, layout.version(), cells);
        return cells;
    }
}
