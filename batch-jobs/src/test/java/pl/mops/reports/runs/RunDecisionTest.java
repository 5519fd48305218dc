package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import pl.mops.reports.system.UserError;

/** The one launch rule of the report jobs, on runs made up here (snapshot s, version v). */
class RunDecisionTest {

    record Params(long snapshot, long version) {
        static Params from(JobParameters p) {
            return new Params(p.getLong("s"), p.getLong("v"));
        }
    }

    private static long ids;

    private static JobExecution run(long snapshot, long version, BatchStatus status) {
        long id = ++ids;
        JobParameters parameters = new JobParametersBuilder().addLong("s", snapshot).addLong("v", version)
                .toJobParameters();
        JobExecution execution = new JobExecution(id, new JobInstance(id, "job"), parameters);
        execution.setStatus(status);
        execution.setCreateTime(LocalDateTime.of(2026, 1, 1, 0, 0));
        return execution;
    }

    private static RunDecision<Params> decision(long snapshot, RunDecision.Numbering numbering) {
        return new RunDecision<>(Params::from, p -> p.snapshot() == snapshot, Params::version, numbering,
                done -> done.map(p -> "policzona (wersja " + p.version() + ")").orElse("nie uruchamiana"));
    }

    @Test
    void theNewestCompletedRunOfTheSameInputsIsReused() {
        JobExecution v1 = run(1, 1, BatchStatus.COMPLETED);
        JobExecution v2 = run(1, 2, BatchStatus.COMPLETED);
        JobExecution v3 = run(2, 3, BatchStatus.COMPLETED);
        var d = decision(1, RunDecision.Numbering.ALL_RUNS).decide(List.of(v1, v2, v3), RunOptions.DEFAULT);
        assertThat(d.kind()).isEqualTo(RunDecision.Kind.REUSE);
        assertThat(d.previous()).isSameAs(v2);
    }

    @Test
    void aFailedNewestRunIsResumedEvenWhenAnOlderOneCompleted() {
        JobExecution v1 = run(1, 1, BatchStatus.COMPLETED);
        JobExecution v2 = run(1, 2, BatchStatus.FAILED);
        var d = decision(1, RunDecision.Numbering.ALL_RUNS).decide(List.of(v1, v2), RunOptions.DEFAULT);
        assertThat(d.kind()).isEqualTo(RunDecision.Kind.RESUME);
        assertThat(d.previousParameters()).isEqualTo(new Params(1, 2));
    }

    @Test
    void newInputsOrRerunGetTheNextNumberOfTheirScope() {
        List<JobExecution> runs = List.of(run(1, 1, BatchStatus.COMPLETED), run(2, 1, BatchStatus.COMPLETED),
                run(2, 2, BatchStatus.COMPLETED));
        // a new snapshot: versions count over every run of the period (3), run numbers within the same inputs (1)
        assertThat(decision(3, RunDecision.Numbering.ALL_RUNS).decide(runs, RunOptions.DEFAULT).nextNumber()).isEqualTo(3);
        assertThat(decision(3, RunDecision.Numbering.SAME_INPUTS).decide(runs, RunOptions.DEFAULT).nextNumber()).isEqualTo(1);
        var rerun = decision(1, RunDecision.Numbering.SAME_INPUTS).decide(runs, RunOptions.of(true));
        assertThat(rerun.kind()).isEqualTo(RunDecision.Kind.NEW);
        assertThat(rerun.nextNumber()).isEqualTo(2);
    }

    @Test
    void restartWithNothingToResumeIsRefusedWithTheJobsOwnMessage() {
        RunOptions restart = new RunOptions(false, true, false);
        assertThatThrownBy(() -> decision(1, RunDecision.Numbering.ALL_RUNS)
                .decide(List.of(run(1, 4, BatchStatus.COMPLETED)), restart))
                .isInstanceOf(UserError.class).hasMessage("policzona (wersja 4)")
                .extracting(e -> ((UserError) e).exitCode()).isEqualTo(2);
        assertThatThrownBy(() -> decision(1, RunDecision.Numbering.ALL_RUNS).decide(List.of(), restart))
                .hasMessage("nie uruchamiana");
        var resumed = decision(1, RunDecision.Numbering.ALL_RUNS)
                .decide(List.of(run(1, 4, BatchStatus.STOPPED)), restart);
        assertThat(resumed.kind()).isEqualTo(RunDecision.Kind.RESUME);
    }
}
