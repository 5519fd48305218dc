package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.SharedPostgres;

/**
 * Every realisation carries its decision's family (swiadczenia.rodzina_id, migration V24), which the jobs read instead
 * of joining every realisation to its decision: the import stores it, and the migration fills it in for the rows
 * imported before it — NULL only for a realisation whose decision is not in its snapshot, which then counts nowhere,
 * as the join left it out. Checked against the decisions themselves, row by row.
 */
class RealisationFamilyTest {

    @TempDir
    Path work;

    @Test
    void theImportStoresEveryRealisationsDecisionFamily() throws Exception {
        String url = SharedPostgres.freshDatabase("realisation_family");
        Path in = work.resolve("in");
        Files.createDirectories(in);
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), in.resolve(file));
        }
        CommandLineRun.Outcome imported = CommandLineRun.launchOn(url, work.resolve("home"), "import", "--dir",
                in.toString(), "--out", work.resolve("out").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        // the fixture's realisations, and how many of them have no own recipient (the decision's person fills it in:
        // the same join), to show the check is not vacuous
        assertThat(strings(url, "SELECT count(*) FROM swiadczenia")).containsExactly(
                String.valueOf(dataLines(in.resolve("swiadczenia.csv"))));
        assertThat(strings(url, """
                SELECT count(*) FROM swiadczenia s
                  LEFT JOIN decyzje d ON d.snapshot_id = s.snapshot_id AND d.decyzja_id = s.decyzja_id
                 WHERE s.rodzina_id IS DISTINCT FROM d.rodzina_id OR s.rodzina_id IS NULL""")).containsExactly("0");
        assertThat(strings(url, "SELECT count(DISTINCT rodzina_id) > 1 FROM swiadczenia")).containsExactly("t");
    }

    @Test
    void theMigrationFillsInTheRowsImportedBeforeIt() throws Exception {
        String url = SharedPostgres.freshDatabase("realisation_family_migration");
        flyway(url).target("23").load().migrate();
        execute(url, """
                INSERT INTO snapshot (id, source, fingerprint, data_as_of) VALUES (7, 'test', repeat('a', 64), DATE '2025-12-31');
                INSERT INTO rodziny (snapshot_id, rodzina_id, dzielnica, filia) VALUES (7, 'R1', 'I', 'F1'), (7, 'R2', 'II', 'F2');
                INSERT INTO decyzje (snapshot_id, decyzja_id, rodzina_id, osoba_id, data_wydania, rodzaj)
                     VALUES (7, 'D1', 'R1', 'P1', DATE '2025-01-02', 'PRZYZNANIE'),
                            (7, 'D2', 'R2', 'P2', DATE '2025-01-03', 'PRZYZNANIE');
                INSERT INTO swiadczenia (snapshot_id, swiadczenie_id, decyzja_id, osoba_id, forma, zadanie, data, liczba, kwota)
                     VALUES (7, 'S1', 'D1', 'P1', 'ZASILEK_OKRESOWY', 'ZLECONE', DATE '2025-02-01', 1, 100),
                            (7, 'S2', 'D2', 'P2', 'ZASILEK_OKRESOWY', 'ZLECONE', DATE '2025-02-01', 1, 100),
                            (7, 'S3', 'D2', 'P3', 'ZASILEK_OKRESOWY', 'ZLECONE', DATE '2025-03-01', 1, 100),
                            (7, 'S4', 'D9', 'P4', 'ZASILEK_OKRESOWY', 'ZLECONE', DATE '2025-03-01', 1, 100)""");

        flyway(url).load().migrate();

        assertThat(strings(url, "SELECT swiadczenie_id || ':' || coalesce(rodzina_id, '-') FROM swiadczenia ORDER BY 1"))
                .containsExactly("S1:R1", "S2:R2", "S3:R2", "S4:-");
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "postgres", "").locations("classpath:sql/migration");
    }

    private static long dataLines(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank()).count();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            while (rs.next()) {
                result.add(rs.getString(1));
            }
            return result;
        }
    }
}
