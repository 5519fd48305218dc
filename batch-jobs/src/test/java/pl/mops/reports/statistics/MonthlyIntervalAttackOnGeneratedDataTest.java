package pl.mops.reports.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.database.Dictionaries;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.publication.DocumentProtector;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.Renderers;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.IntervalAttack;
import pl.mops.reports.support.PublicationJudge;
import pl.mops.reports.support.PublishedWorkbook;

/**
 * The check on generated data: data sets of 600 and 2 500 families (the generator of {@code generate}), the
 * monthly statistics of November 2025 published with threshold 3 (600 families; the run's own profile, configured) and
 * 5 (2 500 families; the same document protected with {@code DocumentProtector(5, 20)}, rendered to XLSX), and the independent attacker
 * ({@link MonthlyAttack}) on the published XLSX: no {@code <T} (or small {@code x}) with a single possible value, no
 * value of a small group narrower than ±20 %. Positive control: the same attacker on the same workbook with every
 * {@code x} revealed (the primary marks alone, as before secondary suppression) does find pinned cells.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyIntervalAttackOnGeneratedDataTest extends DatabaseTest {

    private static final YearMonth MONTH = YearMonth.of(2025, 11);

    @Autowired
    SyntheticDataGenerator generator;
    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    MonthlyStatisticsService service;
    @Autowired
    MonthlyReportAssembler assembler;
    @Autowired
    Dictionaries dictionaries;
    @Autowired
    ReportFileWriter writer;
    @Autowired
    Renderers renderers;

    private final Map<Integer, MonthlyStatisticsService.Result> fullRuns = new LinkedHashMap<>();
    private final Map<Integer, Long> snapshots = new LinkedHashMap<>();

    @BeforeAll
    void generateAndLoad() throws Exception {
        for (int[] set : new int[][] {{600, 21}, {2_500, 22}}) {
            Path dir = Files.createTempDirectory("gen-" + set[0]);
            generator.writeCsv(new GeneratorSettings(set[0], 2, set[1], YearMonth.of(2025, 12)), dir);
            long snapshot = loader.load(dir, "test:generated-" + set[0]).snapshot().id();
            snapshots.put(set[0], snapshot);
            fullRuns.put(set[0], service.run(MONTH, snapshot, Files.createTempDirectory("full"), false, "test"));
        }
    }

    @ParameterizedTest(name = "{0} families, threshold {1}")
    @CsvSource({"600, 3", "2500, 5"}) // the attacker's dense simplex takes about a minute per workbook
    void attackerFindsNothingNarrowerThanAllowed(int families, int threshold) throws Exception {
        MonthlyStatisticsService.Result full = fullRuns.get(families);
        PublishedWorkbook fullBook = new PublishedWorkbook(file(full.files(), ".xlsx"));
        PublishedWorkbook published = new PublishedWorkbook(published(families, threshold));

        IntervalAttack attack = MonthlyAttack.build(published, threshold);
        PublicationJudge.Verdict verdict = PublicationJudge.judge(published, fullBook, attack, threshold, 20,
                MonthlyAttack.LAYOUT);

        assertThat(verdict.violations()).as("hidden cells a reader can pin down or narrow").isEmpty();
        assertThat(verdict.smallCells()).isGreaterThan(20);
        assertThat(verdict.tiedCells()).isGreaterThan(5);

        if (families == 600 && threshold == 3) { // positive control: the primary marks alone give cells away
            PublishedWorkbook primaryOnly = PublishedWorkbook.revealing(published, fullBook, "x");
            PublicationJudge.Verdict weak = PublicationJudge.judge(primaryOnly, fullBook,
                    MonthlyAttack.build(primaryOnly, threshold), threshold, 20, MonthlyAttack.LAYOUT);
            assertThat(weak.violations()).as("pinned <3 cells without secondary suppression").isNotEmpty();
        }
    }

    /** the published XLSX: the configured run for threshold 3, the same document protected with another threshold */
    private Path published(int families, int threshold) throws Exception {
        if (threshold == 3) {
            MonthlyStatisticsService.Result run = service.run(MONTH, snapshots.get(families),
                    Files.createTempDirectory("pub"), false, "test", PublicationProfile.PUBLICATION);
            return file(run.files(), ".xlsx");
        }
        MonthlyStatisticsService.Result full = fullRuns.get(families);
        ReportDocument document = assembler.assemble(full.parameters(), full.jobInstanceId()).document();
        Map<String, String> branchOfDistrict = new LinkedHashMap<>();
        dictionaries.districts().forEach(d -> branchOfDistrict.put(d.code(), d.branch()));
        ReportDocument protectedDocument = new DocumentProtector(threshold, 20)
                .protect(document, new MonthlyProtectionLayout(MONTH, branchOfDistrict)).document();
        List<WrittenFile> files = writer.write(protectedDocument, Files.createTempDirectory("pub" + threshold),
                "statystyka-prog-" + threshold, renderers.all().stream().filter(r -> r.extension().equals("xlsx")).toList());
        return files.get(0).path();
    }

    private static Path file(List<WrittenFile> files, String extension) {
        return files.stream().map(WrittenFile::path).filter(p -> p.toString().endsWith(extension)).findFirst()
                .orElseThrow();
    }
}
