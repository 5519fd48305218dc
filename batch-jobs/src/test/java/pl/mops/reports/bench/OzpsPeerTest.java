package pl.mops.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.DatabaseTest;

/**
 * The benchmark's OZPS peer against the job on generated data (families with several reasons, cash and non-cash
 * forms, social work with and without benefits, refusals with and without reasons): every row of tables 10.3–10.8 of
 * 2025 equal, over three covered years and over two (2023 without data); and the comparison sees a changed figure, a
 * row the job lacks and a row the peer lacks.
 */
class OzpsPeerTest extends DatabaseTest {

    @Autowired
    SyntheticDataGenerator generator;
    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    OzpsAssessmentService service;
    @Autowired
    OzpsPeer peer;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} families over {1} years")
    @CsvSource({"1200, 3, 71", "900, 2, 72"})
    void everyRowOfTheJobEqualsThePeers(int families, int years, long seed) throws Exception {
        Path data = Files.createDirectories(temp.resolve("dane"));
        generator.writeCsv(new GeneratorSettings(families, years, seed, YearMonth.of(2025, 12)), data);
        long snapshot = loader.load(data, "test:ozps-peer-" + families).snapshot().id();
        Path resources = BenchCommand.ozpsResources(temp.resolve("zasoby-2025.yaml"), 2025);
        long instance = service.run(2025, snapshot, resources, Files.createDirectories(temp.resolve("wyniki")), false,
                "test").jobInstanceId();

        List<OzpsPeer.Row> rows = peer.compute(snapshot, 2025);

        assertThat(peer.compare(rows, instance, 20)).isEmpty();
        // every table has rows, so the comparison is not vacuous: 10.3 for each year, the others for each year with data
        for (String table : new String[] {"10.3", "10.4", "10.5", "10.6", "10.8"}) {
            assertThat(rows).as(table).anyMatch(r -> r.table().equals(table) && r.year() == 2025 && r.families() > 0);
        }
        assertThat(rows.stream().filter(r -> r.table().equals("10.4") && r.year() == 2025).count())
                .as("10.4: several reasons and the total").isGreaterThan(3);
        List<OzpsPeer.Row> of2023 = rows.stream().filter(r -> r.year() == 2023 && !r.table().equals("10.3")).toList();
        if (years == 3) {
            assertThat(of2023).as("2023 covered").anyMatch(r -> r.table().equals("10.4") && r.families() > 0);
        } else {
            assertThat(of2023).as("2023 without data: 10.3 only, with zeros").isEmpty();
        }

        // a changed figure, a row only the peer has and a row only the job has are all reported
        jdbc.update("UPDATE ozps_stat SET amount = amount + 0.01 WHERE job_instance_id = ? AND table_code = '10.5' "
                + "AND row_code = 'OGOLEM' AND year = 2025", instance);
        jdbc.update("DELETE FROM ozps_stat WHERE job_instance_id = ? AND table_code = '10.8' AND row_code = 'OGOLEM' "
                + "AND year = 2025", instance);
        jdbc.update("INSERT INTO ozps_stat (job_instance_id, table_code, row_code, year, families) "
                + "VALUES (?, '10.4', 'NIEZNANY', 2025, 1)", instance);
        assertThat(peer.compare(rows, instance, 20)).satisfiesExactlyInAnyOrder(
                d -> assertThat(d).startsWith("10.4 NIEZNANY 2025: zadanie").endsWith("wzorzec brak wiersza"),
                d -> assertThat(d).startsWith("10.5 OGOLEM 2025: zadanie Row["),
                d -> assertThat(d).startsWith("10.8 OGOLEM 2025: zadanie brak wiersza, wzorzec Row["));
    }
}
