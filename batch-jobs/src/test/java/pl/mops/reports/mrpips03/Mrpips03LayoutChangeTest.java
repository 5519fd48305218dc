package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.mrpips03.Mrpips03Fixtures.assertRow;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.support.DatabaseTest;

/**
 * The layout is data: the packaged layout file, changed only as data (a new "w tym" row of section 1B that
 * filters on an existing attribute, rows renumbered) and saved as a user's layout under
 * {@code $MOPS_HOME/report-templates/mrpips03/}, changes the return without any change of code. The
 * hand-made set is moved to 2013 so that this test has its own series of returns.
 */
class Mrpips03LayoutChangeTest extends DatabaseTest {

    private static final ReturnPeriod P = ReturnPeriod.parse("2013-P");

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    Mrpips03Service service;
    @Autowired
    Submissions submissions;
    @Autowired
    ReturnRepository returns;
    @Autowired
    Layouts layouts;

    @TempDir
    Path temp;

    private Path userLayout;

    @AfterEach
    void removeUserLayout() throws Exception {
        if (userLayout != null) {
            Files.deleteIfExists(userLayout);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExtraRowAndNewNumbersChangeTheOutputWithoutCode() throws Exception {
        Snapshot snapshot = loader.load(Mrpips03Fixtures.shifted("podstawowy", -12, temp.resolve("d")),
                "test:mrpips03-uklad").snapshot();
        Mrpips03Service.Result standard = service.run(P, snapshot.id(), "2025.1", temp.resolve("std"), false, "test");
        submissions.submit(P, null, false, "test"); // the return as sent: what follows is a correction of it

        Map<String, Object> document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("report-templates/mrpips03/2025.1.yaml")) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        document.put("wersja", "TEST.1");
        document.put("rok_od", 2013);
        Map<String, Object> section1b = ((List<Map<String, Object>>) document.get("dzialy")).get(1);
        assertThat(section1b.get("kod")).isEqualTo("1B");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) section1b.get("wiersze");
        int afterTargeted = rows.indexOf(rows.stream().filter(r -> r.get("kod").equals("ZASILEK_CELOWY_NIEZALEZNIE_OD_DOCHODU"))
                .findFirst().orElseThrow()) + 1;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("kod", "ZASILEK_CELOWY_NA_WSI");
        extra.put("nr", "x");
        extra.put("nadrzedny", "ZASILEK_CELOWY");
        extra.put("nazwa", "w tym: dla rodzin na wsi");
        extra.put("warunek", Map.of("forma", "ZASILEK_CELOWY", "wies", true));
        rows.add(afterTargeted, extra);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("nr", String.valueOf(101 + i));
        }
        DumperOptions options = new DumperOptions();
        options.setAllowUnicode(true);
        userLayout = home().resolve("report-templates/mrpips03/test-uklad.yaml");
        Files.createDirectories(userLayout.getParent());
        Files.writeString(userLayout, new Yaml(options).dump(document), StandardCharsets.UTF_8);

        Layout changed = layouts.resolve("TEST.1", P.year());
        Mrpips03Service.Result result = service.run(P, snapshot.id(), "TEST.1", temp.resolve("test"), false, "test");
        Map<CellKey, java.math.BigDecimal> cells = returns.cells(result.stored().id());

        // S312, F3's credited ticket (120.00 on 30 VI), is the only special-purpose allowance of a rural family
        assertRow(cells, changed, "1B", "ZASILEK_CELOWY_NA_WSI", "1 1 120.00 1 6");
        assertRow(cells, changed, "1B", "ZASILEK_CELOWY", "3 3 670.50 3 12");
        assertThat(result.cells()).isEqualTo(standard.cells() + 5);
        // the control rules apply to the new row as data too: w tym (5 columns) and the three column rules of 1B
        assertThat(result.stored().checksTotal()).isEqualTo(standard.stored().checksTotal() + 5 + 3);
        assertThat(result.stored().readyToSend()).isTrue();
        // another layout for a period already submitted is a correction: only the new row's cells are new
        assertThat(result.stored().correction()).isEqualTo(1);

        String xml = Files.readString(Mrpips03ReturnTest.file(result, "mrpips03-2013-P-k1.xml"), StandardCharsets.UTF_8);
        assertThat(xml).contains("wersja=\"TEST.1\"", "<wiersz kod=\"OGOLEM_1B\" nr=\"101\">",
                "<wiersz kod=\"ZASILEK_STALY\" nr=\"102\">", "<wiersz kod=\"ZASILEK_CELOWY_NA_WSI\" nr=\"116\">",
                "<wiersz kod=\"SKLADKA_ZDROWOTNA\" nr=\"135\">");
        assertThat(Files.readString(Mrpips03ReturnTest.file(standard, "mrpips03-2013-P.xml"), StandardCharsets.UTF_8))
                .contains("<wiersz kod=\"ZASILEK_STALY\" nr=\"2\">").doesNotContain("ZASILEK_CELOWY_NA_WSI");
        try (InputStream in = Files.newInputStream(Mrpips03ReturnTest.file(result, "mrpips03-2013-P-k1.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var row = Mrpips03ReturnTest.rowLabelled(workbook.getSheet("Dział 1B"), "116. w tym: dla rodzin na wsi");
            assertThat(Mrpips03ReturnTest.numbers(row, 5)).containsExactly(1.0, 1.0, 120.0, 1.0, 6.0);
            assertThat(row.getCell(0).getCellStyle().getIndention()).isPositive();
        }
        try (InputStream in = Files.newInputStream(Mrpips03ReturnTest.file(result, "mrpips03-2013-P-k1-zmiany.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var sheet = workbook.getSheet("Zmiany");
            List<String> changedCells = new java.util.ArrayList<>();
            for (var row : sheet) {
                if (row.getRowNum() > 2 && row.getCell(2) != null
                        && row.getCell(2).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    changedCells.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(changedCells).allMatch(label -> label.startsWith("1B/ZASILEK_CELOWY_NA_WSI (w. 116)/"));
            assertThat(changedCells).hasSize(5); // renumbering changes no value; the new row's 5 cells are new
        }
    }
}
