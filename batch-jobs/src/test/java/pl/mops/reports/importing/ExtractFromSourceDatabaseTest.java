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

import pl.mops.reports.system.UserError;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.SharedPostgres;
import pl.mops.reports.importing.validation.RowLoss;

/**
 * {@code extract}: a source schema built from the imported monthly-small fixture (the operational
 * tables with the contract's column names, {@code kontrakt} as a boolean and {@code powody} as a
 * {@code |}-joined text, as a case-management database would have them) is extracted into a new
 * snapshot whose rows must equal the original snapshot's row for row. The same for a contract-version-2 set (corpus
 * case 86: {@code cechy} as a {@code text[]} column, {@code kontrakty}, {@code wsparcie}), and with {@code cechy}
 * as a {@code |}-joined text column, which extracts to the same bytes.
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
    /** each extract here is its own data set, not a later export of the snapshot imported before it */
    static final RowLoss.Check UNRELATED_SET = RowLoss.Check.WITHIN_EXPORT;

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
                SnapshotImporter.Progress.NONE, null, UNRELATED_SET);

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
                SnapshotImporter.Progress.NONE, null, UNRELATED_SET);
        assertThat(again.reused()).as("the same source data extracts to the same bytes").isTrue();
        assertThat(again.snapshot().id()).isEqualTo(copy);
    }

    @Test
    void aMissingSourceTableIsAFileLevelErrorAndWritesNothing() throws Exception {
        jdbc.execute("DROP SCHEMA IF EXISTS zrodlo_niepelne CASCADE; CREATE SCHEMA zrodlo_niepelne; "
                + "CREATE TABLE zrodlo_niepelne.osoby AS SELECT * FROM zrodlo.osoby");
        Long before = jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class);
        assertThatThrownBy(() -> extractor.extract(SharedPostgres.jdbcUrl(), "zrodlo_niepelne", "postgres", "",
                Files.createTempDirectory("extract-out"), SnapshotImporter.Progress.NONE, null, UNRELATED_SET))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("rodziny.csv")
                .hasMessageContaining("nie ma tabeli ani widoku zrodlo_niepelne.rodziny")
                .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(2));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class)).isEqualTo(before);
    }

    @Test
    void aVersionTwoSourceWithContractsSupportAndMarkersRoundTrips() throws Exception {
        Path dir = Files.createTempDirectory("extract-v2-source");
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), dir.resolve(file));
        }
        Path caseDir = ImportCorpusTest.resource("import/cases/86-version-2-clean");
        for (String file : new String[] {"swiadczenia.csv", "kontrakty.csv", "wsparcie.csv"}) {
            Files.copy(caseDir.resolve(file), dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        long source = loader.load(dir, "test:extract-v2-source").snapshot().id();
        String s = Long.toString(source);
        jdbc.execute("DROP SCHEMA IF EXISTS zrodlo_v2 CASCADE; CREATE SCHEMA zrodlo_v2");
        jdbc.execute("CREATE TABLE zrodlo_v2.osoby AS SELECT osoba_id, pesel, data_urodzenia, plec, obywatelstwo, zrodlo_dochodu "
                + "FROM osoby WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo_v2.rodziny AS SELECT rodzina_id, dzielnica, filia, teren FROM rodziny WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo_v2.czlonkowie AS SELECT rodzina_id, osoba_id, rola, data_od AS od, data_do AS \"do\" "
                + "FROM czlonkowie WHERE snapshot_id = " + s);
        jdbc.execute("CREATE VIEW zrodlo_v2.decyzje AS SELECT d.decyzja_id, d.rodzina_id, d.osoba_id, d.data_wydania, d.rodzaj, "
                + "(SELECT string_agg(p.powod, '|' ORDER BY p.powod) FROM decyzje_powody p "
                + "  WHERE p.snapshot_id = d.snapshot_id AND p.decyzja_id = d.decyzja_id) AS powody "
                + "FROM decyzje d WHERE d.snapshot_id = " + s);
        // the markers as a text[] column
        jdbc.execute("CREATE TABLE zrodlo_v2.swiadczenia AS SELECT swiadczenie_id, decyzja_id, osoba_id, forma, podtyp, zadanie, "
                + "data, liczba, kwota, finansowanie, cechy FROM swiadczenia WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo_v2.praca_socjalna AS SELECT rodzina_id, data, kontrakt FROM praca_socjalna WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo_v2.plan AS SELECT rok, forma, kwota_planu FROM plan_finansowy WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo_v2.kontrakty AS SELECT kontrakt_id, rodzina_id, osoba_id, data_od AS od, data_do AS \"do\", "
                + "liczba_osob FROM kontrakty WHERE snapshot_id = " + s);
        jdbc.execute("CREATE TABLE zrodlo_v2.wsparcie AS SELECT rodzina_id, osoba_id, data, rodzaj FROM wsparcie WHERE snapshot_id = " + s);

        ImportResult result = extractor.extract(SharedPostgres.jdbcUrl(), "zrodlo_v2", "postgres", "",
                Files.createTempDirectory("extract-v2-out"), SnapshotImporter.Progress.NONE, null, UNRELATED_SET);
        assertThat(result.totalRejected()).isZero();
        long copy = result.snapshot().id();
        assertThat(copy).isNotEqualTo(source); // other bytes: rows in the order of their columns, amounts as numeric
        assertThat(result.snapshot().contractVersion()).isEqualTo(2);
        for (String[] table : new String[][] {
                {"swiadczenia", "swiadczenie_id, decyzja_id, osoba_id, forma, podtyp, zadanie, data, liczba, kwota, finansowanie, cechy"},
                {"kontrakty", "kontrakt_id, rodzina_id, osoba_id, data_od, data_do, liczba_osob"},
                {"wsparcie", "rodzina_id, osoba_id, data, rodzaj"}}) {
            String a = "SELECT " + table[1] + " FROM " + table[0] + " WHERE snapshot_id = ";
            Long differences = jdbc.queryForObject("SELECT count(*) FROM ((" + a + source + " EXCEPT ALL " + a + copy
                    + ") UNION ALL (" + a + copy + " EXCEPT ALL " + a + source + ")) d", Long.class);
            assertThat(differences).as(table[0]).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM swiadczenia WHERE snapshot_id = ? AND cechy <> '{}'", Long.class, copy))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM kontrakty WHERE snapshot_id = ?", Long.class, copy)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM wsparcie WHERE snapshot_id = ?", Long.class, copy)).isEqualTo(4);

        // the markers as a text column with "|": the same files, so the same snapshot
        jdbc.execute("DROP SCHEMA IF EXISTS zrodlo_v2_tekst CASCADE; CREATE SCHEMA zrodlo_v2_tekst");
        for (String relation : new String[] {"osoby", "rodziny", "czlonkowie", "decyzje", "praca_socjalna", "plan", "kontrakty",
                "wsparcie"}) {
            jdbc.execute("CREATE VIEW zrodlo_v2_tekst." + relation + " AS SELECT * FROM zrodlo_v2." + relation);
        }
        jdbc.execute("CREATE TABLE zrodlo_v2_tekst.swiadczenia AS SELECT swiadczenie_id, decyzja_id, osoba_id, forma, podtyp, "
                + "zadanie, data, liczba, kwota, finansowanie, array_to_string(cechy, '|') AS cechy FROM zrodlo_v2.swiadczenia");
        assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns WHERE table_schema = 'zrodlo_v2_tekst' "
                + "AND table_name = 'swiadczenia' AND column_name = 'cechy'", String.class)).isEqualTo("text");
        ImportResult text = extractor.extract(SharedPostgres.jdbcUrl(), "zrodlo_v2_tekst", "postgres", "",
                Files.createTempDirectory("extract-v2-text-out"), SnapshotImporter.Progress.NONE, null, UNRELATED_SET);
        assertThat(text.reused()).isTrue();
        assertThat(text.snapshot().id()).isEqualTo(copy);
    }
}
