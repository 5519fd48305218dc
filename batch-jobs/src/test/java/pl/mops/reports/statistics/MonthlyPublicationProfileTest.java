package pl.mops.reports.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.IntervalAttack;
import pl.mops.reports.support.PdfPages;
import pl.mops.reports.support.PublicationJudge;
import pl.mops.reports.support.PublishedWorkbook;
import pl.mops.reports.support.PublishedWorkbook.Table;

/**
 * {@code run monthly --profil publikacja} on the hand-made set of {@code statistics/monthly-small} (2025-03; four
 * families, so many cells are 1 or 2). The published XLSX is read back and attacked by a reader with an LP solver
 * ({@link MonthlyAttack}, {@link IntervalAttack}, independent of the program's protection code): no {@code <3} may be
 * pinned to one value, no value of a small group narrowed below ±20 %. Every 1–2 count must be hidden and every
 * published number must equal the full run's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyPublicationProfileTest extends DatabaseTest {

    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final String T1 = "1 Miasto";
    private static final String T2 = "2 Dzielnice";
    private static final String T3 = "3 Filie";
    private static final String T5 = "5 Formy x dzielnice";
    private static final String T6 = "6 Trend";
    private static final String T7 = "7 Wykonanie planu";
    private static final String OGOLEM = "Ogółem (bez powtórzeń)";
    private static final List<String> UNIT_ROWS_T1 = List.of("Rodziny", "Osoby w rodzinach", "Świadczeniobiorcy");

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    MonthlyStatisticsService service;

    pl.mops.reports.importing.Snapshot loaded;
    MonthlyStatisticsService.Result full;
    MonthlyStatisticsService.Result published;
    PublishedWorkbook fullBook;
    PublishedWorkbook publishedBook;

    @BeforeAll
    void runBothProfiles() throws Exception {
        Path fixture = Path.of(getClass().getResource("/statistics/monthly-small").toURI());
        loaded = loader.load(fixture, "test:monthly-small").snapshot();
        long snapshot = loaded.id();
        full = service.run(MARCH, snapshot, Files.createTempDirectory("monthly-full"), true, "test");
        published = service.run(MARCH, snapshot, Files.createTempDirectory("monthly-pub"), false, "test",
                PublicationProfile.PUBLICATION);
        fullBook = new PublishedWorkbook(file(full, ".xlsx"));
        publishedBook = new PublishedWorkbook(file(published, ".xlsx"));
    }

    @Test
    void publicationRunIsItsOwnInstanceWithSuffixedFilesAndAuditorsPackage() {
        assertThat(published.reused()).isFalse();
        assertThat(published.jobInstanceId()).isNotEqualTo(full.jobInstanceId());
        assertThat(published.parameters().profile()).isEqualTo(PublicationProfile.PUBLICATION);
        assertThat(published.parameters().toJobParameters().getString("profile")).isEqualTo("publikacja");
        // a full run keeps the parameters it had before the profile existed (same instances, same files)
        assertThat(full.parameters().toJobParameters().getString("profile")).isNull();
        assertThat(full.files()).extracting(f -> f.path().getFileName().toString()).allMatch(n -> !n.contains("publikacja"));
        assertThat(published.files()).extracting(f -> f.path().getFileName().toString()).containsExactlyInAnyOrder(
                "statystyka-2025-03-publikacja.xlsx", "statystyka-2025-03-publikacja.pdf",
                "statystyka-2025-03-publikacja.csv", "statystyka-2025-03-publikacja-paczka.zip");
        MonthlyStatisticsService.Result again = service.run(MARCH, published.parameters().snapshotId(), null, false,
                "test", PublicationProfile.PUBLICATION);
        // the latest publication run of the month and snapshot is reused (this one, or its rerun if that ran first)
        assertThat(again.reused()).isTrue();
        assertThat(again.parameters().profile()).isEqualTo(PublicationProfile.PUBLICATION);
        assertThat(again.jobInstanceId()).isNotEqualTo(full.jobInstanceId());
    }

    @Test
    void rerunOfThePublicationIsVersionTwoWithTheSameProtectedNumbers() throws Exception {
        MonthlyStatisticsService.Result rerun = service.run(MARCH, published.parameters().snapshotId(),
                Files.createTempDirectory("monthly-pub-v2"), true, "test", PublicationProfile.PUBLICATION);
        assertThat(rerun.parameters().version()).isEqualTo(2);
        assertThat(rerun.files()).extracting(f -> f.path().getFileName().toString())
                .contains("statystyka-2025-03-publikacja-v2.csv");
        assertThat(Files.readAllBytes(file(rerun, ".csv"))).isEqualTo(Files.readAllBytes(file(published, ".csv")));
    }

    @Test
    void smallCountsAreShownAsLessThanThreeAndEveryPublishedNumberIsTheFullOne() {
        int small = 0;
        int hidden = 0;
        for (Table fullTable : fullBook.tables().values()) {
            Table pub = publishedBook.table(fullTable.sheet());
            assertThat(pub.labels()).isEqualTo(fullTable.labels());
            for (int r = 0; r < fullTable.labels().size(); r++) {
                for (int c = 1; c <= fullTable.columnCount(); c++) {
                    Object before = fullTable.cell(r, c);
                    Object after = pub.cell(r, c);
                    String where = pub.id(r, c) + " " + fullTable.labels().get(r) + " / " + fullTable.headers().get(c - 1);
                    if (after instanceof Double) {
                        assertThat(after).as(where).isEqualTo(before);
                    } else if ("<3".equals(after)) {
                        small++;
                        assertThat((Double) before).as(where).isBetween(1.0, 2.0);
                    } else if ("x".equals(after)) {
                        hidden++;
                        assertThat(before).as(where).isInstanceOf(Double.class);
                    } else {
                        assertThat(after).as(where).isEqualTo(before); // the en dash of a value that does not exist
                    }
                    if (isUnitCount(fullTable, r, c) && before instanceof Double d && d >= 1 && d <= 2) {
                        // "<3", or "x" where "<3" would give it away together with other small counts
                        assertThat(after).as(where).isIn("<3", "x");
                    }
                }
            }
        }
        // by hand: district I has 2 families in III, II and XIV one each; III 2024 had 1 family in the city
        assertThat(publishedBook.table(T2).cell(publishedBook.table(T2).row("I Stare Miasto"), 1)).isEqualTo("<3");
        assertThat(publishedBook.table(T1).cell(publishedBook.table(T1).row("Rodziny"), 2)).isEqualTo("<3");
        // the city's 4 families of III 2025 are published in table 1, but the change against the hidden 1 is not
        assertThat(publishedBook.table(T1).cell(0, 1)).isEqualTo(4.0);
        assertThat(publishedBook.table(T1).cell(0, 3)).isEqualTo("x");
        assertThat(publishedBook.table(T1).cell(0, 4)).isEqualTo("x");
        assertThat(small).isGreaterThan(20);
        assertThat(hidden).isGreaterThan(0);
    }

    @Test
    void amountsOfSmallGroupsAreHidden() {
        for (String sheet : List.of(T2, T3)) {
            Table t = publishedBook.table(sheet);
            for (int r = 0; r < t.labels().size(); r++) {
                for (int[] familiesAndAmount : new int[][] {{1, 5}, {7, 11}}) {
                    if ("<3".equals(t.cell(r, familiesAndAmount[0]))) {
                        assertThat(t.cell(r, familiesAndAmount[1])).as(t.id(r, familiesAndAmount[1])).isEqualTo("x");
                    }
                }
            }
        }
        Table forms = publishedBook.table(T5);
        for (int r = 0; r < forms.labels().size(); r++) {
            for (int[] recipientsAndAmount : new int[][] {{1, 2}, {3, 4}}) {
                if ("<3".equals(forms.cell(r, recipientsAndAmount[0]))) {
                    assertThat(forms.cell(r, recipientsAndAmount[1])).as(forms.id(r, recipientsAndAmount[1])).isEqualTo("x");
                }
            }
        }
    }

    @Test
    void noHiddenCellCanBeNarrowedDownByAReaderWithAnLpSolver() {
        IntervalAttack attack = MonthlyAttack.build(publishedBook, 3);
        assertThat(attack.relationCount()).isGreaterThan(100);
        PublicationJudge.Verdict verdict = PublicationJudge.judge(publishedBook, fullBook, attack, 3, 20,
                MonthlyAttack.LAYOUT);
        assertThat(verdict.violations()).as("hidden cells a reader can pin down or narrow").isEmpty();
        assertThat(verdict.smallCells()).isGreaterThan(20);
        assertThat(verdict.tiedCells()).isGreaterThan(0);
    }

    @Test
    void derivedValuesAreShownOnlyWithTheirInputs() {
        Table t1 = publishedBook.table(T1);
        for (int r = 0; r < t1.labels().size(); r++) {
            derivedHiddenWithInputs(t1, r, 4, 1, 2);
            derivedHiddenWithInputs(t1, r, 8, 5, 6);
        }
        for (Table t : List.of(publishedBook.table(T2), publishedBook.table(T3))) {
            for (int r = 0; r < t.labels().size(); r++) {
                derivedHiddenWithInputs(t, r, 6, 3);
                derivedHiddenWithInputs(t, r, 12, 9);
            }
        }
        Table t7 = publishedBook.table(T7);
        for (int r = 0; r < t7.labels().size(); r++) {
            derivedHiddenWithInputs(t7, r, 3, 2);
        }
    }

    /** the audit of the protection is in the auditors' package, without any hidden true value */
    @Test
    void auditorsPackageHasTheProtectionAudit() throws Exception {
        String audit = PublishedWorkbook.zipEntry(file(published, "-paczka.zip"), "ochrona-tajemnicy.txt");
        assertThat(audit).startsWith("Ochrona tajemnicy statystycznej \u2014 audyt przedziałowy")
                .contains("Próg: 3", "Poziom ochrony: 20 %", "Wynik: każda ukryta wartość jest chroniona.",
                        "rodziny|M|dzielnica=I;<3;1;2;1, 2\n");
        // district I's 2 650,00 zł of III (2 families) is hidden, and not in the audit either
        assertThat(audit).doesNotContain("2650");
        assertThat(PublishedWorkbook.zipEntry(file(full, "-paczka.zip"), "ochrona-tajemnicy.txt")).isNull();
    }

    @Test
    void theFirstPageNamesTheDataInWordsAndTheFingerprintIsInTheTechnicalAppendix() throws Exception {
        java.time.format.DateTimeFormatter polish = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        for (MonthlyStatisticsService.Result run : List.of(published, full)) {
            List<String> pages = PdfPages.of(file(run, ".pdf"));
            assertThat(pages.get(0)).as("page 1").contains("Dane z systemu dziedzinowego według stanu na "
                    + polish.format(loaded.coverage().asOf()) + "; obejmują świadczenia zrealizowane od "
                    + polish.format(loaded.coverage().from()) + ".");
            assertThat(pages.get(0)).as("page 1").doesNotContainPattern("[0-9a-f]{16}").doesNotContain("config/", ".csv",
                    "SHA-256");
            // table 1 is short and table 2 wide: both on the first (landscape) page, not table 1 alone on a portrait one
            assertThat(pages.get(0)).as("page 1").contains("Tabela 1. Miasto ogółem", "Tabela 2. Dzielnice");
            String all = String.join("\n", pages);
            assertThat(all.indexOf(loaded.fingerprint())).as("the whole fingerprint, in the appendix")
                    .isGreaterThan(all.indexOf("Załącznik techniczny")).isGreaterThan(all.indexOf("Przypisy"));
            assertThat(all.indexOf("Załącznik techniczny")).isPositive();
            assertThat(all.substring(all.indexOf("Załącznik techniczny"))).contains("config/ludnosc-dzielnic.csv");
        }
        // the workbooks keep the fingerprint too, at the end of their description sheet
        for (PublishedWorkbook book : List.of(fullBook, publishedBook)) {
            assertThat(book.description()).contains("Załącznik techniczny:");
            assertThat(book.description()).anyMatch(line -> line.contains(loaded.fingerprint()));
        }
    }

    @Test
    void everyTableHeadingIsOnThePageOfItsHeaderRowAndFirstRow() throws Exception {
        // heading, the first cell of its header row and the label of its first row, as the report builds them
        Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
        tables.put("Tabela 1. Miasto ogółem", List.of("Miara", "Rodziny"));
        tables.put("Tabela 2. Dzielnice", List.of("Dzielnica"));
        tables.put("Tabela 3. Filie", List.of("Filia (obsługiwane dzielnice)"));
        tables.put("Tabela 4. Rodziny według powodów", List.of("Powód przyznania pomocy"));
        tables.put("Tabela 4a. Rodziny według powodów", List.of("Powód przyznania pomocy"));
        tables.put("Tabela 5. Formy pomocy według dzielnic", List.of("Dzielnica / forma pomocy"));
        tables.put("Tabela 6. Miesiąc po miesiącu", List.of("Miesiąc"));
        for (MonthlyStatisticsService.Result run : List.of(published, full)) {
            List<String> pages = PdfPages.of(file(run, ".pdf"));
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                int page = PdfPages.indexOf(pages, table.getKey());
                assertThat(page).as(table.getKey()).isNotNegative();
                for (String text : table.getValue()) {
                    assertThat(pages.get(page)).as(table.getKey() + " on page " + (page + 1)).contains(text);
                    assertThat(pages.get(page).indexOf(text, pages.get(page).indexOf(table.getKey())))
                            .as(table.getKey() + ": " + text + " after the heading").isPositive();
                }
            }
        }
    }

    @Test
    void footnoteIsInTheWorkbookThePdfAndTheCsvHasNoHiddenNumber() throws Exception {
        String note = "Zastosowano ochronę tajemnicy statystycznej";
        assertThat(publishedBook.description()).anyMatch(line -> line.startsWith(note));
        assertThat(publishedBook.notes(T2)).anyMatch(line -> line.startsWith(note));
        assertThat(fullBook.description()).noneMatch(line -> line.contains(note));
        try (PDDocument pdf = Loader.loadPDF(file(published, ".pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ').replaceAll("\\s+", " ");
            assertThat(text).contains(note, "„<3”", "„x”");
        }
        List<String> lines = List.of(new String(Files.readAllBytes(file(published, ".csv")), StandardCharsets.UTF_8)
                .substring(1).split("\r\n"));
        assertThat(lines).contains("2025-03;T2;dzielnica;I;rodziny_m;<3", "2025-03;T1;miara;rodziny;miesiac;4",
                "2025-03;T1;miara;rodziny;miesiac_zmiana;x");
        // district I's 2 650,00 zł of III (2 families) is not in the published CSV
        assertThat(lines).noneMatch(line -> line.startsWith("2025-03;T2;dzielnica;I;kwota_m;"
                + new BigDecimal("2650.00").toPlainString().replace('.', ',')));
        long marks = lines.stream().filter(l -> l.endsWith(";<3") || l.endsWith(";x")).count();
        long marked = publishedBook.tables().values().stream().flatMap(t -> t.cells().stream()).flatMap(List::stream)
                .filter(v -> "<3".equals(v) || "x".equals(v)).count();
        assertThat(marks).isEqualTo(marked);
    }

    private static boolean isUnitCount(Table t, int r, int c) {
        return MonthlyAttack.isUnitCount(t, r, c);
    }

    /** a derived cell (change %, per 1 000, % of plan) is published only when all its inputs are */
    private static void derivedHiddenWithInputs(Table t, int r, int derived, int... inputs) {
        if (t.cell(r, derived) instanceof Double) {
            for (int input : inputs) {
                assertThat(t.cell(r, input)).as(t.id(r, derived) + " shown, so its input " + t.id(r, input))
                        .isInstanceOf(Double.class);
            }
        }
    }

    private static Path file(MonthlyStatisticsService.Result result, String extension) {
        return result.files().stream().map(f -> f.path()).filter(p -> p.toString().endsWith(extension))
                .findFirst().orElseThrow(() -> new AssertionError("no " + extension + " file in " + result.files()));
    }
}
