package pl.mops.reports.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.assessment.OzpsLineage;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.mrpips03.Layouts;
import pl.mops.reports.mrpips03.ReturnLineage;
import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.support.DatabaseTest;

/**
 * Each job's lineage fill supplies the units of its rows ({@link LineageTable#UNITS}): every (kind, id) of a lineage
 * row is among them — checked here against the rows themselves, on each job's fixture — so the package numbers the
 * supplied units and never looks for them among all the rows, and never loses a line (which the package would refuse
 * anyway: {@code LineageTableTest}).
 */
class LineageUnitsTest extends DatabaseTest {

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    MonthlyLineage monthly;
    @Autowired
    ReturnLineage mrpips03;
    @Autowired
    OzpsLineage ozps;
    @Autowired
    Layouts layouts;
    @Autowired
    LineageTable lineage;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void monthlyStatisticsSupplyTheFamiliesOfTheirRows() throws Exception {
        long snapshot = load("/statistics/monthly-small", "test:units-monthly");
        assertUnitsCoverRows(() -> monthly.fill(snapshot, YearMonth.of(2025, 3)), List.of("rodzina"));
        // January 2026: no realisation in the month, its lineage rows are all of families a year earlier
        assertUnitsCoverRows(() -> monthly.fill(snapshot, YearMonth.of(2026, 1)), List.of("rodzina"));
    }

    @Test
    void theReturnSuppliesTheFamiliesAndPersonsOfItsRows() throws Exception {
        long snapshot = load("/mrpips03/podstawowy", "test:units-mrpips03");
        ReturnPeriod year = ReturnPeriod.parse("2025-R");
        assertUnitsCoverRows(() -> mrpips03.fill(snapshot, year, layouts.resolve("2025.2", 2025)),
                List.of("osoba", "rodzina"));
    }

    @Test
    void theAssessmentSuppliesTheFamiliesPersonsAndRefusalsOfItsRows() throws Exception {
        long snapshot = load("/ozps/trzy-lata", "test:units-ozps");
        assertUnitsCoverRows(() -> ozps.fill(snapshot, 2025), List.of("decyzja", "osoba", "rodzina"));
    }

    /** also: the fill's reported number of rows (recorded by StoredLineage instead of a count) is the table's */
    private void assertUnitsCoverRows(java.util.function.LongSupplier fill, List<String> kinds) {
        transaction.executeWithoutResult(s -> {
            lineage.create();
            long reported = fill.getAsLong();
            assertThat(reported).as("rows the fill reports").isPositive()
                    .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM " + LineageTable.TABLE, Long.class));
            assertThat(jdbc.queryForList("SELECT DISTINCT kind FROM " + LineageTable.TABLE + " ORDER BY 1", String.class))
                    .as("the fixture gives rows of every kind").isEqualTo(kinds);
            assertThat(jdbc.queryForList("SELECT kind || ':' || source_id FROM (SELECT kind, source_id FROM "
                    + LineageTable.TABLE + " EXCEPT SELECT kind, source_id FROM " + LineageTable.UNITS + ") x", String.class))
                    .as("units of lineage rows that were not supplied").isEmpty();
            lineage.drop();
        });
    }

    private long load(String fixture, String source) throws Exception {
        return loader.load(Path.of(LineageUnitsTest.class.getResource(fixture).toURI()), source).snapshot().id();
    }
}
