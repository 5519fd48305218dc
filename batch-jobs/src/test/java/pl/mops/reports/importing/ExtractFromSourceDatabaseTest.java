package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.cli.UserError;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.SharedPostgres;

/**
 * {@code extract}: a source schema built from the imported monthly-small fixture (the operational
 * tables with the contract's column names, {@code kontrakt} as a boolean and {@code powody} as a
 * {@code |}-joined text, as a case-management database would have them) is extracted into a new
 * snapshot whose rows must equal the original snapshot's row for row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractFromSourceDatabaseTest extends DatabaseTest {

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    SourceDatabaseExtractor extractor;
    @Autowired
    JdbcTemplate jdbc;

    long original;

    @BeforeAll
    void sourceSchema() throws Exception {
        Path fixture = Path.of(getClass().getResource("/statistics/monthly-small").toURI());
        original = loader.load(fixture, "test:extract-source").snapshot().id();
        jdbc.execute("DROP SCHEMA IF EXISTS zrodlo CASCADE; CREATE SCHEMA zrodlo");
        String s = Long.toString(original);
        jdbc.execute("CREATE TABLE zrodlo.osoby AS SELECT osoba_id, pesel, data_urodzenia, plec, obywatelstwo, zrodlo_dochodu "
                + "FROM osoby WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo.rodziny AS SELECT rodzina_id, dzielnica, filia, teren FROM rodziny WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo.czlonkowie AS SELECT rodzina_id, osoba_id, rola, data_od AS od, data_do AS \"do\" "
                + "FROM czlonkowie WHERE snapshot_id = " + s);
        jdbc.execute("CREATE VIEW zrodlo.decyzje AS SELECT d.decyzja_id, d.rodzina_id, d.osoba_id, "
                + "CAST(d.data_wydania AS timestamp) AS data_wydania, d.rodzaj, "
                + "(SELECT string_agg(p.powod, '|' ORDER BY p.powod) FROM decyzje_powody p "
                + "  WHERE p.snapshot_id = d.snapshot_id AND p.decyzja_id = d.decyzja_id) AS powody "
                + "FROM decyzje d WHERE d.snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo.swiadczenia AS SELECT swiadczenie_id, decyzja_id, osoba_id, forma, podtyp, zadanie, "
                + "data, liczba, kwota, finansowanie FROM swiadczenia WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo.praca_socjalna AS SELECT rodzina_id, data, kontrakt FROM praca_socjalna WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo.plan AS SELECT rok, forma, kwota_planu FROM plan_finansowy WHERE snapshot_id = " + s);
    }

    @Test
    void extractedSnapshotEqualsTheSourceRowForRow() throws Exception {
        Path out = Files.createTempDirectory("extract-out");
        ImportResult result = extractor.extract(SharedPostgres.jdbcUrl(), "zrodlo", "postgres", "", out,
                SnapshotImporter.Progress.NONE);

        assertThat(result.reused()).isFalse();
        assertThat(result.totalRejected()).isZero();
        long copy = result.snapshot().id();
        assertThat(result.snapshot().source()).startsWith("db:jdbc:postgresql:").endsWith("schemat zrodlo");
        for (String[] table : new String[][] {
                {"osoby", "osoba_id, pesel, data_urodzenia, plec, obywatelstwo, zrodlo_dochodu"},
                {"rodziny", "rodzina_id, dzielnica, filia, teren"},
                {"czlonkowie", "rodzina_id, osoba_id, rola, data_od, data_do"},
                {"decyzje", "decyzja_id, rodzina_id, osoba_id, data_wydania, rodzaj"},
                {"decyzje_powody", "decyzja_id, powod"},
                {"swiadczenia", "swiadczenie_id, decyzja_id, osoba_id, forma, podtyp, zadanie, data, liczba, kwota, finansowanie"},
                {"praca_socjalna", "rodzina_id, data, kontrakt"},
                {"plan_finansowy", "rok, forma, kwota_planu"}}) {
            String a = "SELECT " + table[1] + " FROM " + table[0] + " WHERE snapshot_id = ";
            Long differences = jdbc.queryForObject("SELECT count(*) FROM ((" + a + original + " EXCEPT ALL " + a + copy
                    + ") UNION ALL (" + a + copy + " EXCEPT ALL " + a + original + ")) d", Long.class);
            Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table[0] + " WHERE snapshot_id = " + copy, Long.class);
            assertThat(differences).as(table[0]).isZero();
            assertThat(rows).as(table[0]).isPositive();
        }

        ImportResult again = extractor.extract(SharedPostgres.jdbcUrl(), "zrodlo", "postgres", "", out,
                SnapshotImporter.Progress.NONE);
        assertThat(again.reused()).as("the same source data extracts to the same bytes").isTrue();
        assertThat(again.snapshot().id()).isEqualTo(copy);
    }

    @Test
    void aMissingSourceTableIsAFileLevelErrorAndWritesNothing() throws Exception {
        jdbc.execute("DROP SCHEMA IF EXISTS zrodlo_niepelne CASCADE; CREATE SCHEMA zrodlo_niepelne; "
                + "CREATE TABLE zrodlo_niepelne.osoby AS SELECT * FROM zrodlo.osoby");
        Long before = jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class);
        assertThatThrownBy(() -> extractor.extract(SharedPostgres.jdbcUrl(), "zrodlo_niepelne", "postgres", "",
                Files.createTempDirectory("extract-out"), SnapshotImporter.Progress.NONE))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("rodziny.csv")
                .hasMessageContaining("nie ma tabeli ani widoku zrodlo_niepelne.rodziny")
                .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(2));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class)).isEqualTo(before);
    }
}
