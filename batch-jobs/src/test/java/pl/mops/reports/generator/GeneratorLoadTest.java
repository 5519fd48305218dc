package pl.mops.reports.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.DatabaseTest;

/** Generated files load as a snapshot: every row of every file ends in its table. */
class GeneratorLoadTest extends DatabaseTest {

    private static final Map<String, String> TABLES = Map.of(
            "osoby.csv", "osoby",
            "rodziny.csv", "rodziny",
            "czlonkowie.csv", "czlonkowie",
            "decyzje.csv", "decyzje",
            "swiadczenia.csv", "swiadczenia",
            "praca_socjalna.csv", "praca_socjalna",
            "kontrakty.csv", "kontrakty",
            "wsparcie.csv", "wsparcie",
            "plan.csv", "plan_finansowy");

    @Autowired
    SyntheticDataGenerator generator;
    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void everyGeneratedRowIsLoaded() throws IOException {
        generator.writeCsv(new GeneratorSettings(500, 2, 777L, YearMonth.of(2025, 6)), dir);
        TrustedCsvLoader.LoadResult result = loader.load(dir, "test:generator-500");
        assertThat(result.reused()).isFalse();
        long snapshot = result.snapshot().id();
        for (Map.Entry<String, String> entry : TABLES.entrySet()) {
            long csvRows = dataLines(dir.resolve(entry.getKey())).size();
            Long dbRows = jdbc.queryForObject("SELECT count(*) FROM " + entry.getValue() + " WHERE snapshot_id = ?",
                    Long.class, snapshot);
            assertThat(dbRows).as(entry.getKey()).isEqualTo(csvRows).isPositive();
        }
        long reasons = dataLines(dir.resolve("decyzje.csv")).stream().map(l -> l.split(";", -1)[5])
                .filter(p -> !p.isEmpty()).mapToLong(p -> p.split("\\|").length).sum();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decyzje_powody WHERE snapshot_id = ?", Long.class, snapshot))
                .isEqualTo(reasons);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rodziny r JOIN dict_district d ON d.code = r.dzielnica "
                + "WHERE r.snapshot_id = ? AND r.filia = d.branch", Long.class, snapshot)).isEqualTo(500L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM swiadczenia s JOIN decyzje d ON d.snapshot_id = s.snapshot_id "
                + "AND d.decyzja_id = s.decyzja_id WHERE s.snapshot_id = ? AND d.rodzaj IN ('PRZYZNANIE', 'ZMIANA') "
                + "AND d.data_wydania <= s.data", Long.class, snapshot)).isEqualTo(dataLines(dir.resolve("swiadczenia.csv")).size());

        assertThat(loader.load(dir, "test:generator-500 again").reused()).as("same files, same snapshot").isTrue();
    }

    private static List<String> dataLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size());
    }
}
