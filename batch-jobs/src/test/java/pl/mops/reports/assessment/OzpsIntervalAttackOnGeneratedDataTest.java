package pl.mops.reports.assessment;

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

import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.publication.DocumentProtector;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.Renderers;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.IntervalAttack;
import pl.mops.reports.support.PublicationJudge;
import pl.mops.reports.support.PublishedWorkbook;

/**
 * The check on generated data for the assessment: 600 and 2 500 generated families over 2024–2025, the OZPS
 * of 2025 protected with thresholds 3 and 5 ({@code DocumentProtector(T, 20)} on the full run's document, as the
 * publication profile does), attacked by {@link OzpsAttack} on the published XLSX: no single-valued small count, no
 * value of a small group narrower than ±20 %. (The positive control of the shared attacker is in
 * {@code MonthlyIntervalAttackOnGeneratedDataTest}; here, with every {@code x} revealed, it found nothing to pin on the
 * 600-family set at threshold 5 — the small counts of these annual city tables are parts of covers, not of sums.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzpsIntervalAttackOnGeneratedDataTest extends DatabaseTest {

    @Autowired
    SyntheticDataGenerator generator;
    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    OzpsAssessmentService service;
    @Autowired
    OzpsReportAssembler assembler;
    @Autowired
    ReportFileWriter writer;
    @Autowired
    Renderers renderers;

    private final Map<Integer, OzpsAssessmentService.Result> fullRuns = new LinkedHashMap<>();
    private final Map<Integer, Long> snapshots = new LinkedHashMap<>();
    private Path resources;

    @BeforeAll
    void generateAndLoad() throws Exception {
        resources = OzpsTestFiles.copyResource("zasoby-2025.yaml", Files.createTempDirectory("ozps-gen"));
        for (int[] set : new int[][] {{600, 31}, {2_500, 32}}) {
            Path dir = Files.createTempDirectory("gen-" + set[0]);
            generator.writeCsv(new GeneratorSettings(set[0], 2, set[1], YearMonth.of(2025, 12)), dir);
            long snapshot = loader.load(dir, "test:ozps-generated-" + set[0]).snapshot().id();
            snapshots.put(set[0], snapshot);
            fullRuns.put(set[0], service.run(2025, snapshot, resources, Files.createTempDirectory("full"), false, "test"));
        }
    }

    @ParameterizedTest(name = "{0} families, threshold {1}")
    @CsvSource({"600, 3", "2500, 3", "600, 5", "2500, 5"})
    void attackerFindsNothingNarrowerThanAllowed(int families, int threshold) throws Exception {
        PublishedWorkbook fullBook = new PublishedWorkbook(OzpsTestFiles.file(fullRuns.get(families).files(), ".xlsx"));
        PublishedWorkbook published = new PublishedWorkbook(published(families, threshold));

        PublicationJudge.Verdict verdict = PublicationJudge.judge(published, fullBook,
                OzpsAttack.build(published, threshold), threshold, 20, OzpsAttack.LAYOUT);

        assertThat(verdict.violations()).as("hidden cells a reader can pin down or narrow").isEmpty();
        assertThat(verdict.smallCells()).isGreaterThan(5);

    }

    /**
     * The document of the full run protected as the publication profile does ({@link OzpsReportAssembler}), with the
     * given threshold, rendered to XLSX. (Not a publication run of the service: the test database is shared, and
     * another publication run of 2025 would number the files of {@link OzpsPublicationProfileTest} v2.)
     */
    private Path published(int families, int threshold) throws Exception {
        OzpsAssessmentService.Result full = fullRuns.get(families);
        OzpsData data = assembler.data(full.parameters(), full.jobInstanceId());
        ReportDocument document = new OzpsReportBuilder(data).build();
        ReportDocument protectedDocument = new DocumentProtector(threshold, 20)
                .protect(document, new OzpsProtectionLayout(data.observedYears)).document();
        List<WrittenFile> files = writer.write(protectedDocument, Files.createTempDirectory("pub" + threshold),
                "ozps-prog-" + threshold, renderers.all().stream().filter(r -> r.extension().equals("xlsx")).toList());
        return files.get(0).path();
    }
}
