package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.ChildJvm;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CrashTestDatabases;

/**
 * SIGTERM during the first step of the monthly job (held by the test hook): the program says so, the step's
 * transaction ends (here: rolled back, nothing half-written), the job ends STOPPED before the next step, the process
 * exits; the next start resumes it and the files are byte for byte those of an uninterrupted run.
 */
class GracefulStopTest {

    @TempDir
    Path out;

    @Test
    void sigtermStopsTheJobAfterTheCurrentStepAndTheNextStartResumesIt() throws Exception {
        Path reference = CrashTestDatabases.reference().resolve("monthly");
        String url = CrashTestDatabases.fresh("crash_sigterm");

        ChildJvm child = ChildJvm.start(CrashTestDatabases.home(), url,
                Map.of("mops.test.wstrzymaj", "monthlyAggregation:1500"), CrashTestDatabases.run("monthly", out));
        child.awaitOutput("[test] wstrzymano przed krokiem monthlyAggregation", Duration.ofSeconds(60));
        child.terminate();
        int exit = child.awaitExit(Duration.ofSeconds(70));

        assertThat(exit).as(child.output()).isEqualTo(143); // 128 + SIGTERM
        assertThat(child.output()).contains("Otrzymano sygnał zakończenia: bieżący krok zadania zostanie dokończony "
                + "(zatwierdzony albo wycofany), zadanie zatrzymane; następne uruchomienie wznowi je.");
        assertThat(child.output()).contains("  … agregacja w bazie (GROUPING SETS): zatrzymane")
                .contains("Błąd: Statystyka za 2025-03 zatrzymana na żądanie (sygnał zakończenia). Ponowne "
                        + "uruchomienie (to samo polecenie albo z --restart) wznowi ją od nieukończonego kroku.")
                .doesNotContain("Szczegóły w dzienniku");
        assertThat(CrashTestDatabases.names(out)).isEmpty();
        assertThat(CrashTestDatabases.count("crash_sigterm",
                "SELECT count(*) FROM batch_job_execution WHERE status = 'STOPPED' AND end_time IS NOT NULL")).isEqualTo(1);
        // the stop came during the step: Spring Batch sees it when the step records its progress inside the step's
        // transaction, which then rolls back; the step is STOPPED, nothing of it is written, the resumed run redoes it
        assertThat(CrashTestDatabases.count("crash_sigterm",
                "SELECT count(*) FROM batch_step_execution WHERE step_name = 'monthlyAggregation' AND status = 'STOPPED'"))
                .isEqualTo(1);
        assertThat(CrashTestDatabases.count("crash_sigterm", "SELECT count(*) FROM monthly_stat")).isZero();

        CommandLineRun.Outcome resumed = CommandLineRun.launchOn(url, CrashTestDatabases.home(),
                CrashTestDatabases.run("monthly", out));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Uruchomienie nr " + CrashTestDatabases.firstReportExecution("crash_sigterm")
                + " jest zatrzymane — wznawiam od kroku: agregacja w bazie (GROUPING SETS).");
        CrashTestDatabases.assertSameFiles(reference, out);
    }
}
