package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pl.mops.reports.support.ChildJvm;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CrashTestDatabases;

/**
 * The kill matrix: a job killed (the test hook halts its JVM like kill -9) before a step's work, after the work
 * inside the step's transaction, or after the commit (the step recorded as done, the next one not started; after the
 * last step: the job not yet recorded as done). After the kill: no
 * temporary or partial file where users pick files up (any file already there is a complete final file, equal to
 * the uninterrupted run's), and no rows of an uncommitted step. Then {@code run … --restart} in a new process finds
 * the run abandoned (its process is dead: nobody holds the job's lock), says so, resumes it from the first unfinished
 * step,
 * and every file is byte for byte the uninterrupted run's.
 */
class CrashRecoveryMatrixTest {

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
            "monthly,  monthlyAggregation, przed,                monthly_stat, monthlyAggregation",
            "monthly,  monthlyAggregation, przed-zatwierdzeniem, monthly_stat, monthlyAggregation",
            "monthly,  monthlyAggregation, po-zatwierdzeniu,     ,             monthlyRendering",
            "monthly,  monthlyRendering,   przed,                run_file, monthlyRendering",
            "monthly,  monthlyRendering,   przed-zatwierdzeniem, run_file, monthlyRendering",
            "monthly,  monthlyRendering,   po-zatwierdzeniu,     ,             ",
            "mrpips03, mrpips03Cells,      po-zatwierdzeniu,     ,             mrpips03Checks",
            "mrpips03, mrpips03Checks,     przed-zatwierdzeniem, mrpips03_rule_result, mrpips03Checks",
            "mrpips03, mrpips03Files,      przed-zatwierdzeniem, run_file, mrpips03Files",
            "ozps,     ozpsResources,      po-zatwierdzeniu,     ,             ozpsAggregation",
            "ozps,     ozpsAggregation,    przed-zatwierdzeniem, ozps_stat, ozpsAggregation",
            "ozps,     ozpsRendering,      przed,                run_file, ozpsRendering",
    })
    void killedJobResumesWithIdenticalFiles(String job, String step, String point, String tableWithoutRows,
                                            String resumedStep) throws Exception {
        Path reference = CrashTestDatabases.reference().resolve(job);
        String database = ("crash_" + step + "_" + point).toLowerCase().replace('-', '_');
        String url = CrashTestDatabases.fresh(database);

        ChildJvm killed = ChildJvm.start(CrashTestDatabases.home(), url, Map.of("mops.test.przerwij", step + ":" + point),
                CrashTestDatabases.run(job, out));
        assertThat(killed.awaitExit(Duration.ofSeconds(90))).as(killed.output()).isEqualTo(137);
        assertThat(killed.output()).contains("[test] przerwanie procesu w kroku " + step + " (" + point + ")");

        for (String name : CrashTestDatabases.names(out)) {
            assertThat(name).as("no temporary file is left").doesNotStartWith(".");
            if (!name.endsWith(".zip")) {
                assertThat(Files.readAllBytes(out.resolve(name))).as("a file left by the killed run is complete: " + name)
                        .isEqualTo(Files.readAllBytes(reference.resolve(name)));
            }
        }
        if (tableWithoutRows != null) {
            // (run_file also lists the files of the template's import, a job of its own: those are not the killed step's)
            assertThat(CrashTestDatabases.count(database, "SELECT count(*) FROM " + tableWithoutRows + " t"
                    + (tableWithoutRows.equals("run_file") ? " WHERE t.job_execution_id >= "
                    + CrashTestDatabases.firstReportExecution(database) : "")))
                    .as("the killed step's uncommitted rows").isZero();
        }

        CommandLineRun.Outcome resumed = CommandLineRun.launchOn(url, CrashTestDatabases.home(),
                CrashTestDatabases.run(job, out, "--restart"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Poprzednie uruchomienie nr " + CrashTestDatabases.firstReportExecution(database)
                + " zostało przerwane (proces nie żyje) — "
                + (resumedStep == null ? "wszystkie kroki były już ukończone — kończę je."
                        : "wznawiam od kroku: " + StepDescriptions.describe(resumedStep) + "."));
        for (String name : CrashTestDatabases.names(reference)) {
            assertThat(resumed.out()).as("the files of the run are listed").contains(out.resolve(name).toString());
        }
        CrashTestDatabases.assertSameFiles(reference, out);
        assertThat(CrashTestDatabases.count(database,
                CrashTestDatabases.reportExecutions("e.status = 'FAILED' AND e.end_time IS NOT NULL")))
                .as("the abandoned execution is marked FAILED").isEqualTo(1);
        assertThat(CrashTestDatabases.count(database,
                CrashTestDatabases.reportExecutions("e.status = 'COMPLETED'"))).isEqualTo(1);
        assertThat(CrashTestDatabases.count(database,
                "SELECT count(*) FROM batch_step_execution WHERE status IN ('STARTED', 'STARTING')"))
                .as("no step is left marked running").isZero();
    }
}
