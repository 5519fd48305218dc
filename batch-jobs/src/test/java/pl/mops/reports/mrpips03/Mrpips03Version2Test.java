package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.mrpips03.Mrpips03Fixtures.assertNoCells;
import static pl.mops.reports.mrpips03.Mrpips03Fixtures.assertRow;
import static pl.mops.reports.mrpips03.Mrpips03Fixtures.assertZeroRow;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.audit.PseudonymSecret;
import pl.mops.reports.audit.Pseudonyms;
import pl.mops.reports.database.SessionTables;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.mrpips03.Readiness.RuleState;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.RuleResult;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.DatabaseTest;

/**
 * Layout 2025.2 on the hand-made set of contract version 2 ({@code src/test/resources/mrpips03/wersja2}; every number
 * is worked out in its README.md), loaded through the real import. The set is moved 24 years back (2001) for the
 * return itself, 22 (2003) with the financing of S103 filled in, 23 (2002) also without kontrakty.csv and wsparcie.csv,
 * and 19 (2006) for a correction across layouts — each its own series of returns (the set has no 29 February, so any
 * shift keeps its calendar and ages).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Mrpips03Version2Test extends DatabaseTest {

    private static final ReturnPeriod P = ReturnPeriod.parse("2001-P");
    private static final ReturnPeriod R = ReturnPeriod.parse("2001-R");

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    Mrpips03Service service;
    @Autowired
    ReturnRepository returns;
    @Autowired
    Layouts layouts;
    @Autowired
    Submissions submissions;
    @Autowired
    PseudonymSecret secret;
    @Autowired
    pl.mops.reports.bench.Mrpips03Benchmark benchmark;
    @Autowired
    org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc;
    @Autowired
    pl.mops.reports.database.NamedQueries queries;
    @Autowired
    pl.mops.reports.importing.SnapshotRepository snapshots;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    Path work;
    Snapshot snapshot;
    Layout layout;
    Mrpips03Service.Result half;
    Mrpips03Service.Result year;
    Map<CellKey, BigDecimal> p;
    Map<CellKey, BigDecimal> r;

    @BeforeAll
    void runBoth() throws Exception {
        work = Files.createTempDirectory("mrpips03-v2");
        snapshot = loader.load(Mrpips03Fixtures.shifted("wersja2", -24, work.resolve("dane")), "test:mrpips03-wersja2")
                .snapshot();
        layout = layouts.resolve("2025.2", P.year());
        half = service.run(P, snapshot.id(), "2025.2", work.resolve("p"), false, "test");
        year = service.run(R, snapshot.id(), "2025.2", work.resolve("r"), false, "test");
        p = returns.cells(half.stored().id());
        r = returns.cells(year.stored().id());
    }

    @Test
    void section1aAidToForeignersByKind() {
        // OSOBY, SWIADCZENIA, KWOTA, RODZINY, OSOBY_W_RODZINACH
        assertRow(p, layout, "1A", "OGOLEM_1A", "2 52 1760.00 1 2");
        assertRow(p, layout, "1A", "POMOC_CUDZOZIEMCOM", "2 52 1760.00 1 2");
        assertRow(p, layout, "1A", "POMOC_CUDZOZIEMCOM_ZASILEK_CELOWY", "1 1 500.00 1 2");
        assertRow(p, layout, "1A", "POMOC_CUDZOZIEMCOM_SCHRONIENIE", "1 30 900.00 1 2");
        assertRow(p, layout, "1A", "POMOC_CUDZOZIEMCOM_POSILEK", "1 20 160.00 1 2");
        assertRow(p, layout, "1A", "POMOC_CUDZOZIEMCOM_UBRANIE", "1 1 200.00 1 2");
        assertZeroRow(p, layout, "1A", "SPECJALISTYCZNE_USLUGI_ZABURZENIA");
        // S605 without a sub-type (5 VIII) is only in the year and in no "w tym" row
        assertRow(r, layout, "1A", "POMOC_CUDZOZIEMCOM", "2 53 2060.00 1 2");
        assertRow(r, layout, "1A", "POMOC_CUDZOZIEMCOM_ZASILEK_CELOWY", "1 1 500.00 1 2");
    }

    @Test
    void section1bHalfYear() {
        assertRow(p, layout, "1B", "OGOLEM_1B", "7 88 7210.00 6 10");
        // zasiłek stały by the decision's sub-type; by family size only without one
        assertRow(p, layout, "1B", "ZASILEK_STALY", "2 4 3000.00 2 2");
        assertRow(p, layout, "1B", "ZASILEK_STALY_SAMOTNI", "1 2 1600.00 1 1");
        assertRow(p, layout, "1B", "ZASILEK_STALY_W_RODZINIE", "1 2 1400.00 1 1");
        // OSOBY, SWIADCZENIA, KWOTA, KWOTA_DOTACJA, KWOTA_SRODKI_WLASNE, RODZINY, OSOBY_W_RODZINACH: S103 has no financing
        assertRow(p, layout, "1B", "ZASILEK_OKRESOWY", "1 3 1500.00 600.00 500.00 1 3");
        assertRow(p, layout, "1B", "ZASILEK_OKRESOWY_BEZROBOCIE", "1 3 1500.00 1 3");
        assertRow(p, layout, "1B", "ZASILEK_OKRESOWY_NIEZALEZNIE_OD_DOCHODU", "1 1 500.00 1 3");
        assertZeroRow(p, layout, "1B", "ZASILEK_OKRESOWY_INNE");
        assertRow(p, layout, "1B", "ZASILKI_CELOWE_I_W_NATURZE", "3 5 760.00 3 5");
        assertRow(p, layout, "1B", "ZASILEK_CELOWY", "3 4 610.00 3 5");
        assertRow(p, layout, "1B", "ZASILEK_CELOWY_ZDARZENIE_LOSOWE", "1 1 300.00 1 1");
        assertRow(p, layout, "1B", "ZASILEK_CELOWY_SWIADCZENIA_ZDROWOTNE", "1 1 200.00 1 1");
        assertRow(p, layout, "1B", "ZASILEK_CELOWY_BILET_KREDYTOWANY", "2 2 110.00 2 4");
        assertZeroRow(p, layout, "1B", "ZASILEK_CELOWY_NIEZALEZNIE_OD_DOCHODU"); // S501's marker keeps its sub-type
        assertRow(p, layout, "1B", "ZASILEK_CELOWY_BEZDOMNI", "1 1 300.00 1 1");  // S501 only, not S503 (D52: UBOSTWO)
        assertRow(p, layout, "1B", "POMOC_RZECZOWA", "1 1 150.00 1 1");
        assertRow(p, layout, "1B", "POSILEK", "2 30 240.00 1 3");
        assertRow(p, layout, "1B", "POSILEK_DORAZNIE", "1 20 160.00 1 3");
        assertRow(p, layout, "1B", "POSILEK_DZIECI", "1 20 160.00 1 3");
        assertRow(p, layout, "1B", "POSILEK_DZIECI_DORAZNIE", "1 20 160.00 1 3");
        assertRow(p, layout, "1B", "PRODUKTY_ZYWNOSCIOWE", "1 2 200.00 1 1");
        assertRow(p, layout, "1B", "PRODUKTY_ZYWNOSCIOWE_DORAZNIE", "1 1 100.00 1 1");
        assertRow(p, layout, "1B", "SCHRONIENIE", "1 28 840.00 1 1");
        assertRow(p, layout, "1B", "SCHRONIENIE_NOCLEGOWNIA", "1 28 840.00 1 1");
        assertRow(p, layout, "1B", "SCHRONIENIE_KRYZYS_MASOWY", "1 28 840.00 1 1");
        assertRow(p, layout, "1B", "USLUGI_OPIEKUNCZE", "2 15 550.00 1 3");
        assertRow(p, layout, "1B", "USLUGI_OPIEKUNCZE_SPECJALISTYCZNE", "1 5 250.00 1 3");
        assertRow(p, layout, "1B", "USLUGI_OPIEKUNCZE_DZIECI", "1 10 300.00 1 3");
        assertRow(p, layout, "1B", "SKLADKA_EMERYTALNA_RENTOWA", "1 1 120.00 1 1");
        assertZeroRow(p, layout, "1B", "SKLADKA_ZDROWOTNA");
        assertZeroRow(p, layout, "1B", "EKONOMICZNE_USAMODZIELNIENIE");
        // a row has only its own columns
        assertThat(p).doesNotContainKey(new CellKey("1B", "ZASILEK_OKRESOWY_BEZROBOCIE", "KWOTA_DOTACJA"))
                .doesNotContainKey(new CellKey("1B", "OGOLEM_1B", "KWOTA_SRODKI_WLASNE"));
    }

    @Test
    void section1bYear() {
        assertRow(r, layout, "1B", "OGOLEM_1B", "8 108 7810.00 6 10");
        // O43 is 17 on 31 VII (S402) and 18 on 30 IX (S403)
        assertRow(r, layout, "1B", "USLUGI_OPIEKUNCZE", "3 35 1150.00 1 3");
        assertRow(r, layout, "1B", "USLUGI_OPIEKUNCZE_DZIECI", "2 20 600.00 1 3");
        assertRow(r, layout, "1B", "ZASILEK_OKRESOWY", "1 3 1500.00 600.00 500.00 1 3");
        assertRow(r, layout, "1B", "ZASILEK_STALY_SAMOTNI", "1 2 1600.00 1 1");
    }

    @Test
    void section2ContractsAndHelpWithoutADecisionDoNotMakeAFamilyHelped() {
        // RODZINY, RODZINY_WIES, OSOBY_W_RODZINACH, OSOBY_W_RODZINACH_WIES; F7 (contract and help only) is not in OGOLEM
        assertRow(p, layout, "2", "OGOLEM", "7 1 12 3");
        // cash per (form, sub-type): F8's credited ticket is not cash, F6's shelter is not, its special-purpose allowance is
        assertRow(p, layout, "2", "PIENIEZNE", "5 0 8 0");
        assertRow(p, layout, "2", "NIEPIENIEZNE", "6 1 11 3");
        assertRow(p, layout, "2", "PRACA_SOCJALNA", "2 0 4 0");
        assertZeroRow(p, layout, "2", "WYLACZNIE_PRACA_SOCJALNA");
        // KONTRAKTY, OSOBY_OBJETE: K1 (from 1 X of the year before, ended 31 III), K2, K3 (empty liczba_osob = 1)
        assertRow(p, layout, "2", "KONTRAKTY_SOCJALNE", "3 7");
        // RODZINY, OSOBY
        assertRow(p, layout, "2", "INTERWENCJA_KRYZYSOWA", "2 2");
        assertRow(p, layout, "2", "PORADNICTWO_SPECJALISTYCZNE", "2 3");
        assertRow(p, layout, "2", "PORADNICTWO_SPECJALISTYCZNE_PRAWNE", "1 1");
        assertRow(p, layout, "2", "PORADNICTWO_SPECJALISTYCZNE_PSYCHOLOGICZNE", "1 1");
        assertRow(p, layout, "2", "PORADNICTWO_SPECJALISTYCZNE_RODZINNE", "1 1");
        assertThat(layout.section("2").orElseThrow().row("KONTRAKT_SOCJALNY")).isEmpty();

        assertRow(r, layout, "2", "OGOLEM", "7 1 12 3");
        assertRow(r, layout, "2", "PIENIEZNE", "5 0 8 0");
        assertRow(r, layout, "2", "KONTRAKTY_SOCJALNE", "4 8");
        assertRow(r, layout, "2", "INTERWENCJA_KRYZYSOWA", "2 2");
        assertRow(r, layout, "2", "PORADNICTWO_SPECJALISTYCZNE", "3 4");
        assertRow(r, layout, "2", "PORADNICTWO_SPECJALISTYCZNE_PRAWNE", "2 2");
    }

    @Test
    void sections3And4CountAsIn2025Point1() {
        assertRow(p, layout, "3", "UBOSTWO", "3 0 5 0");
        assertRow(p, layout, "3", "BEZROBOCIE", "1 0 3 0");
        assertRow(p, layout, "3", "NIEPELNOSPRAWNOSC", "2 0 2 0");
        assertRow(p, layout, "3", "BEZRADNOSC", "1 1 3 3");
        assertRow(p, layout, "3", "BEZRADNOSC_NIEPELNE", "1 1 3 3");
        assertZeroRow(p, layout, "3", "BEZRADNOSC_WIELODZIETNE");
        assertRow(p, layout, "3", "BEZDOMNOSC", "1 0 1 0");
        assertRow(p, layout, "3", "INTEGRACJA_CUDZOZIEMCOW", "1 0 2 0");

        assertRow(p, layout, "4", "RODZINY_1", "4 0 4 0");
        assertRow(p, layout, "4", "RODZINY_2", "1 0 2 0");
        assertRow(p, layout, "4", "RODZINY_3", "2 1 6 3");
        assertRow(p, layout, "4", "Z_DZIECMI", "3 1 8 3");
        assertRow(p, layout, "4", "Z_DZIECMI_1", "2 0 5 0");
        assertRow(p, layout, "4", "Z_DZIECMI_2", "1 1 3 3");
        assertRow(p, layout, "4", "NIEPELNE", "2 1 5 3");
        assertRow(p, layout, "4", "NIEPELNE_1", "1 0 2 0");
        assertRow(p, layout, "4", "NIEPELNE_2", "1 1 3 3");
        assertRow(p, layout, "4", "EMERYCI_RENCISCI_1", "1 0 1 0");

        assertRow(r, layout, "4", "Z_DZIECMI_1", "3 1 8 3"); // O43 is 18 on F4's last date, 30 IX
        assertZeroRow(r, layout, "4", "Z_DZIECMI_2");
        assertRow(r, layout, "4", "NIEPELNE_1", "2 1 5 3");
    }

    @Test
    void theHandWrittenQueriesOfTheBenchmarkGiveTheSameCells() {
        // bench/Mrpips03Benchmark: section queries written by hand, contracts and help straight from their tables
        assertSameCells(benchmark.bound(snapshot.id(), P, "2025.2"), p);
        assertSameCells(benchmark.bound(snapshot.id(), R, "2025.2"), r);
    }

    private static void assertSameCells(Map<CellKey, BigDecimal> bound, Map<CellKey, BigDecimal> cells) {
        assertThat(bound.keySet()).containsExactlyInAnyOrderElementsOf(cells.keySet());
        bound.forEach((key, value) -> assertThat(value).as(key.toString()).isEqualByComparingTo(cells.get(key)));
    }

    @Test
    void theFinancingSplitFailsWithTheCountWithoutFinancingAndContractsAreForReview() {
        RuleResult r12 = rule(half, "R12");
        assertThat(r12.state()).isEqualTo(RuleState.NIESPELNIONA);
        assertThat(r12.checked()).isEqualTo(1);
        assertThat(r12.note()).isEqualTo("Zasiłek okresowy bez źródła finansowania (liczony w kwocie, a w żadnej z kolumn "
                + "„z dotacji”, „ze środków własnych”), realizacje: 1.");
        RuleResult r13 = rule(half, "R13");
        assertThat(r13.state()).isEqualTo(RuleState.DO_PRZEGLADU);
        assertThat(r13.failed()).isEqualTo(1);
        assertThat(rule(half, "R14")).satisfies(x -> {
            assertThat(x.state()).isEqualTo(RuleState.SPELNIONA);
            assertThat(x.checked()).isEqualTo(5);
        });
        assertThat(rule(half, "R15").state()).isEqualTo(RuleState.SPELNIONA);
        assertThat(rule(half, "R01").state()).isEqualTo(RuleState.SPELNIONA);
        assertThat(returns.failures(half.stored().id()))
                .extracting(f -> f.ruleCode() + ": " + f.leftCells() + " " + f.relation() + " " + f.rightCells() + " "
                        + f.left().stripTrailingZeros().toPlainString() + " vs " + f.right().stripTrailingZeros().toPlainString())
                .containsExactly(
                        "R12: 1B/ZASILEK_OKRESOWY/KWOTA = 1B/ZASILEK_OKRESOWY/KWOTA_DOTACJA + 1B/ZASILEK_OKRESOWY/KWOTA_SRODKI_WLASNE"
                                + " 1500 vs 1100",
                        "R13: 2/KONTRAKTY_SOCJALNE/KONTRAKTY <= 2/PRACA_SOCJALNA/RODZINY 3 vs 2");
        // the review item is not a failure
        assertThat(half.stored().checksFailed()).isEqualTo(1);
        assertThat(half.stored().readiness()).isEqualTo(Readiness.NIEGOTOWE);
        assertThat(half.stored().readinessReasons()).containsExactly("reguła R12: niespełnione warunki: 1");
        assertThat(returns.counters(half.stored().id())).extracting(c -> c.code() + "=" + c.value())
                .containsExactly("ZASILEK_STALY_WG_LICZBY_OSOB=2", "ZASILEK_OKRESOWY_BEZ_FINANSOWANIA=1");

        // the year against the half-year, new columns included: nothing shrank
        RuleResult r11 = rule(year, "R11");
        assertThat(r11.state()).isEqualTo(RuleState.SPELNIONA);
        assertThat(r11.checked()).isPositive();
        assertThat(rule(year, "R13").state()).isEqualTo(RuleState.DO_PRZEGLADU);
        assertThat(returns.failures(year.stored().id())).extracting(f -> f.ruleCode()).containsExactly("R12", "R13");
    }

    @Test
    void theDocumentsShowTheNewColumnsTheCountersAndTheReviewItem() throws Exception {
        String xml = Files.readString(Mrpips03ReturnTest.file(half, "mrpips03-2001-P.xml"), StandardCharsets.UTF_8);
        ReturnXml.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(xml).contains("wersja=\"2025.2\"", "<komorka kolumna=\"KWOTA_DOTACJA\">600.00</komorka>",
                "<wiersz kod=\"KONTRAKTY_SOCJALNE\" nr=\"6\">\n      <komorka kolumna=\"KONTRAKTY\">3</komorka>\n"
                        + "      <komorka kolumna=\"OSOBY_OBJETE\">7</komorka>\n    </wiersz>");
        assertThat(xml.split("<komorka ").length - 1).isEqualTo(p.size());

        try (InputStream in = Files.newInputStream(Mrpips03ReturnTest.file(half, "mrpips03-2001-P.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet s1b = workbook.getSheet("Dział 1B");
            assertThat(Mrpips03ReturnTest.numbers(Mrpips03ReturnTest.rowLabelled(s1b, "5. Zasiłek okresowy"), 7))
                    .containsExactly(1.0, 3.0, 1500.0, 600.0, 500.0, 1.0, 3.0);
            Row part = Mrpips03ReturnTest.rowLabelled(s1b, "6. w tym: z powodu bezrobocia");
            assertThat(part.getCell(4).getStringCellValue()).isEqualTo("x"); // the row has no financing columns
            assertThat(part.getCell(5).getStringCellValue()).isEqualTo("x");
            assertThat(part.getCell(6).getNumericCellValue()).isEqualTo(1.0);
            Sheet s2 = workbook.getSheet("Dział 2");
            Row contracts = Mrpips03ReturnTest.rowLabelled(s2, "6. Kontrakty socjalne (obowiązujące w okresie)");
            assertThat(contracts.getCell(1).getStringCellValue()).isEqualTo("x");
            assertThat(contracts.getCell(6).getNumericCellValue()).isEqualTo(3.0);
            assertThat(contracts.getCell(7).getNumericCellValue()).isEqualTo(7.0);
        }
        // the first page says how many zasiłek stały realisations were classified by family size
        String firstPage = pdf(Mrpips03ReturnTest.file(half, "mrpips03-2001-P.pdf"), 1);
        assertThat(firstPage).contains("w wersji 2025.2",
                "Zasiłek stały bez podtypu w decyzji (zaliczony do wiersza „samotnie gospodarującej” albo „w rodzinie” "
                        + "według liczby osób w rodzinie), realizacje: 2.",
                "Zasiłek okresowy bez źródła finansowania", "Do przeglądu: reguła R13 (warunki: 1)");
        String checks = pdf(Mrpips03ReturnTest.file(half, "mrpips03-2001-P-kontrola.pdf"));
        assertThat(checks).contains("do przeglądu", "R13", "Reguła do przeglądu: niespełniony warunek nie jest błędem",
                "realizacje: 1.", "NIE jest gotowe do wysłania");
        assertThat(pdf(Mrpips03ReturnTest.file(half, "mrpips03-2001-P-kontrola.pdf"), 1)).contains("realizacje: 2.");
    }

    @Test
    void lineageListsTheFamiliesOfTheContractsAndThePersonsHelpedWithoutADecision() throws Exception {
        Map<String, Set<String>> lineage = lineage(Mrpips03ReturnTest.file(half, "mrpips03-2001-P-paczka.zip"));
        assertThat(lineage.get("2/KONTRAKTY_SOCJALNE/KONTRAKTY")).containsExactlyInAnyOrder(family("F1"), family("F7"));
        assertThat(lineage.get("2/KONTRAKTY_SOCJALNE/OSOBY_OBJETE")).containsExactlyInAnyOrder(family("F1"), family("F7"));
        assertThat(lineage.get("2/INTERWENCJA_KRYZYSOWA/OSOBY")).containsExactlyInAnyOrder(person("O51"), person("O71"));
        assertThat(lineage.get("2/INTERWENCJA_KRYZYSOWA/RODZINY")).containsExactlyInAnyOrder(family("F5"), family("F7"));
        assertThat(lineage.get("2/PORADNICTWO_SPECJALISTYCZNE/OSOBY"))
                .containsExactlyInAnyOrder(person("O41"), person("O42"), person("O72"));
        assertThat(lineage.get("2/PORADNICTWO_SPECJALISTYCZNE/RODZINY")).containsExactlyInAnyOrder(family("F4"), family("F7"));
        assertThat(lineage.get("2/OGOLEM/RODZINY")).hasSize(7).doesNotContain(family("F7"));
        assertThat(lineage.get("1B/ZASILEK_STALY_W_RODZINIE/OSOBY")).containsExactly(person("O21"));
        // every family and person count has as many pseudonyms as its value
        for (Map.Entry<CellKey, BigDecimal> cell : p.entrySet()) {
            Measure measure = layout.section(cell.getKey().section()).orElseThrow().column(cell.getKey().column())
                    .orElseThrow().measure();
            if (measure == Measure.RODZINY || measure == Measure.OSOBY) {
                assertThat(lineage.getOrDefault(cell.getKey().toString(), Set.of())).as(cell.getKey().toString())
                        .hasSize(cell.getValue().intValue());
            }
        }
    }

    @Test
    void predicatesSpreadOverSeveralMasksCountTheSame() {
        // the layout's sections have at most 45 distinct predicates, one 63-bit mask each; with 4 bits per mask
        // section 1B needs a dozen masks (all sections' masks are columns of one events table) — its cells must still
        // be the hand-worked ones of the stored return (r) and its lineage the same rows
        Map<Integer, Map<CellKey, BigDecimal>> cells = new LinkedHashMap<>();
        Map<Integer, List<String>> lineage = new LinkedHashMap<>();
        transaction.executeWithoutResult(status -> {
            ReturnComputation.buildFacts(jdbc, queries, snapshot.id(), R, layout);
            for (int bits : List.of(SectionSql.BITS, 4)) {
                SectionsSql sections = new SectionsSql(SectionSql.of(layout,
                        ReturnComputation.available(snapshots, snapshot.id()), bits),
                        SessionTables.suffix(jdbc.getJdbcTemplate()));
                Map<CellKey, BigDecimal> values = new LinkedHashMap<>();
                List<String> rows = new ArrayList<>();
                ReturnComputation.prepare(jdbc, sections);
                SectionsSql.Statement query = sections.cells(0).orElseThrow();
                jdbc.query(query.sql(), query.parameters(), rs -> {
                    values.put(new CellKey(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getBigDecimal(5));
                });
                sections.lineage().ifPresent(q -> rows.addAll(jdbc.query(q.sql(), q.parameters(),
                        (rs, i) -> rs.getString(1) + ";" + rs.getString(2) + ";" + rs.getString(3))));
                ReturnComputation.dropAll(jdbc, sections);
                ReturnComputation.buildFacts(jdbc, queries, snapshot.id(), R, layout);
                cells.put(bits, values);
                rows.sort(null);
                lineage.put(bits, rows);
            }
            status.setRollbackOnly();
        });
        assertThat(cells.get(4).keySet()).isEqualTo(r.keySet());
        r.forEach((key, value) -> assertThat(cells.get(4).get(key)).as(key.toString()).isEqualByComparingTo(value));
        assertThat(lineage.get(4)).isNotEmpty().isEqualTo(lineage.get(SectionSql.BITS));
    }

    @Test
    void withTheFinancingFilledInTheReturnIsReadyAndSaysWhatIsForReview() throws Exception {
        Path data = Mrpips03Fixtures.edited(Mrpips03Fixtures.shiftedWithoutLeapDays("wersja2", -22, work.resolve("c0")), work.resolve("c"),
                "swiadczenia.csv", line -> line.startsWith("S103;") ? line.replace(";400.00;;", ";400.00;SRODKI_WLASNE;") : line);
        Snapshot complete = loader.load(data, "test:mrpips03-wersja2-finansowanie").snapshot();
        Path out = work.resolve("out-c");
        CommandLineRun.Outcome run = CommandLineRun.launch(home(), "run", "mrpips03", "--period", "2003-P", "--layout",
                "2025.2", "--snapshot", String.valueOf(complete.id()), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "reguły kontrolne: sprawdzono ",
                ", niespełnione 0, do przeglądu 1",
                "  GOTOWE DO WYSŁANIA",
                "  DO PRZEGLĄDU (nie wstrzymuje wysłania): reguła R13 \u2014 Kontrakty socjalne obowiązujące w okresie ≤ "
                        + "rodziny objęte pracą socjalną, warunki: 1 (mrpips03-2003-P-kontrola.pdf)",
                "  Zasiłek stały bez podtypu w decyzji (zaliczony do wiersza „samotnie gospodarującej” albo „w rodzinie” "
                        + "według liczby osób w rodzinie), realizacje: 2",
                "  Zasiłek okresowy bez źródła finansowania (liczony w kwocie, a w żadnej z kolumn „z dotacji”, „ze środków "
                        + "własnych”), realizacje: 0");
        StoredReturn stored = returns.latest(ReturnPeriod.parse("2003-P")).orElseThrow();
        assertThat(stored.readiness()).isEqualTo(Readiness.GOTOWE);
        assertRow(returns.cells(stored.id()), layout, "1B", "ZASILEK_OKRESOWY", "1 3 1500.00 600.00 900.00 1 3");
        assertThat(pdf(out.resolve("mrpips03-2003-P.pdf"))).contains("Gotowość: gotowe do wysłania",
                "Do przeglądu: reguła R13 (warunki: 1)");
        assertThat(pdf(out.resolve("mrpips03-2003-P-kontrola.pdf"))).contains(
                "żaden warunek nie jest niespełniony", "do przeglądu").doesNotContain("wszystkie reguły kontrolne są spełnione");
    }

    @Test
    void withoutKontraktyAndWsparcieTheirRowsHaveNoCellsAndTheReturnIsReadyWithAReservation() throws Exception {
        Path shifted = Mrpips03Fixtures.edited(Mrpips03Fixtures.shiftedWithoutLeapDays("wersja2", -23, work.resolve("b0")),
                work.resolve("b1"), "swiadczenia.csv",
                line -> line.startsWith("S103;") ? line.replace(";400.00;;", ";400.00;SRODKI_WLASNE;") : line);
        Files.delete(shifted.resolve("kontrakty.csv"));
        Files.delete(shifted.resolve("wsparcie.csv"));
        Snapshot without = loader.load(shifted, "test:mrpips03-wersja2-bez-plikow").snapshot();
        ReturnPeriod period = ReturnPeriod.parse("2002-P");
        Mrpips03Service.Result result = service.run(period, without.id(), "2025.2", work.resolve("out-b"), false, "test");
        Map<CellKey, BigDecimal> cells = returns.cells(result.stored().id());
        for (String row : List.of("KONTRAKTY_SOCJALNE", "INTERWENCJA_KRYZYSOWA", "PORADNICTWO_SPECJALISTYCZNE",
                "PORADNICTWO_SPECJALISTYCZNE_PRAWNE", "PORADNICTWO_SPECJALISTYCZNE_PSYCHOLOGICZNE",
                "PORADNICTWO_SPECJALISTYCZNE_RODZINNE")) {
            assertNoCells(cells, layout, "2", row);
        }
        // the other cells as with the files
        assertRow(cells, layout, "2", "OGOLEM", "7 1 12 3");
        assertRow(cells, layout, "2", "PRACA_SOCJALNA", "2 0 4 0");
        assertRow(cells, layout, "1B", "OGOLEM_1B", "7 88 7210.00 6 10");
        assertThat(cells).hasSize(p.size() - 2 - 5 * 2);

        assertThat(rule(result, "R13").state()).isEqualTo(RuleState.NIESPRAWDZONA);
        assertThat(rule(result, "R14").state()).isEqualTo(RuleState.NIESPRAWDZONA);
        assertThat(rule(result, "R15").state()).isEqualTo(RuleState.NIESPRAWDZONA);
        // in plain words, not the file names: "ani" joins what is missing after "nie zawierał"
        assertThat(rule(result, "R01").note()).isEqualTo("Pominięto warunki z komórkami bez wartości (eksport z systemu "
                + "dziedzinowego nie zawierał danych o kontraktach socjalnych ani o wsparciu udzielonym bez decyzji "
                + "(interwencja kryzysowa, poradnictwo specjalistyczne)): 6.");
        assertThat(result.stored().readiness()).isEqualTo(Readiness.GOTOWE_Z_ZASTRZEZENIEM);
        assertThat(result.stored().readinessReasons()).startsWith(
                "eksport z systemu dziedzinowego nie zawierał danych o kontraktach socjalnych \u2014 bez wartości "
                        + "wiersz 2/KONTRAKTY_SOCJALNE (w. 6)",
                "eksport z systemu dziedzinowego nie zawierał danych o wsparciu udzielonym bez decyzji (interwencja "
                        + "kryzysowa, poradnictwo specjalistyczne) \u2014 bez wartości wiersze 2/INTERWENCJA_KRYZYSOWA (w. 7), "
                        + "2/PORADNICTWO_SPECJALISTYCZNE (w. 8), 2/PORADNICTWO_SPECJALISTYCZNE_PRAWNE (w. 9), "
                        + "2/PORADNICTWO_SPECJALISTYCZNE_PSYCHOLOGICZNE (w. 10), 2/PORADNICTWO_SPECJALISTYCZNE_RODZINNE (w. 11)");

        String xml = Files.readString(Mrpips03ReturnTest.file(result, "mrpips03-2002-P.xml"), StandardCharsets.UTF_8);
        assertThat(xml).contains("<wiersz kod=\"KONTRAKTY_SOCJALNE\" nr=\"6\">\n    </wiersz>",
                "<wiersz kod=\"PORADNICTWO_SPECJALISTYCZNE_RODZINNE\" nr=\"11\">\n    </wiersz>");
        try (InputStream in = Files.newInputStream(Mrpips03ReturnTest.file(result, "mrpips03-2002-P.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Row contracts = Mrpips03ReturnTest.rowLabelled(workbook.getSheet("Dział 2"),
                    "6. Kontrakty socjalne (obowiązujące w okresie) (brak danych: eksport z systemu dziedzinowego nie "
                            + "zawierał danych o kontraktach socjalnych)");
            assertThat(contracts.getCell(6).getStringCellValue()).isEqualTo("\u2014");
            assertThat(contracts.getCell(7).getStringCellValue()).isEqualTo("\u2014");
            assertThat(contracts.getCell(1).getStringCellValue()).isEqualTo("x");
        }
        String cas = Files.readString(Mrpips03ReturnTest.file(result, "mrpips03-2002-P-cas.csv"), StandardCharsets.UTF_8);
        assertThat(cas).contains("2;6;KONTRAKTY_SOCJALNE;KONTRAKTY;\r\n", "2;6;KONTRAKTY_SOCJALNE;OSOBY_OBJETE;\r\n")
                .doesNotContain("KONTRAKTY_SOCJALNE;RODZINY");
        assertThat(pdf(Mrpips03ReturnTest.file(result, "mrpips03-2002-P-kontrola.pdf"))).contains(
                "Brak danych: eksport z systemu dziedzinowego nie zawierał danych o kontraktach socjalnych",
                "niesprawdzona", "gotowe z zastrzeżeniem");
    }

    @Test
    void aCorrectionInAnotherLayoutNamesBothVersionsAndListsTheRowsOfOnlyOne() throws Exception {
        Snapshot data = loader.load(Mrpips03Fixtures.shiftedWithoutLeapDays("wersja2", -19, work.resolve("d")),
                "test:mrpips03-wersja2-korekta").snapshot();
        ReturnPeriod period = ReturnPeriod.parse("2006-P");
        Path out = work.resolve("out-d");
        Mrpips03Service.Result sent = service.run(period, data.id(), "2025.1", out, false, "test");
        submissions.submit(period, null, true, "test");
        // without --layout the period keeps the layout of its submitted version: the same run
        Mrpips03Service.Result kept = service.run(period, data.id(), null, out, false, "test");
        assertThat(kept.reused()).isTrue();
        assertThat(kept.stored().id()).isEqualTo(sent.stored().id());
        assertThat(kept.layoutChoice()).isNull(); // 2025.2 starts with 2025; for 2006 2025.1 is not older than the newest

        Mrpips03Service.Result k1 = service.run(period, data.id(), "2025.2", out, false, "test");
        assertThat(k1.stored().correction()).isEqualTo(1);
        assertThat(k1.stored().layoutVersion()).isEqualTo("2025.2");
        try (InputStream in = Files.newInputStream(Mrpips03ReturnTest.file(k1, "mrpips03-2006-P-k1-zmiany.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet description = workbook.getSheet("Opis");
            List<String> header = new ArrayList<>();
            description.forEach(row -> header.add(row.getCell(0).getStringCellValue()));
            assertThat(header).contains("Układy formularza są różne: wersja złożona \u2014 układ 2025.1, korekta nr 1 "
                    + "\u2014 układ 2025.2. Wiersze, które są tylko w jednym z nich: 22 (arkusz „Wiersze układów”); ich "
                    + "komórki są też wśród zmienionych.");
            Map<String, String> onlyIn = new LinkedHashMap<>();
            for (Row row : workbook.getSheet("Wiersze układów")) {
                if (row.getRowNum() > 2 && row.getCell(1) != null && row.getCell(1).getCellType() == CellType.STRING) {
                    onlyIn.put(row.getCell(0).getStringCellValue().split(" ")[0], row.getCell(1).getStringCellValue());
                }
            }
            assertThat(onlyIn).containsEntry("2/KONTRAKT_SOCJALNY", "2025.1")
                    .containsEntry("2/KONTRAKTY_SOCJALNE", "2025.2").containsEntry("1B/POMOC_RZECZOWA", "2025.2")
                    .containsEntry("1A/POMOC_CUDZOZIEMCOM_SCHRONIENIE", "2025.2")
                    .containsEntry("2/PORADNICTWO_SPECJALISTYCZNE_RODZINNE", "2025.2")
                    .doesNotContainKey("1B/ZASILEK_CELOWY").hasSize(22);
            Map<String, double[]> changed = new LinkedHashMap<>();
            for (Row row : workbook.getSheet("Zmiany")) {
                if (row.getRowNum() > 2 && row.getCell(3) != null && row.getCell(3).getCellType() == CellType.NUMERIC) {
                    changed.put(row.getCell(0).getStringCellValue(), new double[] {row.getCell(1).getNumericCellValue(),
                            row.getCell(2).getNumericCellValue()});
                }
            }
            // counted another way in 2025.2: the credited tickets are not cash, zasiłek stały by the sub-type
            assertThat(changed.get("2/PIENIEZNE (w. 2)/RODZINY")).containsExactly(6.0, 5.0);
            assertThat(changed.get("1B/ZASILEK_STALY_SAMOTNI (w. 3)/RODZINY")).containsExactly(2.0, 1.0);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private RuleResult rule(Mrpips03Service.Result result, String code) {
        return returns.ruleResults(result.stored().id()).stream().filter(x -> x.ruleCode().equals(code)).findFirst()
                .orElseThrow();
    }

    private String family(String id) {
        return Pseudonyms.pseudonym(secret.key(), Pseudonyms.Kind.RODZINA, id);
    }

    private String person(String id) {
        return Pseudonyms.pseudonym(secret.key(), Pseudonyms.Kind.OSOBA, id);
    }

    private static String pdf(Path file) throws IOException {
        return pdf(file, Integer.MAX_VALUE);
    }

    /** the text of the first {@code pages} pages */
    private static String pdf(Path file, int pages) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(pages);
            // one space for every run of white space: the PDF wraps long lines
            return stripper.getText(pdf).replace('\u00A0', ' ').replaceAll("\\s+", " ");
        }
    }

    /** pochodzenie.csv of an auditors' package: the pseudonyms of each cell */
    private static Map<String, Set<String>> lineage(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().equals("pochodzenie.csv")) {
                    continue;
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).substring(1);
                Map<String, Set<String>> byCell = new LinkedHashMap<>();
                for (String line : text.split("\r\n")) {
                    String[] fields = line.split(";");
                    if (!fields[0].equals("komorka")) {
                        byCell.computeIfAbsent(fields[0], k -> new HashSet<>()).add(fields[2]);
                    }
                }
                return byCell;
            }
        }
        throw new AssertionError("no pochodzenie.csv in " + zip);
    }
}
