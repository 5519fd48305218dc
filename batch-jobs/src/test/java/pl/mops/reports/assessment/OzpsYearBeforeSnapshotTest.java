package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.assessment.OzpsTestFiles.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.assessment.OzpsFigures.Measure;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.DatabaseTest;

/**
 * The variant {@code ozps/bez-2023} with one refusal issued in 2023 — as a real export holds decisions issued before
 * the first realisation it carries. 2023 is still "brak danych" (the snapshot's realisations start in 2024), but the
 * first page says the snapshot does not cover 2023 instead of denying that it holds any decision of 2023.
 */
class OzpsYearBeforeSnapshotTest extends DatabaseTest {

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    OzpsAssessmentService service;
    @Autowired
    OzpsRepository repository;

    @Test
    void aYearBeforeTheSnapshotsRealisationsIsNotCoveredRatherThanEmpty() throws Exception {
        Path work = Files.createTempDirectory("ozps-rok-przed-migawka");
        Path fixture = Files.createDirectories(work.resolve("dane"));
        try (var files = Files.list(Path.of(getClass().getResource("/ozps/bez-2023").toURI()))) {
            for (Path source : files.toList()) {
                Files.copy(source, fixture.resolve(source.getFileName().toString()));
            }
        }
        Files.writeString(fixture.resolve("decyzje.csv"), "D90;F1;P01;2023-06-01;ODMOWA;UBOSTWO\n",
                StandardOpenOption.APPEND);
        long snapshotId = loader.load(fixture, "test:ozps-rok-przed-migawka").snapshot().id();
        Path resources = OzpsTestFiles.copyResource("zasoby-2025.yaml", work);

        OzpsAssessmentService.Result result = service.run(2025, snapshotId, resources, work.resolve("out"), false, "test");

        OzpsFigures figures = repository.loadFigures(result.jobInstanceId());
        assertThat(figures.hasData(2023)).as("a decision is dated in 2023").isTrue();
        String pdf = OzpsTestFiles.pdfText(file(result.files(), ".pdf"));
        assertThat(pdf).contains("Migawka nie obejmuje roku 2023", "brak danych")
                .doesNotContain("decyzjach ani pracy socjalnej za rok 2023");
        assertThat(figures.value("10.3", "OBJETE_POMOCA", 2025, Measure.FAMILIES)).isEqualByComparingTo("7");
    }
}
