package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import pl.mops.reports.assessment.resources.ResourcesFile;
import pl.mops.reports.assessment.resources.ResourcesPrefill;
import pl.mops.reports.assessment.resources.ResourcesReader;
import pl.mops.reports.assessment.resources.ResourcesWorkbookWriter;
import pl.mops.reports.assessment.resources.ResourcesYamlWriter;
import pl.mops.reports.system.UserError;

/**
 * The workbook form of the resources file (no database): the template {@code ozps template --xlsx} writes, read
 * back with POI; the same workbook filled with the values of the YAML fixture read as the same resources; every
 * problem named by sheet, cell and position.
 */
class OzpsResourcesWorkbookTest {

    private static final String NAME = "zasoby-2025.xlsx";

    /** the template of 2025 with the population of 2025 known exactly and that of 2023 only from 2024 */
    private static ResourcesPrefill prefill() {
        return new OzpsTemplate(2025, List.of(new OzpsTemplate.Population(2023, 7990, 2024),
                new OzpsTemplate.Population(2025, 8123, 2025)), List.of(), null).prefill();
    }

    @Test
    void everySheetPrintsOnA4OnePageWideWithItsHeadersOnEveryPage() throws IOException {
        try (XSSFWorkbook workbook = open(ResourcesWorkbookWriter.write(prefill()))) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
                pl.mops.reports.support.PrintedSheets.assertA4OnePageWide(sheet,
                        "Zasoby pomocy społecznej — dane do oceny za rok 2025");
            }
            // a chapter: key, position, unit, three years and notes (219 characters) — landscape, rows 1–3 repeated
            assertThat(workbook.getSheet("Kadra").getPrintSetup().getLandscape()).isTrue();
            assertThat(workbook.getSheet("Kadra").getRepeatingRows())
                    .isEqualTo(new org.apache.poi.ss.util.CellRangeAddress(0, 2, -1, -1));
            assertThat(workbook.getSheet("Źródła danych").getRepeatingRows())
                    .isEqualTo(new org.apache.poi.ss.util.CellRangeAddress(0, 0, -1, -1));
            assertThat(workbook.getSheet("Instrukcja").getRepeatingRows()).isNull();
        }
    }

    @Test
    void templateHasTheInstructionsFirstAndASheetPerChapterWithTheYamlsPositionsAndYears() throws IOException {
        try (XSSFWorkbook workbook = open(ResourcesWorkbookWriter.write(prefill()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("Instrukcja", "Demografia", "Rynek pracy", "Instytucje", "Kadra",
                    "Organizacje pozarządowe", "Budżet", "Źródła danych");
            assertThat(workbook.getSheet("Instrukcja").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Zasoby pomocy społecznej — dane do oceny zasobów pomocy społecznej (OZPS) za rok 2025");

            XSSFSheet demography = workbook.getSheet("Demografia");
            assertThat(texts(demography.getRow(2))).containsExactly("Klucz pozycji", "Pozycja", "Jednostka", "2023", "2024",
                    "2025", "Uwagi");
            assertThat(demography.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            Row total = demography.getRow(3);
            assertThat(texts(total).subList(0, 3)).containsExactly("ludnosc_ogolem", "Mieszkańcy ogółem", "liczba");
            assertThat(total.getCell(3).getCellType()).isEqualTo(CellType.BLANK); // 2023 only known from 2024: not filled
            assertThat(total.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(8123.0);
            assertThat(total.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(total.getCell(6).getStringCellValue()).isEqualTo(
                    "liczba mieszkańców ogółem (musi równać się sumie sześciu grup poniżej, gdy są podane)\n"
                            + "2025: z config/ludnosc-dzielnic.csv (suma dzielnic) — sprawdź z danymi GUS\n"
                            + "2023: w config/ludnosc-dzielnic.csv nie ma tego roku; najbliższy, 2024: 7\u00A0990 (suma dzielnic, "
                            + "zameldowani; GUS podaje zwykle więcej).");
            assertThat(demography.getRow(9).getCell(0).getStringCellValue()).isEqualTo("mezczyzni_65_plus");
            assertThat(demography.getLastRowNum()).isEqualTo(9); // 7 positions from row 4

            XSSFSheet staff = workbook.getSheet("Kadra");
            assertThat(texts(staff.getRow(6)).subList(0, 3)).containsExactly("pracownicy_socjalni_etaty",
                    "Pracownicy socjalni — etaty", "etaty");
            assertThat(staff.getRow(6).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(staff.getRow(6).getCell(6).getStringCellValue()).startsWith("Pracownicy socjalni: etaty "
                    + "(liczba etatów, np. 12,5)\nnorma art. 110 ust. 11:");

            XSSFSheet budget = workbook.getSheet("Budżet");
            assertThat(budget.getRow(3).getCell(0).getStringCellValue()).isEqualTo("85202");
            assertThat(budget.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Rozdział 85202 — Domy pomocy społecznej");
            assertThat(budget.getRow(11).getCell(0).getStringCellValue()).isEqualTo("85230");
            assertThat(budget.getLastRowNum()).isEqualTo(11 + 25); // 25 empty rows for other rozdziały

            XSSFSheet sources = workbook.getSheet("Źródła danych");
            assertThat(texts(sources.getRow(0))).containsExactly("Klucz rozdziału", "Arkusz", "Źródło danych (opcjonalnie)");
            assertThat(texts(sources.getRow(4)).subList(0, 2)).containsExactly("kadra", "Kadra");
        }
    }

    @Test
    void onlyTheYearCellsAreOpenForTypingAndEverySheetIsProtected() throws IOException {
        try (XSSFWorkbook workbook = open(ResourcesWorkbookWriter.write(prefill()))) {
            workbook.forEach(s -> assertThat(((XSSFSheet) s).isSheetLocked()).as(s.getSheetName()).isTrue());
            XSSFSheet staff = workbook.getSheet("Kadra");
            for (int column = 0; column <= 6; column++) {
                assertThat(staff.getRow(2).getCell(column).getCellStyle().getLocked()).as("header %d", column).isTrue();
                boolean year = column >= 3 && column <= 5;
                assertThat(staff.getRow(3).getCell(column).getCellStyle().getLocked()).as("row 4, column %d", column)
                        .isEqualTo(!year);
            }
            XSSFSheet budget = workbook.getSheet("Budżet");
            assertThat(budget.getRow(3).getCell(0).getCellStyle().getLocked()).isFalse(); // a rozdział may be replaced
            assertThat(budget.getRow(20).getCell(0).getCellStyle().getLocked()).isFalse();
            assertThat(budget.getRow(20).getCell(5).getCellStyle().getLocked()).isFalse();
            assertThat(budget.getRow(3).getCell(1).getCellStyle().getLocked()).isTrue();
            XSSFSheet sources = workbook.getSheet("Źródła danych");
            assertThat(sources.getRow(1).getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(sources.getRow(1).getCell(2).getCellStyle().getLocked()).isFalse();
        }
    }

    @Test
    void twoWritesOfTheSameTemplateAreByteIdentical() {
        assertThat(ResourcesWorkbookWriter.write(prefill())).isEqualTo(ResourcesWorkbookWriter.write(prefill()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResourcesWorkbookWriter.write(prefill(), out);
        assertThat(out.toByteArray()).isEqualTo(ResourcesWorkbookWriter.write(prefill()));
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try { // the ZIP entries' times and the workbook's dates are in UTC, whatever the machine's zone
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(ResourcesWorkbookWriter.write(prefill())).isEqualTo(out.toByteArray());
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
        ResourcesPrefill otherYear = new OzpsTemplate(2026, List.of(), List.of(), null).prefill();
        assertThat(ResourcesWorkbookWriter.write(otherYear)).isNotEqualTo(out.toByteArray());
    }

    @Test
    void theTemplateFilledWithTheYamlFixturesValuesIsReadAsTheSameResources() throws IOException {
        ResourcesFile yaml = ResourcesReader.parse(fixture("zasoby-2025.yaml"), "zasoby-2025.yaml", 2025);
        byte[] xlsx = filled(yaml);
        ResourcesFile read = ResourcesReader.parse(xlsx, NAME, 2025);
        assertThat(read.values()).isEqualTo(yaml.values());
        assertThat(read.sources()).isEqualTo(yaml.sources());
        assertThat(read.fileName()).isEqualTo(NAME);
        // by content as well: a workbook named otherwise, read from a stream
        assertThat(ResourcesReader.read(new ByteArrayInputStream(xlsx), "zasoby.bin", 2025).values()).isEqualTo(yaml.values());

        // what goes beside the workbook into the auditors' package reads back as the same resources
        String normalized = ResourcesYamlWriter.text(read);
        assertThat(normalized).contains("rok: 2025\n", "  bezrobotni_dlugotrwale:\n    2023: 120\n    2024: 110\n"
                + "    2025: brak danych\n", "  \"85214\":\n    2023: 80000.00\n    2024: 85000.50\n");
        ResourcesFile again = ResourcesReader.parse(normalized.getBytes(StandardCharsets.UTF_8),
                ResourcesYamlWriter.fileName(NAME), 2025);
        assertThat(ResourcesYamlWriter.fileName(NAME)).isEqualTo("zasoby-2025-odczyt.yaml");
        assertThat(again.values()).isEqualTo(yaml.values());
        assertThat(again.sources()).isEqualTo(yaml.sources());
    }

    @Test
    void textInANumberCellIsNamedBySheetCellAndPosition() throws IOException {
        byte[] xlsx = change(valid(), wb -> wb.getSheet("Kadra").getRow(6).getCell(3).setCellValue("dużo"));
        assertProblems(xlsx, "zasoby-2025.xlsx, arkusz „Kadra”, komórka D7: wartość „dużo” w pozycji "
                + "kadra.pracownicy_socjalni_etaty, rok 2023 nie jest liczbą (wpisz liczbę albo „brak danych”).");
    }

    @Test
    void anEmptyCellAFormulaAndANegativeNumberAreNamedToo() throws IOException {
        byte[] xlsx = change(valid(), wb -> {
            wb.getSheet("Rynek pracy").getRow(3).getCell(3).setBlank();
            wb.getSheet("Kadra").getRow(3).getCell(4).setCellFormula("1+1");
            wb.getSheet("Instytucje").getRow(4).getCell(5).setCellValue(-5);
        });
        assertProblems(xlsx,
                "zasoby-2025.xlsx, arkusz „Rynek pracy”, komórka D4: brak wartości w pozycji rynek_pracy.bezrobotni, "
                        + "rok 2023 (uzupełnij albo wpisz „brak danych”).",
                "zasoby-2025.xlsx, arkusz „Instytucje”, komórka F5: ujemna liczba -5 w pozycji instytucje.dps_miejsca, "
                        + "rok 2025 — wartości nie mogą być ujemne.",
                "zasoby-2025.xlsx, arkusz „Kadra”, komórka E4: formuła „=1+1” w pozycji kadra.kierownictwo_osoby, rok 2024 "
                        + "— wpisz samą wartość: formuły nie są przyjmowane (policz obok i wklej wynik jako wartość).");
    }

    @Test
    void aMissingPositionRowIsNamedBySheetAndPosition() throws IOException {
        byte[] xlsx = change(valid(), wb -> {
            Sheet labour = wb.getSheet("Rynek pracy");
            labour.removeRow(labour.getRow(4));
        });
        assertProblems(xlsx, "zasoby-2025.xlsx, arkusz „Rynek pracy”: brak pozycji rynek_pracy.bezrobotni_dlugotrwale "
                + "(Bezrobotni długotrwale) — podaj wartości za lata 2023, 2024, 2025.");
    }

    @Test
    void anUnknownPositionAnUnknownSheetAndAMissingSheet() throws IOException {
        byte[] xlsx = change(valid(), wb -> {
            wb.getSheet("Demografia").getRow(4).getCell(0).setCellValue("kobiety_0_18");
            wb.createSheet("Notatki");
            wb.removeSheetAt(wb.getSheetIndex("Organizacje pozarządowe"));
        });
        assertProblems(xlsx,
                "zasoby-2025.xlsx: brak arkusza „Organizacje pozarządowe” (rozdział organizacje_pozarzadowe: Współpraca "
                        + "z organizacjami pozarządowymi — zadania zlecone w obszarze pomocy i wsparcia).",
                "zasoby-2025.xlsx, arkusz „Demografia”: brak pozycji demografia.kobiety_0_17 (Kobiety w wieku 0–17 lat) "
                        + "— podaj wartości za lata 2023, 2024, 2025.",
                "zasoby-2025.xlsx, arkusz „Demografia”, komórka A5: nieznany klucz „kobiety_0_18” w rozdziale demografia "
                        + "— czy chodziło o „kobiety_0_17”?",
                "zasoby-2025.xlsx, arkusz „Notatki”: nieznany arkusz „Notatki” — skoroszyt zasobów ma tylko arkusze: "
                        + "Instrukcja, Demografia, Rynek pracy, Instytucje, Kadra, Organizacje pozarządowe, Budżet, "
                        + "Źródła danych (nie dodawaj arkuszy i nie zmieniaj ich nazw).");
    }

    @Test
    void aChangedYearHeaderIsNamedByItsCell() throws IOException {
        byte[] xlsx = change(valid(), wb -> wb.getSheet("Demografia").getRow(2).getCell(5).setCellValue("2026"));
        assertProblems(xlsx, "zasoby-2025.xlsx, arkusz „Demografia”, komórka F3: nagłówek kolumny „2026” zamiast roku "
                + "2025 — kolumny D–F muszą mieć nagłówki 2023, 2024, 2025 (ocena za rok 2025; skoroszyt na inny rok "
                + "utwórz poleceniem ozps template --year RRRR --xlsx).");
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedInOneSentence() throws IOException {
        String expected = "Plik zasobów zasoby-2025.xlsx nie jest skoroszytem Excel (.xlsx), więc nie da się go odczytać. "
                + "Utwórz skoroszyt poleceniem ./mops-reports ozps template --year RRRR --xlsx, wypełnij go i zapisz jako "
                + "„Skoroszyt programu Excel (.xlsx)”.";
        assertThatThrownBy(() -> ResourcesReader.parse("rok: 2025\n".getBytes(StandardCharsets.UTF_8), NAME, 2025))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo(expected);
                });
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("notatka.txt"));
            out.write("nie skoroszyt".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> ResourcesReader.parse(zip.toByteArray(), NAME, 2025))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.getMessage())
                        .startsWith("Plik zasobów zasoby-2025.xlsx nie jest skoroszytem Excel (.xlsx), więc nie da się go "
                                + "odczytać (").endsWith("zapisz jako „Skoroszyt programu Excel (.xlsx)”."));
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> ResourcesReader.parse(xls, NAME, 2025)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.getMessage()).contains("starym formacie Excel 97–2003 (.xls)"));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void assertProblems(byte[] xlsx, String... problems) {
        assertThatThrownBy(() -> ResourcesReader.parse(xlsx, NAME, 2025)).isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.exitCode()).isEqualTo(2);
            assertThat(lines(e).subList(1, lines(e).size())).containsExactly(problems);
        });
    }

    private static byte[] valid() throws IOException {
        return filled(ResourcesReader.parse(fixture("zasoby-2025.yaml"), "zasoby-2025.yaml", 2025));
    }

    /**
     * the template filled as a clerk would: each year cell with the number (a number cell) or "brak danych" (text),
     * the budget rows with the fixture's rozdziały (the listed ones replaced, the rest cleared), the sources
     */
    static byte[] filled(ResourcesFile values) throws IOException {
        return change(ResourcesWorkbookWriter.write(prefill()), wb -> {
            Map<String, String> sheets = Map.of("demografia", "Demografia", "rynek_pracy", "Rynek pracy",
                    "instytucje", "Instytucje", "kadra", "Kadra", "organizacje_pozarzadowe", "Organizacje pozarządowe",
                    "budzet", "Budżet");
            values.values().forEach((chapter, positions) -> {
                Sheet sheet = wb.getSheet(sheets.get(chapter));
                if (chapter.equals("budzet")) {
                    for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                        for (int c = 0; c <= 5; c++) {
                            if (c != 1 && c != 2) {
                                sheet.getRow(r).getCell(c).setBlank();
                            }
                        }
                    }
                    int r = 3;
                    for (String position : positions.keySet()) {
                        sheet.getRow(r++).getCell(0).setCellValue(position);
                    }
                }
                for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    Map<Integer, BigDecimal> years = positions.get(row.getCell(0).getStringCellValue());
                    if (years == null) {
                        continue;
                    }
                    for (int i = 0; i < 3; i++) {
                        BigDecimal value = years.get(2023 + i);
                        Cell cell = row.getCell(3 + i);
                        if (value == null) {
                            cell.setCellValue("brak danych");
                        } else {
                            cell.setCellValue(value.doubleValue());
                        }
                    }
                }
            });
            Sheet sources = wb.getSheet("Źródła danych");
            for (int r = 1; r <= sources.getLastRowNum(); r++) {
                String source = values.sources().get(sources.getRow(r).getCell(0).getStringCellValue());
                if (source != null) {
                    sources.getRow(r).getCell(2).setCellValue(source);
                }
            }
        });
    }

    private static byte[] change(byte[] xlsx, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook workbook = open(xlsx)) {
            change.accept(workbook);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static XSSFWorkbook open(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c)));
        return texts;
    }

    private static List<String> lines(UserError e) {
        return List.of(e.getMessage().split("\n")).stream().map(String::strip).toList();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = OzpsResourcesWorkbookTest.class.getResourceAsStream("/ozps/" + name)) {
            return in.readAllBytes();
        }
    }
}
