package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The "błąd:" line {@code runs} prints under a run that did not complete. */
class RunsCommandFailureLineTest {

    @Test
    void firstLineWithoutTheExceptionClassMaskedAndOnlyForUnfinishedRuns() {
        String stackTrace = "pl.mops.reports.system.UserError: Nie ma pliku zasobów /srv/mops/zasoby/zasoby-2025.yaml (ani .csv).\n"
                + "\tat pl.mops.reports.assessment.OzpsAssessmentService.resourcesFile(OzpsAssessmentService.java:120)\n";
        assertThat(RunsCommand.failure("FAILED", stackTrace))
                .isEqualTo("Nie ma pliku zasobów /srv/mops/zasoby/zasoby-2025.yaml (ani .csv).");
        assertThat(RunsCommand.failure("FAILED", "java.lang.IllegalStateException: wiersz osoby 85031212345 zły\n\tat x"))
                .isEqualTo("wiersz osoby *********** zły");
        assertThat(RunsCommand.failure("STOPPED", "")).isNull();
        // a run stopped on request is not an error (its status says "zatrzymane"; the next start resumes it)
        assertThat(RunsCommand.failure("STOPPED", "org.springframework.batch.core.job.JobInterruptedException")).isNull();
        assertThat(RunsCommand.failure("STOPPING", "org.springframework.batch.core.job.JobInterruptedException")).isNull();
        assertThat(RunsCommand.failure("COMPLETED", "java.lang.RuntimeException: x")).isNull();
        assertThat(RunsCommand.failure("STARTED", "java.lang.RuntimeException: x")).isNull();
        assertThat(RunsCommand.failure("FAILED", "java.lang.RuntimeException: " + "a".repeat(400))).hasSize(301).endsWith("…");
    }
}
