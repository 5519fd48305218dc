package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.SharedPostgres;

/**
 * A data set whose coverage ends mid-month, mid-half-year and mid-year: the hand-made monthly set
 * ({@code statistics/monthly-small}: realisations 10 I 2024 – 5 IV 2025) imported with {@code --stan-na 2025-04-15},
 * so the snapshot covers 2024-01-01 – 2025-04-15. Every command as a user types it, on a database of its own.
 * <pre>
 * IV 2025 (15 of 30 days): S17 F2 zasiłek stały 900 → 1 family; IV 2024: S16 F1 450 → 1 family
 * I–IV 2025 (3 months and 15 days of 4): F1, F2, F3, F4 → 4 families; I–IV 2024: F1 → 1 family
 * III 2024: S14 F1 450 → 1 family, 3 persons; I 2024: S15 → 1; II 2024: nothing (covered: a true 0)
 * the year 2023 lies before the data: its comparisons are "brak danych", never 0 or −100 %
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncompletePeriodTest {

    private String url;
    private Path home;
    private Path fixture;

    @BeforeAll
    void importWithStateDay() throws Exception {
        url = SharedPostgres.freshDatabase("incomplete_period");
        home = Files.createTempDirectory("mops-incomplete");
        fixture = Path.of(getClass().getResource("/statistics/monthly-small").toURI());
        CommandLineRun.Outcome imported = run("import", "--dir", fixture.toString(), "--stan-na", "2025-04-15");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Zakres:  2024-01-01 \u2013 2025-04-15");
        assertThat(imported.out()).contains("Wszystkie wiersze zostały wczytane");
    }

    private CommandLineRun.Outcome run(String... args) {
        return CommandLineRun.launchOn(url, home, args);
    }

    @Test
    void snapshotsShowTheSpanAndAStateDayInTheFutureIsRefused() {
        assertThat(run("snapshots").out()).contains("zakres danych: 2024-01-01 \u2013 2025-04-15");
        CommandLineRun.Outcome future = run("import", "--dir", fixture.toString(), "--stan-na", "2999-01-01");
        assertThat(future.exitCode()).isEqualTo(2);
        assertThat(future.err()).contains("Stan danych --stan-na 2999-01-01 jest z przyszłości");
    }

    @Test
    void aStateDayBeforeTheLastRealisationRejectsTheLaterRows() throws IOException {
        Path out = Files.createTempDirectory("import-out");
        CommandLineRun.Outcome earlier = run("import", "--dir", fixture.toString(), "--stan-na", "2025-04-01", "--out",
                out.toString());
        // the same files give the same fingerprint: no new snapshot, and the message says which span it keeps
        assertThat(earlier.exitCode()).as(earlier.err()).isZero();
        assertThat(earlier.out()).contains("nie utworzono nowej migawki",
                "Podany stan danych 2025-04-01 nie zmienia tej migawki: te same pliki mają stan na 2025-04-15");
        // other files (one more benefit after the state day) with --stan-na 2025-04-01: S17 of 5 IV is rejected
        Path copy = Files.createTempDirectory("later-rows");
        try (Stream<Path> files = Files.list(fixture)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.writeString(copy.resolve("swiadczenia.csv"), "S18;D2;;ZASILEK_STALY;;;2025-03-28;1;1.00;\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        CommandLineRun.Outcome rejected = run("import", "--dir", copy.toString(), "--stan-na", "2025-04-01", "--out",
                out.toString());
        assertThat(rejected.exitCode()).as(rejected.err()).isZero();
        assertThat(rejected.out()).contains("Zakres:  2024-01-01 \u2013 2025-04-01");
        String rejects = Files.readString(lastFile(out, "odrzucone-"), StandardCharsets.UTF_8);
        assertThat(rejects).contains("swiadczenia.csv;18;data;2025-04-05;data 2025-04-05 jest późniejsza niż stan danych "
                + "eksportu (--stan-na 2025-04-01)");
    }

    @Test
    void aMonthTheSnapshotHoldsOnlyInPartIsRefusedNamingTheSpan() {
        CommandLineRun.Outcome refused = run("run", "monthly", "--month", "2025-04", "--snapshot", "1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Migawka nr 1 nie obejmuje całego okresu: miesiąc 2025-04 (dane za 15 z 30 dni "
                        + "(2025-04-01 \u2013 2025-04-15))", "dane obejmują 2024-01-01 \u2013 2025-04-15", "--niepelny-okres")
                .doesNotContain("Exception");
        CommandLineRun.Outcome after = run("run", "monthly", "--month", "2025-05", "--niepelny-okres", "--snapshot", "1");
        assertThat(after.exitCode()).isEqualTo(2);
        assertThat(after.err()).contains("nie zawiera danych za okres: miesiąc 2025-05");
    }

    @Test
    void anIncompleteMonthAskedForExplicitlySaysHowMuchItHoldsNextToEveryFigure() throws Exception {
        Path out = Files.createTempDirectory("monthly-partial");
        CommandLineRun.Outcome partial = run("run", "monthly", "--month", "2025-04", "--niepelny-okres", "--snapshot", "1",
                "--out", out.toString());
        assertThat(partial.exitCode()).as(partial.err()).isZero();
        assertThat(partial.out()).contains("UWAGA: dane niepełne \u2014 dane obejmują 2024-01-01 \u2013 2025-04-15; "
                + "miesiąc 2025-04: dane za 15 z 30 dni (2025-04-01 \u2013 2025-04-15)");
        try (XSSFWorkbook workbook = workbook(out.resolve("statystyka-2025-04.xlsx"))) {
            // first page: the warning before anything else
            assertThat(text(workbook.getSheetAt(0), 2)).startsWith("UWAGA \u2014 DANE NIEPEŁNE: kwiecień 2025: dane za 15 z 30 "
                    + "dni (2025-04-01 \u2013 2025-04-15); narastająco I–IV 2025: dane za 3 miesiące i 15 dni z 4 miesięcy");
            Sheet city = workbook.getSheet("1 Miasto");
            List<String> header = cells(city.getRow(2));
            assertThat(header.get(1)).isEqualTo("kwiecień 2025 (niepełne: 15 z 30 dni)");
            assertThat(header.get(5)).isEqualTo("I–IV 2025 (niepełne: 3 mies. i 15 dni z 4 mies.)");
            // families: April 2025 F2 = 1, April 2024 F1 = 1 (covered), the changes not computed from a part;
            // I–IV 2025: 4, I–IV 2024: 1
            assertThat(cells(row(city, "Rodziny"))).containsExactly("Rodziny", "1", "1", "okres niepełny", "okres niepełny",
                    "4", "1", "okres niepełny", "okres niepełny");
            Sheet districts = workbook.getSheet("2 Dzielnice");
            assertThat(cells(districts.getRow(2)).get(1)).isEqualTo("Rodziny IV 2025 (niepełne: 15 z 30 dni)");
            Sheet trend = workbook.getSheet("6 Trend");
            assertThat(cells(row(trend, "IV \u2013 kwiecień (2025: niepełne: 15 z 30 dni)")))
                    .containsExactly("IV \u2013 kwiecień (2025: niepełne: 15 z 30 dni)", "1", "1", "1", "1", "900", "450");
        }
        String csv = Files.readString(out.resolve("statystyka-2025-04.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("2025-04;T1;miara;rodziny;miesiac;1\r\n2025-04;T1;miara;rodziny;miesiac_uwaga;"
                + "niepełne: 15 z 30 dni\r\n");
        assertThat(csv).contains("2025-04;T1;miara;rodziny;miesiac_zmiana;okres niepełny");
        String pdf = pdfText(out.resolve("statystyka-2025-04.pdf"));
        assertThat(pdf.substring(0, 600)).contains("UWAGA \u2014 DANE NIEPEŁNE");
        assertThat(pdf).contains("niepełne: 15 z 30 dni");
    }

    @Test
    void aMonthOfTheFirstYearOfDataComparesWithNothingNotWithZero() throws Exception {
        Path out = Files.createTempDirectory("monthly-first-year");
        CommandLineRun.Outcome march = run("run", "monthly", "--month", "2024-03", "--snapshot", "1", "--out",
                out.toString());
        assertThat(march.exitCode()).as(march.err()).isZero();
        assertThat(march.out()).doesNotContain("UWAGA");
        try (XSSFWorkbook workbook = workbook(out.resolve("statystyka-2024-03.xlsx"))) {
            Sheet city = workbook.getSheet("1 Miasto");
            // III 2024: F1 (S14) — 1 family of 3 persons; III 2023 lies before the data
            assertThat(cells(row(city, "Rodziny"))).containsExactly("Rodziny", "1", "brak danych", "brak danych",
                    "brak danych", "1", "brak danych", "brak danych", "brak danych");
            assertThat(cells(row(city, "Osoby w rodzinach")).subList(1, 5)).containsExactly("3", "brak danych",
                    "brak danych", "brak danych");
            Sheet trend = workbook.getSheet("6 Trend");
            // January: S15; February: covered and empty, a true 0; 2023: "brak danych"
            assertThat(cells(row(trend, "I \u2013 styczeń"))).containsExactly("I \u2013 styczeń", "1", "brak danych", "1",
                    "brak danych", "450", "brak danych");
            assertThat(cells(row(trend, "II \u2013 luty"))).containsExactly("II \u2013 luty", "0", "brak danych", "0",
                    "brak danych", "0", "brak danych");
        }
        String csv = Files.readString(out.resolve("statystyka-2024-03.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("2024-03;T1;miara;rodziny;miesiac_rok_wczesniej;brak danych")
                .doesNotContain("-100");
    }

    @Test
    void theHalfYearAndTheYearAreRefusedAndAnExplicitIncompleteReturnIsNeverReady() throws Exception {
        assertThat(run("run", "mrpips03", "--period", "2025-P", "--snapshot", "1").err())
                .contains("nie obejmuje całego okresu: I półrocze 2025 (1 stycznia – 30 czerwca) (dane za 3 miesiące i "
                        + "15 dni z 6 miesięcy");
        assertThat(run("run", "mrpips03", "--period", "2025-R", "--snapshot", "1").exitCode()).isEqualTo(2);

        Path out = Files.createTempDirectory("mrpips03-partial");
        CommandLineRun.Outcome partial = run("run", "mrpips03", "--period", "2025-P", "--niepelny-okres", "--snapshot",
                "1", "--out", out.toString());
        assertThat(partial.exitCode()).as(partial.err()).isZero();
        assertThat(partial.out()).contains("NIEGOTOWE DO WYSŁANIA \u2014 dane nie obejmują całego okresu (dane za 3 "
                + "miesiące i 15 dni z 6 miesięcy (2025-01-01 \u2013 2025-04-15))");
        String pdf = pdfText(out.resolve("mrpips03-2025-P.pdf"));
        assertThat(pdf.substring(0, 400)).contains("UWAGA \u2014 DANE NIEPEŁNE: migawka nie obejmuje całego okresu");
        assertThat(pdf).contains("sprawozdanie NIE jest gotowe do wysłania: dane nie obejmują całego okresu");

        CommandLineRun.Outcome submit = run("zloz", "--period", "2025-P");
        assertThat(submit.exitCode()).isEqualTo(2);
        assertThat(submit.err()).contains("dane nie obejmują całego okresu (policzone z --niepelny-okres)");
    }

    @Test
    void anAnnualReturnWithoutItsHalfYearIsReadyOnlyWithAReservation() throws Exception {
        // 2024 is the complete year of this set (the shipped layout starts with 2025, so it is named)
        Path out = Files.createTempDirectory("mrpips03-2024");
        CommandLineRun.Outcome year = run("run", "mrpips03", "--period", "2024-R", "--layout", "2025.1", "--snapshot", "1",
                "--out", out.toString());
        assertThat(year.exitCode()).as(year.err()).isZero();
        assertThat(year.out()).contains("GOTOWE Z ZASTRZEŻENIEM \u2014 reguła R11 nie została sprawdzona \u2014 brak "
                + "sprawozdania za I półrocze 2024, z którym można by porównać sprawozdanie roczne");
        assertThat(pdfText(out.resolve("mrpips03-2024-R.pdf"))).contains("Gotowość: gotowe z zastrzeżeniem");
        assertThat(pdfText(out.resolve("mrpips03-2024-R-kontrola.pdf")))
                .contains("nie każdą regułę", "niesprawdzona").doesNotContain("wszystkie reguły kontrolne są spełnione");

        assertThat(run("run", "mrpips03", "--period", "2024-P", "--layout", "2025.1", "--snapshot", "1", "--out",
                out.toString()).out())
                .contains("GOTOWE DO WYSŁANIA");
        CommandLineRun.Outcome again = run("run", "mrpips03", "--period", "2024-R", "--layout", "2025.1", "--snapshot", "1",
                "--rerun", "--out", out.toString());
        assertThat(again.out()).contains("GOTOWE DO WYSŁANIA", "mrpips03-2024-R-v2.pdf");
        // the first draft's files are still those of the first draft
        assertThat(pdfText(out.resolve("mrpips03-2024-R.pdf"))).contains("Gotowość: gotowe z zastrzeżeniem");
        assertThat(pdfText(out.resolve("mrpips03-2024-R-v2.pdf"))).contains("Gotowość: gotowe do wysłania");
    }

    @Test
    void anAssessmentOfAnIncompleteYearIsRefusedAndWhenAskedForNeverForecastsFromIt() throws Exception {
        Path work = Files.createTempDirectory("ozps-partial");
        Path resources = pl.mops.reports.assessment.OzpsTestFiles.copyResource("zasoby-2025.yaml", work);
        CommandLineRun.Outcome refused = run("run", "ozps", "--year", "2025", "--resources", resources.toString(),
                "--snapshot", "1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("nie obejmuje całego okresu: rok 2025");

        Path out = work.resolve("out");
        CommandLineRun.Outcome partial = run("run", "ozps", "--year", "2025", "--resources", resources.toString(),
                "--snapshot", "1", "--niepelny-okres", "--out", out.toString());
        assertThat(partial.exitCode()).as(partial.err()).isZero();
        assertThat(partial.out()).contains("2023: brak danych o świadczeniach",
                "2025 (niepełne: 3 mies. i 15 dni z 12 mies.): rodziny objęte pomocą: 4");
        try (XSSFWorkbook workbook = workbook(out.resolve("ozps-2025.xlsx"))) {
            assertThat(text(workbook.getSheetAt(0), 2)).startsWith("UWAGA \u2014 DANE NIEPEŁNE: migawka nie obejmuje "
                    + "całego roku 2025 (dane za 3 miesiące i 15 dni z 12 miesięcy");
            Sheet families = workbook.getSheet("10.3 Osoby i rodziny");
            List<String> header = cells(families.getRow(2));
            assertThat(header.subList(1, 6)).containsExactly("2023", "2024",
                    "2025 (dane o świadczeniach niepełne: 3 mies. i 15 dni z 12 mies.)", "2026 prognoza", "2027 prognoza");
            // families helped: 2023 before the data; 2024 F1 (S14–S16) = 1; 2025 (a part) F1–F4 = 4 and social work;
            // the forecast rests on 2024 alone (the only complete year): a flat line at 1, not a trend towards 4
            Row helped = rowStartingWith(families, "1. ");
            assertThat(cells(helped).subList(1, 6)).containsExactly("brak danych", "1", "4", "1", "1");
        }
        List<String> findings = Files.readAllLines(out.resolve("ozps-2025-wnioski.txt"), StandardCharsets.UTF_8);
        assertThat(findings).anyMatch(l -> l.startsWith("Dane o świadczeniach za rok 2025 są niepełne (dane za 3 miesiące "
                + "i 15 dni z 12 miesięcy"));
        assertThat(String.join("\n", findings)).doesNotContain("wzrosła", "spadła", "porównano z rokiem");
    }

    // ---- reading the files ------------------------------------------------------------------------

    private static Path lastFile(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).max(java.util.Comparator
                    .comparing(Path::toString)).orElseThrow();
        }
    }

    private static XSSFWorkbook workbook(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    private static String text(Sheet sheet, int row) {
        return sheet.getRow(row).getCell(0).getStringCellValue();
    }

    private static Row row(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row \"" + label + "\" in " + sheet.getSheetName());
    }

    private static Row rowStartingWith(Sheet sheet, String prefix) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().startsWith(prefix)) {
                return row;
            }
        }
        throw new AssertionError("no row starting with \"" + prefix + "\" in " + sheet.getSheetName());
    }

    /** every cell of a row as a reader sees it: numbers without grouping or trailing zeros, texts as they are */
    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                cells.add("");
            } else if (cell.getCellType() == CellType.NUMERIC) {
                cells.add(new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros()
                        .toPlainString());
            } else {
                cells.add(cell.getStringCellValue());
            }
        }
        return cells;
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ').replaceAll("\\s*\\n\\s*", " ");
        }
    }
}
