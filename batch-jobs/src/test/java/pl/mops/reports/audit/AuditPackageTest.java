package pl.mops.reports.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.assessment.OzpsTestFiles;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.mrpips03.Layout;
import pl.mops.reports.mrpips03.Layouts;
import pl.mops.reports.mrpips03.Measure;
import pl.mops.reports.mrpips03.Mrpips03Service;
import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.mrpips03.ReturnRepository;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.ReadableText;

/**
 * The auditors' package of the monthly statistics (fixture {@code statistics/monthly-small}, 2025-03) and of the
 * annual MRPiPS-03 return (fixture {@code mrpips03/podstawowy}, 2025-R). Both fixtures are copied with every
 * source id made unmistakable (F1 → RODZ7F1Q, P1 → OSOB7P1Q, D1 → DECY7D1Q) and a valid PESEL for every person,
 * so that the test can look for each of them in every file of the package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPackageTest extends DatabaseTest {

    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final ReturnPeriod YEAR = ReturnPeriod.parse("2025-R");

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    MonthlyStatisticsService monthly;
    @Autowired
    Mrpips03Service mrpips03;
    @Autowired
    ReturnRepository returns;
    @Autowired
    Layouts layouts;
    @Autowired
    PseudonymSecret secret;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OzpsAssessmentService ozps;

    final Set<String> personalData = new HashSet<>();
    Snapshot monthlySnapshot;
    MonthlyStatisticsService.Result monthlyRun;
    Mrpips03Service.Result returnRun;
    Path monthlyPackage;
    Path returnPackage;
    OzpsAssessmentService.Result ozpsRun;
    Path ozpsPackage;

    @BeforeAll
    void runBothJobs() throws Exception {
        Path work = Files.createTempDirectory("audit-fixtures");
        monthlySnapshot = loader.load(disguised(resource("/statistics/monthly-small"), work.resolve("monthly")),
                "test:audit-monthly").snapshot();
        monthlyRun = monthly.run(MARCH, monthlySnapshot.id(), work.resolve("out-monthly"), true, "test-audytor");
        monthlyPackage = packageOf(monthlyRun.files());

        Snapshot returnSnapshot = loader.load(disguised(resource("/mrpips03/podstawowy"), work.resolve("mrpips03")),
                "test:audit-mrpips03").snapshot();
        returnRun = mrpips03.run(YEAR, returnSnapshot.id(), "2025.1", work.resolve("out-mrpips03"), true, "test-audytor");
        returnPackage = packageOf(returnRun.files());

        Snapshot ozpsSnapshot = loader.load(disguised(resource("/ozps/trzy-lata"), work.resolve("ozps")),
                "test:audit-ozps").snapshot();
        Path resources = OzpsTestFiles.copyResource("zasoby-2025.yaml", Files.createDirectories(work.resolve("zasoby")));
        ozpsRun = ozps.run(2025, ozpsSnapshot.id(), resources, work.resolve("out-ozps"), true, "test-audytor");
        ozpsPackage = packageOf(ozpsRun.files());
    }

    @Test
    void theSessionsWorkTablesDoNotOutliveTheRuns() {
        // the MRPiPS-03 work tables and the lineage file's numbering are unlogged tables named _p<backend pid>
        // (database.SessionTables), dropped before each commit: after the three jobs and their packages none is left
        assertThat(jdbc.queryForList("SELECT relname FROM pg_class WHERE relpersistence = 'u' AND relname ~ '_p[0-9]+$'",
                String.class)).isEmpty();
    }

    @Test
    void monthlyPackageHasTheRunFilesTheImportSummaryTheLineageAndAManifestOfTheirHashes() throws Exception {
        assertThat(monthlyPackage.getFileName().toString()).isEqualTo(monthlyRun.parameters().baseFileName() + "-paczka.zip");
        Map<String, byte[]> entries = entries(monthlyPackage);
        String base = monthlyRun.parameters().baseFileName();
        // the lineage first (streamed into the zip while the files are rendered), then the run's files by name: the
        // wide CSVs of the 8 tables ("-" sorts before ".") before the long CSV; and the manifest, which needs every hash
        assertThat(entries.keySet()).containsExactly("pochodzenie.csv", "import-" + monthlySnapshot.id() + ".txt",
                base + "-tabela-T1.csv", base + "-tabela-T2.csv", base + "-tabela-T3.csv",
                base + "-tabela-T4.csv", base + "-tabela-T4N.csv", base + "-tabela-T5.csv", base + "-tabela-T6.csv",
                base + "-tabela-T7.csv", base + ".csv", base + ".pdf", base + ".xlsx",
                pl.mops.reports.statistics.YearToDateWorkbook.baseFileName(monthlyRun.parameters()) + ".xlsx",
                "manifest.json");
        for (WrittenFile file : monthlyRun.files()) {
            if (!file.path().equals(monthlyPackage)) {
                assertThat(entries.get(file.path().getFileName().toString())).isEqualTo(Files.readAllBytes(file.path()));
            }
        }
        Map<String, Object> manifest = manifest(entries);
        assertThat(manifest).containsEntry("format", "mops-paczka-audytora/1").containsEntry("zadanie", "monthlyStatistics")
                .containsEntry("uruchomil", "test-audytor").containsEntry("wersjaUkladu", null);
        assertThat((Map<String, Object>) manifest.get("parametry")).containsEntry("month", "2025-03")
                .containsEntry("snapshot", String.valueOf(monthlySnapshot.id())).containsKey("launchedBy")
                .containsEntry("outputDir", "out-monthly"); // the folder's name, not the installation's absolute path
        assertThat((Map<String, Object>) manifest.get("migawka")).containsEntry("odcisk", monthlySnapshot.fingerprint());
        assertThat((Map<String, Object>) manifest.get("program")).containsKeys("wersja", "commit");
        assertThat((String) manifest.get("start")).isNotBlank();
        assertThat((String) manifest.get("koniec")).isNotBlank();
        List<Map<String, Object>> files = (List<Map<String, Object>>) manifest.get("pliki");
        assertThat(files).hasSize(entries.size() - 1);
        assertThat(files).extracting(f -> (String) f.get("nazwa")).isSortedAccordingTo(java.util.Comparator.naturalOrder());
        for (Map<String, Object> file : files) {
            byte[] content = entries.get((String) file.get("nazwa"));
            assertThat(content).as((String) file.get("nazwa")).isNotNull();
            assertThat(((Number) file.get("rozmiar")).longValue()).isEqualTo(content.length);
            assertThat(file.get("sha256")).isEqualTo(AuditPackageWriter.sha256(content));
        }
        assertThat(new String(entries.get("import-" + monthlySnapshot.id() + ".txt"), StandardCharsets.UTF_8))
                .contains("Import danych — migawka nr " + monthlySnapshot.id());
        // recorded with the run's files, with the size and SHA-256 of the file as written
        assertThat(jdbc.queryForObject("SELECT count(*) FROM run_file WHERE path = ?", Long.class, monthlyPackage.toString()))
                .isEqualTo(1);
        byte[] written = Files.readAllBytes(monthlyPackage);
        assertThat(jdbc.queryForMap("SELECT size_bytes, sha256 FROM run_file WHERE path = ?", monthlyPackage.toString()))
                .containsEntry("size_bytes", (long) written.length)
                .containsEntry("sha256", AuditPackageWriter.sha256(written));
    }

    @Test
    void mrpips03PackageHasTheControlRuleReportAndTheLayoutVersion() throws Exception {
        Map<String, byte[]> entries = entries(returnPackage);
        assertThat(entries.keySet()).anyMatch(n -> n.endsWith("-kontrola.xlsx")).anyMatch(n -> n.endsWith("-kontrola.pdf"))
                .anyMatch(n -> n.endsWith(".xml")).contains("pochodzenie.csv", "manifest.json");
        Map<String, Object> manifest = manifest(entries);
        assertThat(manifest).containsEntry("zadanie", "mrpips03Return").containsEntry("wersjaUkladu", "2025.1");
        assertThat(PackageVerifier.verify(returnPackage).exitCode()).isZero();
    }

    @Test
    void packageBytesDependOnlyOnTheContentExceptForTheManifest() throws Exception {
        // the same entries in the same order with the same fixed entry time: rewriting the package from its
        // entries gives the same bytes
        Map<String, byte[]> entries = entries(monthlyPackage);
        assertThat(zipOf(entries)).isEqualTo(Files.readAllBytes(monthlyPackage));
    }

    @Test
    void verifyAcceptsAnIntactPackage() {
        PackageVerifier.Outcome outcome = PackageVerifier.verify(monthlyPackage);
        assertThat(outcome.exitCode()).isZero();
        // import summary, lineage, XLSX, PDF, the long CSV, the 8 tables' wide CSVs and the year's workbook
        assertThat(outcome.lines()).containsExactly("Paczka nienaruszona: 14 plików zgodnych z manifestem.");
    }

    @Test
    void verifyNamesAChangedFile() throws Exception {
        Map<String, byte[]> entries = entries(monthlyPackage);
        String csv = monthlyRun.parameters().baseFileName() + ".csv";
        byte[] changed = entries.get(csv).clone();
        changed[changed.length / 2] ^= 1;
        entries.put(csv, changed);
        PackageVerifier.Outcome outcome = PackageVerifier.verify(write(entries, "zmieniony"));
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.lines()).hasSize(2);
        assertThat(outcome.lines().get(1)).contains("Zmieniony: plik " + csv).contains("SHA-256");
    }

    @Test
    void verifyNamesAnAddedFile() throws Exception {
        Map<String, byte[]> entries = entries(monthlyPackage);
        entries.put("dopisany.txt", "nic".getBytes(StandardCharsets.UTF_8));
        PackageVerifier.Outcome outcome = PackageVerifier.verify(write(entries, "dodany"));
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.lines()).anyMatch(l -> l.contains("Dodany: plik dopisany.txt nie występuje w manifeście."));
    }

    @Test
    void verifyNamesARemovedFile() throws Exception {
        Map<String, byte[]> entries = entries(monthlyPackage);
        entries.remove("pochodzenie.csv");
        PackageVerifier.Outcome outcome = PackageVerifier.verify(write(entries, "usuniety"));
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.lines()).anyMatch(l -> l.contains("Usunięty: plik pochodzenie.csv jest w manifeście"));
    }

    @Test
    void verifyRejectsWhatIsNotAPackage() throws Exception {
        Path notZip = Files.writeString(Files.createTempDirectory("verify").resolve("x.zip"), "to nie zip");
        assertThat(PackageVerifier.verify(notZip).exitCode()).isEqualTo(2);
        assertThat(PackageVerifier.verify(notZip).lines().get(0)).contains("nie jest poprawny plik ZIP");
        Map<String, byte[]> entries = entries(monthlyPackage);
        entries.remove("manifest.json");
        PackageVerifier.Outcome outcome = PackageVerifier.verify(write(entries, "bez-manifestu"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.lines().get(0)).contains("nie zawiera pliku manifest.json");
        assertThat(PackageVerifier.verify(notZip.resolveSibling("brak.zip")).exitCode()).isEqualTo(2);
    }

    @Test
    void monthlyLineageHasOneDistinctPseudonymPerCountedFamily() throws Exception {
        Map<String, List<String[]>> byCell = lineage(monthlyPackage);
        // hand-computed in MonthlyStatisticsJobTest: 4 families in III 2025, 2 in district I, 2 with UBOSTWO
        assertThat(distinct(byCell, "miesiac/miasto/rodziny")).hasSize(4);
        assertThat(distinct(byCell, "miesiac/dzielnica=I/rodziny")).hasSize(2);
        assertThat(distinct(byCell, "miesiac/powod=UBOSTWO/rodziny")).hasSize(2);
        assertThat(distinct(byCell, "narastajaco/miasto/rodziny")).hasSize(4);
        // III 2024: only F1 (S14); UBOSTWO in district I in III 2025: F1 only (F3 lives in II)
        assertThat(distinct(byCell, "miesiac_rok_wczesniej/miasto/rodziny")).hasSize(1);
        assertThat(distinct(byCell, "miesiac=2024-03/miasto/rodziny"))
                .isEqualTo(distinct(byCell, "miesiac_rok_wczesniej/miasto/rodziny"));
        assertThat(distinct(byCell, "miesiac/powod=UBOSTWO/dzielnica=I/rodziny")).hasSize(1);
        assertThat(distinct(byCell, "miesiac=2025-03/miasto/rodziny")).isEqualTo(distinct(byCell, "miesiac/miasto/rodziny"));
        // every family count the report shows (tables 1–4 and 6) agrees with the stored aggregate of the run,
        // and the lineage has no other cells
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("""
                SELECT CASE WHEN period_code = 'M' THEN 'miesiac' WHEN period_code = 'YTD' THEN 'narastajaco'
                            WHEN period_code = 'M_PY' THEN 'miesiac_rok_wczesniej'
                            WHEN period_code = 'YTD_PY' THEN 'narastajaco_rok_wczesniej'
                            WHEN period_code LIKE 'T%' THEN 'miesiac=2025-' || substr(period_code, 2)
                            ELSE 'miesiac=2024-' || substr(period_code, 2) END || '/' ||
                       CASE grouping_set WHEN 'CITY' THEN 'miasto' WHEN 'DISTRICT' THEN 'dzielnica=' || district
                            WHEN 'BRANCH' THEN 'filia=' || branch WHEN 'FORM' THEN 'forma=' || form
                            WHEN 'REASON' THEN 'powod=' || reason
                            ELSE 'powod=' || reason || '/dzielnica=' || district END || '/rodziny', families
                  FROM monthly_stat
                 WHERE job_instance_id = ? AND families > 0
                   AND (grouping_set = 'CITY'
                        OR period_code IN ('M', 'YTD') AND grouping_set IN ('DISTRICT', 'BRANCH', 'FORM', 'REASON',
                                                                            'REASON_DISTRICT'))""",
                rs -> { stored.put(rs.getString(1), rs.getLong(2)); }, monthlyRun.jobInstanceId());
        assertThat(stored).containsKeys("miesiac_rok_wczesniej/miasto/rodziny", "miesiac=2025-01/miasto/rodziny",
                "narastajaco_rok_wczesniej/miasto/rodziny", "miesiac/powod=UBOSTWO/dzielnica=I/rodziny");
        Map<String, Long> counted = byCell.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) distinct(byCell, e.getKey()).size()));
        assertThat(counted).isEqualTo(stored);
    }

    @Test
    void returnLineageMatchesEveryFamilyAndPersonCell() throws Exception {
        Map<String, List<String[]>> byCell = lineage(returnPackage);
        Layout layout = layouts.resolve("2025.1", 2025);
        Map<CellKey, BigDecimal> cells = returns.cells(returnRun.stored().id());
        int checked = 0;
        for (Map.Entry<CellKey, BigDecimal> cell : cells.entrySet()) {
            Measure measure = layout.section(cell.getKey().section()).orElseThrow().column(cell.getKey().column())
                    .orElseThrow().measure();
            if (measure != Measure.RODZINY && measure != Measure.OSOBY) {
                continue;
            }
            String key = cell.getKey().section() + "/" + cell.getKey().row() + "/" + cell.getKey().column();
            assertThat(distinct(byCell, key)).as(key).hasSize(cell.getValue().intValue());
            assertThat(byCell.getOrDefault(key, List.of())).as(key)
                    .allMatch(l -> l[1].equals(measure == Measure.RODZINY ? "rodzina" : "osoba"));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void ozpsPackageHasTheResourcesFileAsReadAndTheLineageOfEveryCountOfTables10x() throws Exception {
        Map<String, byte[]> entries = entries(ozpsPackage);
        String base = ozpsRun.parameters().baseFileName();
        assertThat(entries.keySet()).contains("manifest.json", "pochodzenie.csv", base + ".xlsx", base + ".pdf",
                base + "-wnioski.txt", "zasoby-2025.yaml");
        try (java.io.InputStream in = getClass().getResourceAsStream("/ozps/zasoby-2025.yaml")) {
            assertThat(entries.get("zasoby-2025.yaml")).isEqualTo(in.readAllBytes());
        }
        assertThat(manifest(entries)).containsEntry("zadanie", "ozpsAssessment");
        assertThat(PackageVerifier.verify(ozpsPackage).exitCode()).isZero();

        Map<String, List<String[]>> byCell = lineage(ozpsPackage);
        // by hand (ozps/README.md, 2023): realisations S01–S06 of F1, F2, F4, F6 to P01, P03, P04, P08, P11;
        // the only non-cash one is the meal S02 of P03
        assertThat(distinct(byCell, "2023/10.3/SWIADCZENIA/rodziny")).hasSize(4);
        assertThat(distinct(byCell, "2023/10.3/SWIADCZENIA/swiadczeniobiorcy")).hasSize(5);
        assertThat(distinct(byCell, "2023/10.6/OGOLEM/swiadczeniobiorcy")).hasSize(1);
        assertThat(byCell.get("2023/10.3/SWIADCZENIA/swiadczeniobiorcy")).allMatch(l -> l[1].equals("osoba"));
        // every family, recipient and refusal count stored by the run has exactly as many distinct pseudonyms
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("""
                SELECT year || '/' || table_code || '/' || row_code, families, recipients, decisions
                  FROM ozps_stat WHERE job_instance_id = ?""", rs -> {
            String cell = rs.getString(1);
            for (String[] measure : new String[][] {{"rodziny", "2"}, {"swiadczeniobiorcy", "3"}, {"decyzje", "4"}}) {
                long value = rs.getLong(Integer.parseInt(measure[1]));
                if (!rs.wasNull() && value > 0) {
                    stored.put(cell + "/" + measure[0], value);
                }
            }
        }, ozpsRun.jobInstanceId());
        Map<String, Long> counted = byCell.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) distinct(byCell, e.getKey()).size()));
        assertThat(stored).containsKeys("2025/10.8/OGOLEM/decyzje", "2024/10.4/OGOLEM/rodziny");
        assertThat(counted).isEqualTo(stored);
        assertThat(byCell.get("2025/10.8/OGOLEM/decyzje")).allMatch(l -> l[1].equals("decyzja") && l[2].startsWith("D-"));
    }

    @Test
    void pseudonymsAreTheKeyedHashOfTheIdAndChangeWithTheSecret() throws Exception {
        Set<String> city = distinct(lineage(monthlyPackage), "miesiac/miasto/rodziny");
        byte[] key = secret.key();
        Set<String> recomputed = Stream.of("F1", "F2", "F3", "F4")
                .map(f -> Pseudonyms.pseudonym(key, Pseudonyms.Kind.RODZINA, "RODZ7" + f + "Q")).collect(Collectors.toSet());
        assertThat(city).isEqualTo(recomputed).allMatch(p -> p.matches("R-[0-9a-f]{16}"));
        assertThat(secret.key()).isEqualTo(key);
        byte[] other = new PseudonymSecret(Files.createTempDirectory("other-home").resolve(PseudonymSecret.FILE_NAME)).key();
        assertThat(other).isNotEqualTo(key);
        assertThat(Pseudonyms.pseudonym(other, Pseudonyms.Kind.RODZINA, "RODZ7F1Q"))
                .isNotEqualTo(Pseudonyms.pseudonym(key, Pseudonyms.Kind.RODZINA, "RODZ7F1Q"));
    }

    @Test
    void noPeselNameOrSourceIdAppearsInThePackages() throws Exception {
        assertThat(personalData).hasSizeGreaterThan(40);
        for (Path zip : List.of(monthlyPackage, returnPackage, ozpsPackage)) {
            for (Map.Entry<String, byte[]> entry : entries(zip).entrySet()) {
                String text = ReadableText.of(entry.getKey(), entry.getValue());
                for (String value : personalData) {
                    assertThat(text).as("%s in %s of %s", value, entry.getKey(), zip.getFileName()).doesNotContain(value);
                }
            }
        }
        try (Stream<Path> files = Files.walk(home())) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                String text = Files.readString(log);
                personalData.forEach(value -> assertThat(text).as("%s in %s", value, log).doesNotContain(value));
            }
        }
    }

    // ---- helpers

    /** copies a fixture with unmistakable ids and valid PESELs, remembering both */
    private Path disguised(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> header = List.of(lines.get(0).split(";", -1));
                List<String> out = new ArrayList<>();
                out.add(lines.get(0));
                for (int i = 1; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    String[] fields = lines.get(i).split(";", -1);
                    for (int c = 0; c < fields.length && c < header.size(); c++) {
                        UnaryOperator<String> disguise = switch (header.get(c)) {
                            case "rodzina_id" -> v -> "RODZ7" + v + "Q";
                            case "osoba_id" -> v -> "OSOB7" + v + "Q";
                            case "decyzja_id" -> v -> "DECY7" + v + "Q";
                            default -> null;
                        };
                        if (disguise != null && !fields[c].isEmpty()) {
                            fields[c] = disguise.apply(fields[c]);
                            personalData.add(fields[c]);
                        }
                    }
                    if (file.getFileName().toString().equals("osoby.csv")) {
                        fields[1] = pesel(LocalDate.parse(fields[2]), fields[3].charAt(0), i);
                        personalData.add(fields[1]);
                    }
                    out.add(String.join(";", fields));
                }
                Files.write(target.resolve(file.getFileName()), out, StandardCharsets.UTF_8);
            }
        }
        return target;
    }

    static String pesel(LocalDate birth, char sex, int serial) {
        int month = birth.getMonthValue() + (birth.getYear() >= 2000 ? 20 : 0);
        int sexDigit = (serial % 5) * 2 + (sex == 'M' ? 1 : 0);
        String digits = String.format("%02d%02d%02d%03d%d", birth.getYear() % 100, month, birth.getDayOfMonth(),
                700 + serial % 300, sexDigit);
        int[] weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return digits + (10 - sum % 10) % 10;
    }

    private static Path resource(String name) throws Exception {
        return Path.of(AuditPackageTest.class.getResource(name).toURI());
    }

    private static Path packageOf(List<WrittenFile> files) {
        return files.stream().map(WrittenFile::path).filter(p -> p.toString().endsWith("-paczka.zip")).findFirst()
                .orElseThrow(() -> new AssertionError("no package in " + files));
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zipOf(Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(AuditPackageWriter.COMPRESSION_LEVEL);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry e = new ZipEntry(entry.getKey());
                e.setTimeLocal(AuditPackageWriter.ENTRY_TIME);
                zip.putNextEntry(e);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Path write(Map<String, byte[]> entries, String name) throws IOException {
        Path target = Files.createTempDirectory("verify").resolve(name + "-paczka.zip");
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(zipOf(entries));
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifest(Map<String, byte[]> entries) {
        return (Map<String, Object>) Json.parse(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
    }

    /** lines of pochodzenie.csv by cell; also checks the BOM, the header and the order */
    private static Map<String, List<String[]>> lineage(Path zip) throws IOException {
        byte[] bytes = entries(zip).get("pochodzenie.csv");
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("komorka;rodzaj;pseudonim");
        List<String> data = lines.subList(1, lines.size());
        assertThat(data).isSortedAccordingTo((a, b) -> {
            String[] x = a.split(";");
            String[] y = b.split(";");
            int c = compareBytes(x[0], y[0]);
            c = c != 0 ? c : x[1].compareTo(y[1]);
            return c != 0 ? c : x[2].compareTo(y[2]);
        });
        Map<String, List<String[]>> byCell = new LinkedHashMap<>();
        for (String line : data) {
            String[] fields = line.split(";");
            assertThat(fields).hasSize(3);
            byCell.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(fields);
        }
        return byCell;
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> distinct(Map<String, List<String[]>> byCell, String cell) {
        return byCell.getOrDefault(cell, List.of()).stream().map(l -> l[2]).collect(Collectors.toSet());
    }
}
