package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.mrpips03.Mrpips03Fixtures.assertRow;
import static pl.mops.reports.mrpips03.Mrpips03Fixtures.assertZeroRow;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.PdfPages;

/**
 * The half-year (2025-P) and annual (2025-R) return of the hand-made set {@code src/test/resources/mrpips03/podstawowy};
 * every expected number is worked out in that folder's README.md. One family per counting rule:
 * F1 a person with two forms and a family with two reasons, F2 a family whose size changes (a birth in P,
 * a child leaving in R) and a single parent, F3 a rural family with a child turning 18 in the period and
 * realisations on 30 June and 1 July, F4 a rural pensioner family with a refusal, F5 social work only,
 * F6 a one-person household with a commissioned task (1A), F7 a refusal only, F8 a family only in II half-year.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Mrpips03ReturnTest extends DatabaseTest {

    private static final ReturnPeriod P = ReturnPeriod.parse("2025-P");
    private static final ReturnPeriod R = ReturnPeriod.parse("2025-R");

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    Mrpips03Service service;
    @Autowired
    ReturnRepository returns;
    @Autowired
    Layouts layouts;
    @Autowired
    MopsProperties properties;

    Snapshot snapshot;
    Layout layout;
    Path outP;
    Path outR;
    Mrpips03Service.Result half;
    Mrpips03Service.Result year;
    Map<CellKey, BigDecimal> p;
    Map<CellKey, BigDecimal> r;

    @BeforeAll
    void runBoth() throws Exception {
        snapshot = loader.load(Mrpips03Fixtures.resource("podstawowy"), "test:mrpips03-podstawowy").snapshot();
        // layout 2025.1 named: since 2025.2 the newest layout for 2025 is 2025.2 (Mrpips03LayoutChoiceTest)
        layout = layouts.resolve("2025.1", 2025);
        outP = Files.createTempDirectory("mrpips03-p");
        outR = Files.createTempDirectory("mrpips03-r");
        half = service.run(P, snapshot.id(), "2025.1", outP, false, "test");
        year = service.run(R, snapshot.id(), "2025.1", outR, false, "test");
        p = returns.cells(half.stored().id());
        r = returns.cells(year.stored().id());
    }

    @Test
    void theNewestLayoutFor2025Is2025Point2AndEarlierYearsHaveNone() {
        assertThat(layouts.resolve(null, 2025).version()).isEqualTo("2025.2");
        assertThat(layouts.resolve(null, 2026).version()).isEqualTo("2025.2");
        assertThat(layouts.newestVersion(2024)).isEmpty();
    }

    @Test
    void theReturnsAreOfLayout2025Point1() {
        assertThat(layout.version()).isEqualTo("2025.1");
        assertThat(layout.symbol()).isEqualTo("MRPiPS-03");
        assertThat(half.stored().layoutVersion()).isEqualTo("2025.1");
        assertThat(half.stored().correction()).isZero();
        assertThat(half.cells()).isEqualTo(p.size()).isEqualTo(5 * 5 + 34 * 5 + 6 * 4 + 20 * 4 + 21 * 4);
    }

    @Test
    void section1aCommissionedTasks() {
        // only S613 (F6, O61): 8 hours of specialised care services, 320.00
        assertRow(p, layout, "1A", "OGOLEM_1A", "1 8 320.00 1 1");
        assertRow(p, layout, "1A", "SPECJALISTYCZNE_USLUGI_ZABURZENIA", "1 8 320.00 1 1");
        assertZeroRow(p, layout, "1A", "WYNAGRODZENIE_OPIEKUNA");
        assertZeroRow(p, layout, "1A", "POMOC_CUDZOZIEMCOM");
        assertRow(r, layout, "1A", "OGOLEM_1A", "1 8 320.00 1 1");
    }

    @Test
    void section1bHalfYear() {
        // OSOBY, SWIADCZENIA, KWOTA, RODZINY, OSOBY_W_RODZINACH
        // the total is its own distinct count: O11 got two forms (ZO and ZC) and counts once
        assertRow(p, layout, "1B", "OGOLEM_1B", "8 77 4748.50 5 15");
        assertRow(p, layout, "1B", "ZASILEK_STALY", "1 2 1438.00 1 1");
        assertRow(p, layout, "1B", "ZASILEK_STALY_SAMOTNI", "1 2 1438.00 1 1");
        assertZeroRow(p, layout, "1B", "ZASILEK_STALY_W_RODZINIE");
        assertRow(p, layout, "1B", "ZASILEK_OKRESOWY", "2 2 1000.00 2 6");
        assertRow(p, layout, "1B", "ZASILEK_OKRESOWY_BEZROBOCIE", "1 1 600.00 1 3");
        assertRow(p, layout, "1B", "ZASILEK_OKRESOWY_INNE", "1 1 400.00 1 3");
        assertZeroRow(p, layout, "1B", "ZASILEK_OKRESOWY_CHOROBA");
        assertRow(p, layout, "1B", "ZASILEK_CELOWY", "3 3 670.50 3 12");
        assertRow(p, layout, "1B", "ZASILEK_CELOWY_ZDARZENIE_LOSOWE", "1 1 250.50 1 3");
        assertRow(p, layout, "1B", "ZASILEK_CELOWY_SWIADCZENIA_ZDROWOTNE", "1 1 300.00 1 3");
        assertRow(p, layout, "1B", "ZASILEK_CELOWY_BILET_KREDYTOWANY", "1 1 120.00 1 6"); // 30 June is in P
        assertZeroRow(p, layout, "1B", "ZASILEK_CELOWY_NIEZALEZNIE_OD_DOCHODU");     // 1 July is not
        assertRow(p, layout, "1B", "POSILEK", "2 30 240.00 2 9");
        assertRow(p, layout, "1B", "POSILEK_DZIECI", "1 20 160.00 1 3");
        assertRow(p, layout, "1B", "USLUGI_OPIEKUNCZE", "2 40 1400.00 1 2");
        assertRow(p, layout, "1B", "USLUGI_OPIEKUNCZE_SPECJALISTYCZNE", "1 10 500.00 1 2");
        assertZeroRow(p, layout, "1B", "SCHRONIENIE");
        assertZeroRow(p, layout, "1B", "DPS");
    }

    @Test
    void section1bYear() {
        assertRow(r, layout, "1B", "OGOLEM_1B", "9 109 6848.50 6 15");
        assertRow(r, layout, "1B", "ZASILEK_OKRESOWY", "2 3 1400.00 2 5");  // F2 has 2 members on 1 IX
        assertRow(r, layout, "1B", "ZASILEK_OKRESOWY_INNE", "1 2 800.00 1 2");
        assertRow(r, layout, "1B", "ZASILEK_CELOWY", "3 4 870.50 3 11");
        assertRow(r, layout, "1B", "ZASILEK_CELOWY_NIEZALEZNIE_OD_DOCHODU", "1 1 200.00 1 6");
        assertRow(r, layout, "1B", "SCHRONIENIE", "1 30 1500.00 1 1");
        assertRow(r, layout, "1B", "SCHRONIENIE_NOCLEGOWNIA", "1 30 1500.00 1 1");
        assertRow(r, layout, "1B", "ZASILEK_STALY_SAMOTNI", "1 2 1438.00 1 1");
    }

    @Test
    void section2ActualFamilies() {
        // RODZINY, RODZINY_WIES, OSOBY_W_RODZINACH, OSOBY_W_RODZINACH_WIES
        assertRow(p, layout, "2", "OGOLEM", "5 2 15 8");
        assertRow(p, layout, "2", "PIENIEZNE", "4 1 13 6");
        assertRow(p, layout, "2", "NIEPIENIEZNE", "4 2 12 8");
        assertRow(p, layout, "2", "PRACA_SOCJALNA", "3 0 6 0");
        assertRow(p, layout, "2", "WYLACZNIE_PRACA_SOCJALNA", "1 0 2 0"); // F5 with 2 members on 4 IV
        assertRow(p, layout, "2", "KONTRAKT_SOCJALNY", "2 0 3 0");

        assertRow(r, layout, "2", "OGOLEM", "6 2 15 8");
        assertRow(r, layout, "2", "PIENIEZNE", "4 1 12 6");
        assertRow(r, layout, "2", "NIEPIENIEZNE", "5 2 13 8");
        assertRow(r, layout, "2", "PRACA_SOCJALNA", "3 0 5 0");
        assertRow(r, layout, "2", "WYLACZNIE_PRACA_SOCJALNA", "1 0 1 0"); // F5's partner left on 31 VIII
        assertRow(r, layout, "2", "KONTRAKT_SOCJALNY", "2 0 2 0");
    }

    @Test
    void section3Reasons() {
        assertRow(p, layout, "3", "UBOSTWO", "1 0 3 0");      // F1 only: F7's refusal counts nowhere
        assertRow(p, layout, "3", "BEZROBOCIE", "1 0 3 0");   // F1 again: two reasons, both rows
        assertRow(p, layout, "3", "MACIERZYNSTWO", "2 1 9 6");
        assertRow(p, layout, "3", "MACIERZYNSTWO_WIELODZIETNOSC", "1 1 6 6");
        assertRow(p, layout, "3", "BEZRADNOSC", "2 1 9 6");   // F2 through its second decision D22
        assertRow(p, layout, "3", "BEZRADNOSC_NIEPELNE", "1 0 3 0");
        assertRow(p, layout, "3", "BEZRADNOSC_WIELODZIETNE", "1 1 6 6");
        assertRow(p, layout, "3", "NIEPELNOSPRAWNOSC", "2 1 3 2");
        assertRow(p, layout, "3", "CHOROBA", "1 1 2 2");
        assertZeroRow(p, layout, "3", "ALKOHOLIZM");          // F4's refusal D42
        assertZeroRow(p, layout, "3", "BEZDOMNOSC");

        assertRow(r, layout, "3", "MACIERZYNSTWO", "2 1 8 6");
        assertRow(r, layout, "3", "BEZRADNOSC_NIEPELNE", "1 0 2 0");
        assertRow(r, layout, "3", "BEZDOMNOSC", "1 0 1 0");
        assertZeroRow(r, layout, "3", "ALKOHOLIZM");
    }

    @Test
    void section4FamilyTypes() {
        assertRow(p, layout, "4", "RODZINY_1", "1 0 1 0");
        assertRow(p, layout, "4", "RODZINY_2", "1 1 2 2");
        assertRow(p, layout, "4", "RODZINY_3", "2 0 6 0");    // F1 and F2 (3 members since the birth on 20 III)
        assertZeroRow(p, layout, "4", "RODZINY_4");
        assertZeroRow(p, layout, "4", "RODZINY_5");
        assertRow(p, layout, "4", "RODZINY_6_PLUS", "1 1 6 6");
        assertRow(p, layout, "4", "Z_DZIECMI", "3 1 12 6");
        assertRow(p, layout, "4", "Z_DZIECMI_1", "1 0 3 0");
        assertRow(p, layout, "4", "Z_DZIECMI_2", "1 0 3 0");
        assertRow(p, layout, "4", "Z_DZIECMI_3", "1 1 6 6");   // O33 turned 18 on 15 IV: 3 children on 30 VI, not 4
        assertZeroRow(p, layout, "4", "Z_DZIECMI_4_PLUS");
        assertRow(p, layout, "4", "NIEPELNE", "1 0 3 0");
        assertRow(p, layout, "4", "NIEPELNE_2", "1 0 3 0");
        assertZeroRow(p, layout, "4", "NIEPELNE_1");
        assertRow(p, layout, "4", "EMERYCI_RENCISCI", "1 1 2 2");
        assertRow(p, layout, "4", "EMERYCI_RENCISCI_2", "1 1 2 2");
        assertZeroRow(p, layout, "4", "EMERYCI_RENCISCI_1");

        assertRow(r, layout, "4", "RODZINY_1", "2 0 2 0");
        assertRow(r, layout, "4", "RODZINY_2", "2 1 4 2");    // F2 shrank to 2 (O22 left on 31 VIII)
        assertRow(r, layout, "4", "RODZINY_3", "1 0 3 0");
        assertRow(r, layout, "4", "Z_DZIECMI_1", "2 0 5 0");
        assertZeroRow(r, layout, "4", "Z_DZIECMI_2");
        assertRow(r, layout, "4", "NIEPELNE_1", "1 0 2 0");
    }

    @Test
    void everyRulePassesAndBothReturnsAreReadyToSend() {
        assertThat(half.stored().readyToSend()).isTrue();
        assertThat(half.stored().checksFailed()).isZero();
        assertThat(half.stored().checksTotal()).isPositive();
        assertThat(year.stored().readyToSend()).isTrue();
        assertThat(returns.ruleResults(year.stored().id())).filteredOn(x -> x.ruleCode().equals("R11"))
                .singleElement().satisfies(x -> {
                    assertThat(x.checked()).isPositive();
                    // the half-year return it was compared with, in words and in the instrumental
                    assertThat(x.note()).contains("ze sprawozdaniem za I półrocze 2025 (sprawozdaniem pierwotnym, ");
                });
        assertThat(returns.ruleResults(half.stored().id())).filteredOn(x -> x.ruleCode().equals("R11"))
                .singleElement().satisfies(x -> assertThat(x.checked()).isZero());
    }

    @Test
    void xmlFollowsTheSchemaWithPlainNumbers() throws Exception {
        Path xml = file(half, "mrpips03-2025-P.xml");
        byte[] bytes = Files.readAllBytes(xml);
        ReturnXml.validate(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("<sprawozdanie xmlns=\"urn:mops-reports:mrpips03:1\" formularz=\"MRPiPS-03\" "
                + "wersja=\"2025.1\" okres=\"P\" rok=\"2025\" jednostka=\"" + properties.unitName() + "\" teryt=\""
                + properties.teryt() + "\" korekta=\"0\" snapshot=\"" + snapshot.fingerprint() + "\">");
        assertThat(text).contains("<wiersz kod=\"OGOLEM_1B\" nr=\"1\">\n"
                + "      <komorka kolumna=\"OSOBY\">8</komorka>\n"
                + "      <komorka kolumna=\"SWIADCZENIA\">77</komorka>\n"
                + "      <komorka kolumna=\"KWOTA\">4748.50</komorka>\n"
                + "      <komorka kolumna=\"RODZINY\">5</komorka>\n"
                + "      <komorka kolumna=\"OSOBY_W_RODZINACH\">15</komorka>");
        assertThat(text).contains("<komorka kolumna=\"KWOTA\">0.00</komorka>");
        assertThat(text).contains("<dzial kod=\"4\">");
        assertThat(text.split("<komorka ").length - 1).isEqualTo(half.cells());
    }

    @Test
    void xlsxPrintsLabelsAndNumbersOnOnePageWidthWithWholeHeadersAndLabels() throws Exception {
        try (InputStream in = Files.newInputStream(file(half, "mrpips03-2025-P.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            String title = workbook.getProperties().getCoreProperties().getTitle();
            int tallHeaders = 0;
            int tallLabels = 0;
            for (Sheet sheet : workbook) {
                pl.mops.reports.support.PrintedSheets.assertA4OnePageWide(sheet, title);
                if (sheet.getSheetName().equals("Opis")) {
                    continue;
                }
                assertThat(sheet.getRepeatingRows()).as(sheet.getSheetName())
                        .isEqualTo(new org.apache.poi.ss.util.CellRangeAddress(0, 2, -1, -1));
                Row header = sheet.getRow(2);
                for (org.apache.poi.ss.usermodel.Cell cell : header) {
                    assertThat(cell.getCellStyle().getWrapText()).isTrue();
                    // a header longer than its column is wrapped in a row of two lines or more, never clipped
                    if (cell.getStringCellValue().length() > sheet.getColumnWidth(cell.getColumnIndex()) / 256) {
                        assertThat(header.getHeightInPoints()).as(sheet.getSheetName() + " " + cell.getStringCellValue())
                                .isGreaterThanOrEqualTo(30f);
                        tallHeaders++;
                    }
                }
                int labelWidth = sheet.getColumnWidth(0) / 256;
                for (int r = 3; sheet.getRow(r) != null; r++) {
                    org.apache.poi.ss.usermodel.Cell label = sheet.getRow(r).getCell(0);
                    if (label.getStringCellValue().length() > labelWidth) {
                        assertThat(label.getCellStyle().getWrapText()).isTrue();
                        assertThat(sheet.getRow(r).getHeightInPoints()).as(label.getStringCellValue())
                                .isGreaterThanOrEqualTo(30f);
                        tallLabels++;
                    }
                }
            }
            assertThat(tallHeaders).as("the form's long column headers").isPositive();
            assertThat(tallLabels).as("the form's long row labels").isPositive();
        }
    }

    @Test
    void xlsxIsLaidOutLikeTheForm() throws Exception {
        try (InputStream in = Files.newInputStream(file(half, "mrpips03-2025-P.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3), workbook.getSheetName(4), workbook.getSheetName(5)))
                    .containsExactly("Opis", "Dział 1A", "Dział 1B", "Dział 2", "Dział 3", "Dział 4");
            Sheet sheet = workbook.getSheet("Dział 1B");
            Row total = rowLabelled(sheet, "1. Ogółem (bez powtórzeń)");
            assertThat(numbers(total, 5)).containsExactly(8.0, 77.0, 4748.5, 5.0, 15.0);
            assertThat(total.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Row main = rowLabelled(sheet, "5. Zasiłek okresowy");
            Row part = rowLabelled(sheet, "6. w tym: z powodu bezrobocia");
            assertThat(main.getCell(0).getCellStyle().getIndention()).isZero();
            assertThat(part.getCell(0).getCellStyle().getIndention()).isPositive();
            assertThat(numbers(part, 5)).containsExactly(1.0, 1.0, 600.0, 1.0, 3.0);
        }
    }

    @Test
    void pdfHasTheHeaderAndTheNumbers() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(file(half, "mrpips03-2025-P.pdf").toFile())) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(595f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ');
            assertThat(text).contains(properties.unitName(), "TERYT " + properties.teryt(), "I półrocze 2025",
                    snapshot.fingerprint(), "w wersji 2025.1", "Dział 1B", "w tym: z powodu bezrobocia",
                    "4 748,50", "gotowe do wysłania");
        }
    }

    @Test
    void theReturnEndsWithAnEmptySignatureBlockOnItsLastPageAndTheControlReportHasNone() throws Exception {
        List<String> pages = PdfPages.of(file(half, "mrpips03-2025-P.pdf"));
        String last = pages.get(pages.size() - 1);
        assertThat(last).contains("Sporządził(a):", "Data:", "Kierownik jednostki (podpis i pieczęć):");
        // after the last table and the footnotes, left empty for a hand signature
        String all = String.join(" ", pages);
        assertThat(all.indexOf("Sporządził(a):")).isGreaterThan(all.indexOf("Przypisy")).isGreaterThan(all.indexOf("Dział 1B"));
        assertThat(last.substring(last.indexOf("Sporządził(a):"))).doesNotContain(properties.unitName());
        for (int p = 0; p < pages.size() - 1; p++) {
            assertThat(pages.get(p)).doesNotContain("Sporządził(a)", "Kierownik jednostki");
        }
        assertThat(String.join(" ", PdfPages.of(file(half, "mrpips03-2025-P-kontrola.pdf")))).doesNotContain("Sporządził(a)");
    }

    @Test
    void casCsvHasEveryCellInTheOrderOfTheFormWithPolishDecimals() throws Exception {
        List<String> lines = Files.readAllLines(file(half, "mrpips03-2025-P-cas.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFdzial;nr_wiersza;kod_wiersza;kolumna;wartosc");
        assertThat(lines).hasSize(half.cells() + 1);
        // the first row of the form (F6's commissioned services: 1 person, 8 hours, 320,00 zł, 1 family of 1), then
        // row 5 of 1B (hand-computed in the fixture: 1 000,00 zł of periodic benefits)
        assertThat(lines.subList(1, 6)).containsExactly("1A;1;OGOLEM_1A;OSOBY;1", "1A;1;OGOLEM_1A;SWIADCZENIA;8",
                "1A;1;OGOLEM_1A;KWOTA;320,00", "1A;1;OGOLEM_1A;RODZINY;1", "1A;1;OGOLEM_1A;OSOBY_W_RODZINACH;1");
        assertThat(lines).contains("1B;1;OGOLEM_1B;KWOTA;4748,50", "1B;5;ZASILEK_OKRESOWY;KWOTA;1000,00");
        int ogolem = lines.indexOf("1B;1;OGOLEM_1B;KWOTA;4748,50");
        assertThat(lines.indexOf("1B;5;ZASILEK_OKRESOWY;KWOTA;1000,00")).isGreaterThan(ogolem);
    }

    @Test
    void kontrolaFilesSayEveryRulePassed() throws Exception {
        assertThat(half.files()).extracting(f -> f.path().getFileName().toString()).containsExactlyInAnyOrder(
                "mrpips03-2025-P.xml", "mrpips03-2025-P.xlsx", "mrpips03-2025-P.pdf",
                "mrpips03-2025-P-kontrola.xlsx", "mrpips03-2025-P-kontrola.pdf", "mrpips03-2025-P-cas.csv",
                "mrpips03-2025-P-paczka.zip");
        try (PDDocument pdf = Loader.loadPDF(file(half, "mrpips03-2025-P-kontrola.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ');
            assertThat(text).contains("wszystkie reguły kontrolne są spełnione", "R01", "R05");
        }
        try (InputStream in = Files.newInputStream(file(half, "mrpips03-2025-P-kontrola.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2); // Opis, Reguły: no sheet of failures
            Row sum = rowLabelled(workbook.getSheet("Reguły"), "Razem");
            assertThat(sum.getCell(1).getNumericCellValue()).isEqualTo(half.stored().checksTotal().doubleValue());
            assertThat(sum.getCell(2).getNumericCellValue()).isZero();
        }
    }

    @Test
    void samePeriodSnapshotAndLayoutReuseTheRunAndRerunGivesIdenticalBytes() throws Exception {
        // without --layout the period keeps the layout of its first return (2025.1), so this is the same run
        Mrpips03Service.Result again = service.run(P, snapshot.id(), null, null, false, "test");
        assertThat(again.layoutChoice()).isEqualTo("Układ formularza 2025.1 \u2014 ten, w którym sporządzono pierwsze "
                + "sprawozdanie za ten okres (inny układ: --layout 2025.2).");
        assertThat(again.reused()).isTrue();
        assertThat(again.jobInstanceId()).isEqualTo(half.jobInstanceId());
        assertThat(again.files()).extracting(f -> f.path().getParent()).containsOnly(outP);

        Path fresh = Files.createTempDirectory("mrpips03-rerun");
        Mrpips03Service.Result rerun = service.run(P, snapshot.id(), null, fresh, true, "test");
        assertThat(rerun.reused()).isFalse();
        assertThat(rerun.parameters().run()).isEqualTo(2);
        assertThat(rerun.stored().correction()).isZero(); // the same data: a recomputation, not a correction
        // a new draft under its own name: a rerun never writes over the files of another run
        assertThat(rerun.stored().draft()).isEqualTo(2);
        assertThat(rerun.files()).hasSize(7); // + the auditors' package, whose manifest differs (run, times)
        assertThat(rerun.files()).extracting(f -> f.path().getFileName().toString())
                .allSatisfy(name -> assertThat(name).startsWith("mrpips03-2025-P-v2"));
        for (var file : rerun.files().stream().filter(f -> !f.path().toString().endsWith("-paczka.zip")).toList()) {
            // the documents do not name the draft: the same data give the same bytes
            Path original = outP.resolve(file.path().getFileName().toString().replace("-v2", ""));
            assertThat(Files.readAllBytes(file.path())).as("bytes of %s", original.getFileName())
                    .isEqualTo(Files.readAllBytes(original));
        }
    }

    static Path file(Mrpips03Service.Result result, String name) {
        return result.files().stream().map(f -> f.path()).filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + result.files()));
    }

    static Row rowLabelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row \"" + label + "\" in sheet " + sheet.getSheetName());
    }

    static List<Double> numbers(Row row, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> row.getCell(i).getNumericCellValue()).toList();
    }
}
