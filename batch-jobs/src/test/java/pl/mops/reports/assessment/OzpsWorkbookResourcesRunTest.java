package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.assessment.OzpsTestFiles.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.assessment.resources.ResourcesFile;
import pl.mops.reports.assessment.resources.ResourcesReader;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.DatabaseTest;

/**
 * The assessment of 2025 on {@code ozps/trzy-lata} run twice: from {@code zasoby-2025.yaml} and from the workbook
 * {@code ozps template --xlsx} writes, filled with the same values (with POI, as a clerk would). The runs read the
 * same resources and give the same report; the workbook run's package holds the workbook as given and its YAML
 * reading.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzpsWorkbookResourcesRunTest extends DatabaseTest {

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    OzpsAssessmentService service;
    @Autowired
    OzpsRepository repository;
    @Autowired
    OzpsCommand command;

    Path work;
    byte[] xlsx;
    OzpsAssessmentService.Result fromYaml;
    OzpsAssessmentService.Result fromXlsx;

    @BeforeAll
    void runBoth() throws Exception {
        Path fixture = Path.of(getClass().getResource("/ozps/trzy-lata").toURI());
        long snapshotId = loader.load(fixture, "test:ozps-trzy-lata-xlsx").snapshot().id();
        work = Files.createTempDirectory("ozps-xlsx-test");
        Path yaml = OzpsTestFiles.copyResource("zasoby-2025.yaml", work);
        // a comment more: another file (SHA-256) with the same values, so that no other test's run of the fixture is reused
        Files.writeString(yaml, "# kopia do porównania ze skoroszytem\n", java.nio.file.StandardOpenOption.APPEND);
        ResourcesFile values = ResourcesReader.read(yaml, 2025);
        xlsx = OzpsResourcesWorkbookTest.filled(values);
        Path workbook = Files.write(work.resolve("zasoby-2025.xlsx"), xlsx);
        fromYaml = service.run(2025, snapshotId, yaml, work.resolve("z-yaml"), false, "test");
        fromXlsx = service.run(2025, snapshotId, workbook, work.resolve("z-xlsx"), false, "test");
    }

    @Test
    void bothRunsReadTheSameResources() {
        assertThat(fromYaml.reused()).isFalse();
        assertThat(fromXlsx.reused()).isFalse(); // another file: another run
        ResourcesFile a = repository.loadResources(fromYaml.jobInstanceId());
        ResourcesFile b = repository.loadResources(fromXlsx.jobInstanceId());
        assertThat(b.fileName()).isEqualTo("zasoby-2025.xlsx");
        assertThat(b.values()).isEqualTo(a.values());
        assertThat(b.sources()).isEqualTo(a.sources());
    }

    @Test
    void bothRunsGiveTheSameTablesCellByCell() throws Exception {
        Map<String, List<String>> a = tables(file(fromYaml.files(), ".xlsx"), "zasoby-2025.yaml");
        Map<String, List<String>> b = tables(file(fromXlsx.files(), ".xlsx"), "zasoby-2025.xlsx");
        assertThat(a).containsKeys("2 Demografia i rynek pracy", "6 Kadra", "7 Środki finansowe", "10.1 Kadra pracowników socj.");
        // the notes name the source in words, not the file read (the file is named in the technical appendix)
        assertThat(a.get("6 Kadra")).contains("Źródło: zestawienie zasobów jednostki.");
        assertThat(b).isEqualTo(a);
    }

    @Test
    void thePackageHoldsTheWorkbookAsGivenAndItsYamlReading() throws Exception {
        try (ZipFile zip = new ZipFile(file(fromXlsx.files(), "-paczka.zip").toFile())) {
            ZipEntry workbook = entry(zip, "zasoby-2025.xlsx");
            assertThat(zip.getInputStream(workbook).readAllBytes()).isEqualTo(xlsx);
            String reading = new String(zip.getInputStream(entry(zip, "zasoby-2025-odczyt.yaml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(reading).contains("rok: 2025\n", "  pracownicy_socjalni_etaty:\n    2023: 2.00\n    2024: 4.00\n"
                    + "    2025: 4.50\n", "  pracownicy_socjalni_osoby:\n    2023: 2\n");
            ResourcesFile again = ResourcesReader.parse(reading.getBytes(StandardCharsets.UTF_8), "zasoby-2025-odczyt.yaml",
                    2025);
            assertThat(again.values()).isEqualTo(ResourcesReader.parse(xlsx, "zasoby-2025.xlsx", 2025).values());
            assertThat(again.sources()).isEqualTo(repository.loadResources(fromXlsx.jobInstanceId()).sources());
        }
        try (ZipFile zip = new ZipFile(file(fromYaml.files(), "-paczka.zip").toFile())) {
            assertThat(Map.of("yaml", entry(zip, "zasoby-2025.yaml") != null)).containsEntry("yaml", true);
            assertThat(zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith("-odczyt.yaml"))).isEmpty();
        }
    }

    @Test
    void theTemplateCommandWritesTheWorkbookAndRefusesToOverwriteIt() throws Exception {
        Path target = work.resolve("szablon").resolve("zasoby-2025.xlsx");
        Path written = command.writeWorkbook(2025, target, null);
        assertThat(written).isEqualTo(target.toAbsolutePath().normalize());
        try (XSSFWorkbook workbook = OzpsTestFiles.workbook(written)) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Instrukcja");
            assertThat(workbook.getSheet("Kadra").getRow(2).getCell(5).getStringCellValue()).isEqualTo("2025");
        }
        byte[] first = Files.readAllBytes(written);
        Files.delete(written);
        assertThat(Files.readAllBytes(command.writeWorkbook(2025, target, null))).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> command.writeWorkbook(2025, target, null))
                .hasMessageContaining("już istnieje");
    }

    private static ZipEntry entry(ZipFile zip, String name) {
        return zip.stream().filter(e -> e.getName().equals(name) || e.getName().endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in the package"));
    }

    /** every sheet but "Opis" (which names the resources file), as formatted rows; the file's name as PLIK */
    private static Map<String, List<String>> tables(Path xlsx, String resourcesName) throws Exception {
        Map<String, List<String>> result = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = OzpsTestFiles.workbook(xlsx)) {
            for (Sheet sheet : workbook) {
                if (sheet.getSheetName().equals("Opis")) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(c -> cells.add(formatter.formatCellValue(c)));
                    rows.add(String.join(" | ", cells).replace(resourcesName, "PLIK"));
                }
                result.put(sheet.getSheetName(), rows);
            }
        }
        return result;
    }
}
