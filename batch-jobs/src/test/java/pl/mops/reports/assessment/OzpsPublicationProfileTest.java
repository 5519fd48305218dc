package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code run ozps --profil publikacja} on the hand-made three-year set {@code ozps/trzy-lata} (8 families): the
 * published XLSX is attacked by a reader with an LP solver ({@link OzpsAttack}, {@link IntervalAttack}); every 1–2
 * count is hidden, every published number is the full run's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzpsPublicationProfileTest extends DatabaseTest {

    private static final String T10_1 = "10.1 Kadra pracowników socj.";
    private static final String T10_2 = "10.2 Koszty i zasięg";
    private static final String T10_3 = "10.3 Osoby i rodziny";
    private static final String T10_4 = "10.4 Powody";
    private static final String T10_5 = "10.5 Świadczenia pieniężne";
    private static final String T10_6 = "10.6 Usługi i niepieniężne";
    private static final String T10_8 = "10.8 Odmowy";
    private static final int[] YEARS = {1, 2, 3};

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    OzpsAssessmentService service;

    pl.mops.reports.importing.Snapshot loaded;
    OzpsAssessmentService.Result full;
    OzpsAssessmentService.Result published;
    PublishedWorkbook fullBook;
    PublishedWorkbook publishedBook;

    @BeforeAll
    void runBothProfiles() throws Exception {
        Path fixture = Path.of(getClass().getResource("/ozps/trzy-lata").toURI());
        loaded = loader.load(fixture, "test:ozps-trzy-lata").snapshot();
        long snapshot = loaded.id();
        Path work = Files.createTempDirectory("ozps-pub");
        Path resources = OzpsTestFiles.copyResource("zasoby-2025.yaml", work);
        full = service.run(2025, snapshot, resources, work.resolve("pelny"), true, "test");
        published = service.run(2025, snapshot, resources, work.resolve("publikacja"), false, "test",
                PublicationProfile.PUBLICATION);
        fullBook = new PublishedWorkbook(OzpsTestFiles.file(full.files(), ".xlsx"));
        publishedBook = new PublishedWorkbook(OzpsTestFiles.file(published.files(), ".xlsx"));
    }

    @Test
    void publicationRunHasSuffixedFilesAndNoFindings() {
        assertThat(published.jobInstanceId()).isNotEqualTo(full.jobInstanceId());
        assertThat(published.files()).extracting(f -> f.path().getFileName().toString())
                .containsExactlyInAnyOrder("ozps-2025-publikacja.xlsx", "ozps-2025-publikacja.pdf",
                        "ozps-2025-publikacja-paczka.zip");
    }

    @Test
    void smallCountsAreShownAsLessThanThreeAndEveryPublishedNumberIsTheFullOne() {
        int small = 0;
        for (Table fullTable : fullBook.tables().values()) {
            Table pub = publishedBook.table(fullTable.sheet());
            assertThat(pub.labels()).isEqualTo(fullTable.labels());
            for (int r = 0; r < fullTable.labels().size(); r++) {
                for (int c = 1; c <= fullTable.columnCount(); c++) {
                    Object before = fullTable.cell(r, c);
                    Object after = pub.cell(r, c);
                    String where = pub.id(r, c) + " " + fullTable.labels().get(r);
                    if ("<3".equals(after)) {
                        small++;
                        assertThat((Double) before).as(where).isBetween(1.0, 2.0);
                    } else if ("x".equals(after)) {
                        assertThat(before).as(where).isInstanceOf(Double.class);
                    } else {
                        assertThat(after).as(where).isEqualTo(before);
                    }
                    if (c <= 3 && isUnitCount(fullTable, r) && before instanceof Double d && d >= 1 && d <= 2) {
                        // "<3", or "x" where "<3" would give it away together with other small counts
                        assertThat(after).as(where).isIn("<3", "x");
                    }
                }
            }
        }
        // by hand (README of the set): 10.5 ZASILEK_STALY 2025 has 1 recipient, 3 benefits, 2 700,00 zł
        Table cash = publishedBook.table(T10_5);
        int stały = rowEndingWith(cash, "Zasiłek stały \u2014 świadczeniobiorcy");
        assertThat(cash.cell(stały, 3)).isEqualTo("<3");
        assertThat(cash.cell(stały + 1, 3)).isEqualTo("x");
        assertThat(cash.cell(stały + 2, 3)).isEqualTo("x");
        assertThat(cash.cell(stały, 4)).isEqualTo("x"); // the forecast from a hidden year
        // the resources chapters are public
        assertThat(publishedBook.table("2 Demografia i rynek pracy").cells()).isEqualTo(
                fullBook.table("2 Demografia i rynek pracy").cells());
        assertThat(small).isGreaterThan(10);
    }

    @Test
    void noHiddenCellCanBeNarrowedDownByAReaderWithAnLpSolver() throws Exception {
        IntervalAttack attack = OzpsAttack.build(publishedBook, 3);
        PublicationJudge.Verdict verdict = PublicationJudge.judge(publishedBook, fullBook, attack, 3, 20,
                OzpsAttack.LAYOUT);
        assertThat(verdict.violations()).as("hidden cells a reader can pin down or narrow").isEmpty();
        assertThat(verdict.smallCells()).isGreaterThan(10);
        String audit = PublishedWorkbook.zipEntry(OzpsTestFiles.file(published.files(), "-paczka.zip"),
                "ochrona-tajemnicy.txt");
        assertThat(audit).contains("Wynik: każda ukryta wartość jest chroniona.", "10.5|ZASILEK_STALY/SWIADCZENIOBIORCY|2025;<3;1;2;1, 2\n");
    }

    @Test
    void derivedValuesAreShownOnlyWithTheirInputs() {
        Table t2 = publishedBook.table(T10_2);
        for (int y : YEARS) {
            derivedHiddenWithInputs(t2, y, 1, 0);
            derivedHiddenWithInputs(t2, y, 4, 0, 3);
        }
        // a forecast is shown only when every year of its row is
        for (String sheet : List.of(T10_3, T10_4, T10_5, T10_6, T10_8)) {
            Table t = publishedBook.table(sheet);
            for (int r = 0; r < t.labels().size(); r++) {
                for (int forecast = 4; forecast <= 5; forecast++) {
                    if (t.cell(r, forecast) instanceof Double) {
                        for (int y : YEARS) {
                            assertThat(t.cell(r, y)).as(t.id(r, forecast) + " forecast shown, so " + t.id(r, y))
                                    .isInstanceOf(Double.class);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theFirstPageNamesTheDataInWordsAndFingerprintsAndFileNamesAreInTheTechnicalAppendix() throws Exception {
        java.time.format.DateTimeFormatter polish = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        for (OzpsAssessmentService.Result run : List.of(published, full)) {
            List<String> pages = PdfPages.of(OzpsTestFiles.file(run.files(), ".pdf"));
            assertThat(pages.get(0)).as("page 1").contains("Dane z systemu dziedzinowego według stanu na "
                    + polish.format(loaded.coverage().asOf()) + "; obejmują świadczenia zrealizowane od "
                    + polish.format(loaded.coverage().from()) + ".");
            assertThat(pages.get(0)).as("page 1").doesNotContainPattern("[0-9a-f]{16}")
                    .doesNotContain("config/", "zasoby-2025.yaml", "SHA-256");
            String all = String.join(" ", pages);
            int appendix = all.indexOf("Załącznik techniczny");
            assertThat(appendix).isGreaterThan(all.indexOf("Przypisy")).isPositive();
            assertThat(all.substring(appendix)).contains(loaded.fingerprint(), "zasoby-2025.yaml");
            assertThat(all.indexOf("zasoby-2025.yaml")).as("the file is named only in the appendix").isGreaterThan(appendix);
        }
    }

    @Test
    void everyTableHeadingIsOnThePageOfItsHeaderRow() throws Exception {
        // the report's twelve tables: chapters 2, 5, 6, 7, 9 and 10.1–10.8 (10.7 is not a table of this report)
        List<String> headings = List.of("Rozdział 2.", "Rozdział 5.", "Rozdział 6.", "Rozdział 7.", "Rozdział 9.",
                "10.1 Kadra", "10.2 Koszty", "10.3 Osoby", "10.4 Powody", "10.5 Pomoc", "10.6 Pomoc", "10.8 Odmowy");
        for (OzpsAssessmentService.Result run : List.of(published, full)) {
            List<String> pages = PdfPages.of(OzpsTestFiles.file(run.files(), ".pdf"));
            for (String heading : headings) {
                int page = PdfPages.indexOf(pages, heading);
                assertThat(page).as(heading).isNotNegative();
                String text = pages.get(page);
                // the label column's header cell (every table of the report has the same), after the heading
                assertThat(text.indexOf("Wyszczególnienie", text.indexOf(heading))).as(heading + ", page " + (page + 1))
                        .isPositive();
            }
        }
    }

    @Test
    void footnoteIsInTheWorkbookAndThePdf() throws Exception {
        String note = "Zastosowano ochronę tajemnicy statystycznej";
        assertThat(publishedBook.description()).anyMatch(line -> line.startsWith(note));
        assertThat(publishedBook.notes(T10_5)).anyMatch(line -> line.startsWith(note));
        assertThat(publishedBook.notes("2 Demografia i rynek pracy")).noneMatch(line -> line.startsWith(note));
        try (PDDocument pdf = Loader.loadPDF(OzpsTestFiles.file(published.files(), ".pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ').replaceAll("\\s+", " ");
            assertThat(text).contains(note, "„<3”");
        }
    }

    private static boolean isUnitCount(Table t, int r) {
        String label = t.labels().get(r);
        return switch (t.sheet()) {
            case T10_3, T10_4, T10_8 -> true;
            case T10_5, T10_6 -> label.endsWith("świadczeniobiorcy");
            case T10_1 -> label.endsWith("Rodziny objęte pracą socjalną (tab. 10.3)");
            case T10_2 -> label.endsWith("Świadczeniobiorcy (tab. 10.3)");
            default -> false;
        };
    }

    private static void derivedHiddenWithInputs(Table t, int column, int derived, int... inputs) {
        if (t.cell(derived, column) instanceof Double) {
            for (int input : inputs) {
                assertThat(t.cell(input, column)).as(t.id(derived, column) + " shown, so " + t.id(input, column))
                        .isInstanceOf(Double.class);
            }
        }
    }

    private static int rowEndingWith(Table t, String label) {
        for (int r = 0; r < t.labels().size(); r++) {
            if (t.labels().get(r).endsWith(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label + " in " + t.sheet());
    }
}
