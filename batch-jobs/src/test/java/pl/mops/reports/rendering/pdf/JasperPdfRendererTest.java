package pl.mops.reports.rendering.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;
import pl.mops.reports.support.PdfPages;

class JasperPdfRendererTest {

    static final List<String> DISTRICTS = List.of("Stare Miasto", "Grzegórzki", "Prądnik Czerwony",
            "Prądnik Biały", "Krowodrza", "Bronowice", "Zwierzyniec", "Dębniki", "Łagiewniki-Borek Fałęcki",
            "Swoszowice", "Podgórze Duchackie", "Bieżanów-Prokocim", "Podgórze", "Czyżyny", "Mistrzejowice",
            "Bieńczyce", "Wzgórza Krzesławickie", "Nowa Huta");
    static final List<String> MONTHS = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII");
    static final Instant CREATED = Instant.parse("2025-10-31T23:00:00Z");

    static final Path OUTPUT = Path.of("target", "pdf-sample");

    private static final JasperPdfRenderer RENDERER = new JasperPdfRenderer();
    private static byte[] sample;

    @BeforeAll
    static void renderSample() throws IOException {
        sample = render(sampleDocument());
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve("statystyka-przyklad.pdf"), sample);
    }

    @Test
    void extensionIsPdf() {
        assertThat(RENDERER.extension()).isEqualTo("pdf");
    }

    @Test
    void polishLettersAndFormattedNumbersCanBeExtracted() throws IOException {
        String text = text(sample);
        assertThat(text).contains("Zażółć gęślą jaźń", "ąćęłńóśźż".toUpperCase(), "Łagiewniki-Borek Fałęcki",
                "Bieżanów-Prokocim", "Miejski Ośrodek Pomocy Społecznej w Krakowie",
                "Statystyka miesięczna — październik 2025", "Migawka nr 3");
        assertThat(text).contains("12 345", "1 234 567,89", "12,3 %", "\u2013");
        assertThat(text).as("a cell formatted by its own type").contains("4 321,46", "100,00");
        assertThat(text).contains("Rodziny objęte pomocą według dzielnic", "Rodziny objęte pomocą — trend miesięczny");
        assertThat(text).contains("Strona 1 z ", "Przypisy", "Liczba rodzin liczona raz w miesiącu.",
                "Uwaga pod tabelą: dane wstępne.");
    }

    @Test
    void pagesAreA4WithWideTableInLandscape() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(sample)) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isBetween(5, 12);
            PDFTextStripper stripper = new PDFTextStripper();
            boolean sawWideTable = false;
            int pagesWithLongTableHeader = 0;
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String pageText = normalise(stripper.getText(pdf));
                PDRectangle box = pdf.getPage(p - 1).getMediaBox();
                assertThat(Math.round(Math.min(box.getWidth(), box.getHeight()))).isEqualTo(595);
                assertThat(Math.round(Math.max(box.getWidth(), box.getHeight()))).isEqualTo(842);
                if (pageText.contains("Tabela 3. Powody")) {
                    sawWideTable = true;
                    assertThat(box.getWidth()).as("wide table page is landscape").isGreaterThan(box.getHeight());
                } else if (pageText.contains("Tabela 1.")) {
                    assertThat(box.getWidth()).isLessThan(box.getHeight());
                }
                if (pageText.contains("Rejon opiekuńczy")) {
                    pagesWithLongTableHeader++;
                }
                assertThat(pageText).contains("Strona " + p + " z " + pages);
            }
            assertThat(sawWideTable).isTrue();
            assertThat(pagesWithLongTableHeader).as("column header repeated on every page of the long table")
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void allFontsAreEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(sample)) {
            int fonts = 0;
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void metadataComesFromTheDocument() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(sample)) {
            var info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Statystyka miesięczna — październik 2025");
            assertThat(info.getAuthor()).isEqualTo("MOPS — Sekcja Planowania i Monitoringu");
            assertThat(info.getSubject()).isEqualTo("Statystyka miesięczna 2025-10, migawka 3");
            assertThat(info.getKeywords()).isEqualTo("statystyka; pomoc społeczna");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(CREATED);
            assertThat(info.getModificationDate().toInstant()).isEqualTo(CREATED);
        }
    }

    @Test
    void sameDocumentGivesIdenticalBytes() throws Exception {
        Thread.sleep(1100);
        byte[] again = render(sampleDocument());
        assertThat(again).isEqualTo(sample);
        String trailer = new String(sample, sample.length - 400, 400, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(trailer).contains("/ID [<");
    }

    @Test
    void documentWithoutTablesAndChartsHasTheTitleBlock() throws IOException {
        ReportDocument empty = new ReportDocument("statystyka", "2025-10", "Pusty raport", "MOPS",
                List.of(), List.of(), List.of(), List.of(), metadata());
        String text = text(render(empty));
        assertThat(text).contains("Pusty raport", "Strona 1 z 1").doesNotContain("null");
    }

    @Test
    void aHeadingIsAlwaysOnThePageOfItsHeaderRowAndFirstRows() throws IOException {
        // a first table of 25 to 48 rows ends anywhere in the lower half of page 1, so the heading of the second
        // table falls at every height there, down to the last line of the page
        for (int rows = 25; rows <= 48; rows++) {
            ReportDocument document = new ReportDocument("statystyka", "2025-10", "Układ stron", "MOPS",
                    List.of("Okres: październik 2025"), List.of(longTable(rows, "T1", "Tabela 1."), narrowTable()),
                    List.of(), List.of(), metadata());
            List<String> pages = PdfPages.of(render(document));
            int heading = PdfPages.indexOf(pages, "Tabela 1. Podsumowanie miasta");
            assertThat(heading).as("%d rows before", rows).isNotNegative();
            // the header row's first cell, the first row and the third (last) one of the second table
            assertThat(pages.get(heading)).as("%d rows before", rows)
                    .contains("Wyszczególnienie", "Ogółem", "ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż");
        }
    }

    @Test
    void aLongTableRepeatsItsHeaderRowOnEveryPageButNotInTheMiddleOfAPage() throws IOException {
        ReportDocument document = new ReportDocument("statystyka", "2025-10", "Długa tabela", "MOPS", List.of(),
                List.of(longTable(150, "T1", "Tabela 1.")), List.of(), List.of(), metadata());
        List<String> pages = PdfPages.of(render(document));
        assertThat(pages.size()).isBetween(3, 5);
        for (String page : pages) {
            assertThat(count(page, "Rejon opiekuńczy")).as(page).isEqualTo(1);
        }
        assertThat(pages.get(0)).contains("Rejon nr 001", "Rejon nr 003", "Rejon nr 004");
    }

    @Test
    void aShortNarrowFirstTableSharesTheFirstPageWithTheWideTableAfterIt() throws IOException {
        // title block and a four-row table fill a quarter of a page: printed in portrait, page 1 would end there
        ReportDocument document = new ReportDocument("statystyka", "2025-10", "Krótki początek", "MOPS",
                List.of("Okres: październik 2025"), List.of(narrowTable(), wideTable()), List.of(), List.of(),
                metadata());
        byte[] pdf = render(document);
        List<String> pages = PdfPages.of(pdf);
        assertThat(pages.get(0)).contains("Krótki początek", "Tabela 1. Podsumowanie miasta", "Ogółem",
                "Tabela 3. Powody przyznania pomocy według dzielnic", "Bezdomność");
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            PDRectangle box = loaded.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isGreaterThan(box.getHeight());
        }
    }

    @Test
    void aYearIsNeverLeftAloneOnALine() {
        assertThat(JasperPdfRenderer.keepYears("Tabela 4a. Rodziny według powodów — styczeń–marzec 2025"))
                .isEqualTo("Tabela 4a. Rodziny według powodów — styczeń–marzec\u00A02025");
        assertThat(JasperPdfRenderer.keepYears("Lata 2023–2025 i prognoza na lata 2026–2027; 12345 osób"))
                .isEqualTo("Lata\u00A02023–2025 i prognoza na lata\u00A02026–2027; 12345 osób");
    }

    @Test
    void theTechnicalAppendixComesAfterTheFootnotesAndTheSignatureBlockEndsTheLastPage() throws IOException {
        String fingerprint = "211b0f2c096eb801f1a3d81697ee151c0de36a09e88b16790d8c8ea9a8c59717";
        ReportDocument document = sampleDocument()
                .withAppendix(List.of("Odcisk migawki danych (SHA-256): " + fingerprint + "."))
                .withSignatures();
        byte[] pdf = render(document);
        Files.write(OUTPUT.resolve("z-zalacznikiem-i-podpisami.pdf"), pdf);
        List<String> pages = PdfPages.of(pdf);
        String last = pages.get(pages.size() - 1);
        assertThat(pages.get(0)).doesNotContain(fingerprint, "Załącznik techniczny", "Sporządził(a)");
        // the whole block on one page, the last
        assertThat(last).contains("Sporządził(a):", "Data:", "Kierownik jednostki (podpis i pieczęć):");
        String all = String.join("", pages);
        assertThat(all.indexOf("Przypisy")).isPositive().isLessThan(all.indexOf("Załącznik techniczny"));
        assertThat(all.indexOf("Załącznik techniczny")).isLessThan(all.indexOf(fingerprint));
        assertThat(all.indexOf(fingerprint)).isLessThan(all.indexOf("Sporządził(a):"));
        assertThat(text(sample)).doesNotContain("Załącznik techniczny", "Sporządził(a)");
    }

    /**
     * A large document (10 tables of 300 rows, 3 charts) renders whole and the same twice. How fast is measured by the
     * benchmark (bench/run, docs/benchmarks.md: the jobs' files), not here: a wall-clock limit in a unit test failed
     * whenever the build machine was busy (issue 17).
     */
    @Test
    void largeDocumentRendersWholeAndTheSameTwice() throws IOException {
        ReportDocument large = largeDocument();
        byte[] first = render(large);
        byte[] second = render(large);

        assertThat(second).isEqualTo(first);
        String text = text(first);
        for (int t = 1; t <= 10; t++) {
            if (t % 3 != 0) {
                assertThat(text).contains("Tabela " + t + ".");
            }
        }
    }

    // ---------------------------------------------------------------- sample documents

    static ReportDocument sampleDocument() {
        List<ReportTable> tables = List.of(narrowTable(), districtTable(), wideTable(), longTable(150, "T4", "Tabela 4."));
        List<ReportChart> charts = List.of(barChart("W1"), lineChart("W2"));
        return new ReportDocument("statystyka", "2025-10", "Statystyka miesięczna — październik 2025",
                "Miejski Ośrodek Pomocy Społecznej w Krakowie",
                List.of("Okres: październik 2025 oraz narastająco I–X 2025",
                        "Migawka nr 3, odcisk ab12cd34ef56", "Wersja układu: 1"),
                tables, charts,
                List.of("Liczba rodzin liczona raz w miesiącu.",
                        "Kwoty w złotych; zmiana r/r względem tego samego miesiąca roku poprzedniego."),
                metadata());
    }

    static DocumentMetadata metadata() {
        return new DocumentMetadata(CREATED, "MOPS — Sekcja Planowania i Monitoringu",
                "Statystyka miesięczna 2025-10, migawka 3", "statystyka; pomoc społeczna");
    }

    static ReportTable narrowTable() {
        List<ReportColumn> columns = List.of(
                new ReportColumn("rodziny", "Rodziny", ValueType.COUNT, 10),
                new ReportColumn("kwota", "Kwota świadczeń (zł)", ValueType.AMOUNT, 16),
                new ReportColumn("zmiana", "Zmiana r/r", ValueType.PERCENT, 10),
                new ReportColumn("na1000", "Na 1 000 mieszkańców", ValueType.DECIMAL, 12));
        List<ReportRow> rows = List.of(
                new ReportRow("OGOLEM", "Ogółem", 0, true, values("12345", "1234567.891", "12.34", "15.67")),
                new ReportRow("Z1", "w tym: Zażółć gęślą jaźń", 1, false, values("345", "45678.5", null, "0.44")),
                new ReportRow("Z2", "ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż", 1, false, values("12000", "1188889.39", "-3.25", "15.23")),
                new ReportRow("SREDNIA", "Średnia kwota na rodzinę (zł)", 0, false,
                        values("4321.456", "100.004", null, null),
                        List.of(ValueType.AMOUNT, ValueType.AMOUNT, ValueType.PERCENT, ValueType.DECIMAL)));
        return new ReportTable("T1", "Tabela 1. Podsumowanie miasta", "Podsumowanie", "miasto", "Wyszczególnienie",
                columns, rows, List.of("Uwaga pod tabelą: dane wstępne."));
    }

    static ReportTable districtTable() {
        List<ReportColumn> columns = List.of(
                new ReportColumn("rodziny", "Rodziny", ValueType.COUNT, 10),
                new ReportColumn("osoby", "Osoby w rodzinach", ValueType.COUNT, 11),
                new ReportColumn("kwota", "Kwota (zł)", ValueType.AMOUNT, 15),
                new ReportColumn("na1000", "Świadczeniobiorcy na 1 000 mieszkańców", ValueType.DECIMAL, 14));
        List<ReportRow> rows = new ArrayList<>();
        for (int d = 0; d < DISTRICTS.size(); d++) {
            rows.add(new ReportRow(roman(d + 1), DISTRICTS.get(d), 0, false, values(String.valueOf(300 + 41 * d),
                    String.valueOf(610 + 83 * d), String.valueOf(98765.43 * (d + 1)), String.valueOf(12.5 + d / 3.0))));
        }
        rows.add(new ReportRow("RAZEM", "Kraków ogółem", 0, true, values("12345", "23456", "16888888.53", "17.01")));
        return new ReportTable("T2", "Tabela 2. Dzielnice", "Dzielnice", "dzielnica", "Dzielnica", columns, rows,
                List.of("Liczba mieszkańców dzielnic według stanu na 31 grudnia 2024 r."));
    }

    static String roman(int n) {
        String[] units = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
        return (n >= 10 ? "X" : "") + units[n % 10];
    }

    static ReportTable wideTable() {
        List<ReportColumn> columns = new ArrayList<>();
        for (String district : DISTRICTS) {
            columns.add(new ReportColumn("d" + columns.size(), district, ValueType.COUNT, 9));
        }
        columns.add(new ReportColumn("ogolem", "Ogółem", ValueType.COUNT, 10));
        List<String> reasons = List.of("Ubóstwo", "Bezrobocie", "Niepełnosprawność", "Długotrwała choroba",
                "Bezradność w sprawach opiekuńczo-wychowawczych", "Przemoc w rodzinie", "Alkoholizm", "Bezdomność");
        List<ReportRow> rows = new ArrayList<>();
        for (int r = 0; r < reasons.size(); r++) {
            List<BigDecimal> values = new ArrayList<>();
            long sum = 0;
            for (int d = 0; d < DISTRICTS.size(); d++) {
                long value = 37L * (r + 1) + 113L * d % 997;
                values.add(BigDecimal.valueOf(value));
                sum += value;
            }
            values.add(BigDecimal.valueOf(sum));
            rows.add(new ReportRow("P" + r, reasons.get(r), 0, false, values));
        }
        return new ReportTable("T3", "Tabela 3. Powody przyznania pomocy według dzielnic (rodziny)", "Powody",
                "powod", "Powód", columns, rows, List.of());
    }

    static ReportTable longTable(int rowCount, String id, String titlePrefix) {
        List<ReportColumn> columns = List.of(
                new ReportColumn("rodziny", "Rodziny", ValueType.COUNT, 10),
                new ReportColumn("osoby", "Osoby w rodzinach", ValueType.COUNT, 10),
                new ReportColumn("kwota", "Kwota (zł)", ValueType.AMOUNT, 14));
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 1; i <= rowCount; i++) {
            rows.add(new ReportRow(String.format("R%03d", i), String.format("Rejon nr %03d", i), 0, false,
                    values(String.valueOf(i * 7), String.valueOf(i * 17), String.valueOf(i * 1234.5))));
        }
        rows.add(new ReportRow("RAZEM", "Razem", 0, true, values("99999", "199999", "9999999.99")));
        return new ReportTable(id, titlePrefix + " Rejony opiekuńcze", "Rejony", "rejon", "Rejon opiekuńczy",
                columns, rows, List.of());
    }

    static ReportChart barChart(String id) {
        List<BigDecimal> current = new ArrayList<>();
        List<BigDecimal> previous = new ArrayList<>();
        for (int d = 0; d < DISTRICTS.size(); d++) {
            current.add(BigDecimal.valueOf(400 + 137L * d % 900));
            previous.add(BigDecimal.valueOf(380 + 149L * d % 870));
        }
        return new ReportChart(id, "Rodziny objęte pomocą według dzielnic", ReportChart.ChartKind.BAR, "Dzielnica",
                "Rodziny", DISTRICTS, List.of(new ChartSeries("październik 2025", current, false),
                        new ChartSeries("październik 2024", previous, false)));
    }

    static ReportChart lineChart(String id) {
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> lastYear = new ArrayList<>();
        List<BigDecimal> forecast = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            actual.add(m < 10 ? BigDecimal.valueOf(5200 + 40L * m - (m % 3) * 55) : null);
            lastYear.add(BigDecimal.valueOf(5400 + 25L * m - (m % 4) * 40));
            forecast.add(m >= 9 ? BigDecimal.valueOf(5560 + 30L * (m - 9)) : null);
        }
        return new ReportChart(id, "Rodziny objęte pomocą — trend miesięczny", ReportChart.ChartKind.LINE, "Miesiąc",
                "Rodziny", MONTHS, List.of(new ChartSeries("2025", actual, false),
                        new ChartSeries("2024", lastYear, false), new ChartSeries("Prognoza", forecast, true)));
    }

    static ReportDocument largeDocument() {
        List<ReportTable> tables = new ArrayList<>();
        for (int t = 1; t <= 10; t++) {
            tables.add(t % 3 == 0 ? wideTable() : longTable(300, "T" + t, "Tabela " + t + "."));
        }
        return new ReportDocument("statystyka", "2025-10", "Duży raport", "MOPS", List.of("Test wydajności"),
                tables, List.of(barChart("W1"), lineChart("W2"), barChart("W3")), List.of("Przypis."), metadata());
    }

    static List<BigDecimal> values(String... values) {
        List<BigDecimal> result = new ArrayList<>();
        for (String value : values) {
            result.add(value == null ? null : new BigDecimal(value));
        }
        return result;
    }

    static byte[] render(ReportDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RENDERER.render(document, out);
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return normalise(new PDFTextStripper().getText(document));
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** PDFBox may give the no-break space of the Polish number format as U+00A0 or as a plain space */
    static String normalise(String text) {
        return text.replace('\u00A0', ' ');
    }
}
