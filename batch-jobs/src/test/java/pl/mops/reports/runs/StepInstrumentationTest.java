package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * A step that fails because the stop it was asked for reached it (the JDK refuses a shutdown hook while the JVM
 * shuts down; an interrupted channel) ends as stopped, not failed — only while a stop is requested, and only for such
 * failures; any other failure stays a failure.
 */
class StepInstrumentationTest {

    private final RunningExecutions running = new RunningExecutions();

    private Tasklet instrumented(Exception failure) {
        TaskletStep step = new TaskletStep("monthlyRendering");
        step.setTasklet((contribution, context) -> {
            throw failure;
        });
        return ((TaskletStep) new StepInstrumentation(running).postProcessAfterInitialization(step, "step"))
                .getTasklet();
    }

    private static StepExecution execution(BatchStatus jobStatus) {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        step.getJobExecution().setStatus(jobStatus);
        return step;
    }

    private static void run(Tasklet tasklet, StepExecution step) throws Exception {
        tasklet.execute(new StepContribution(step), new ChunkContext(new StepContext(step)));
    }

    @Test
    void aShutdownCasualtyDuringARequestedStopIsAStop() {
        Exception shutdown = new IOException("Nie udało się utworzyć pliku PDF",
                new IllegalStateException("Shutdown in progress"));
        assertThatThrownBy(() -> run(instrumented(shutdown), execution(BatchStatus.STOPPING)))
                .isInstanceOf(JobInterruptedException.class).hasCause(shutdown)
                .hasMessageContaining("przerwany przez zatrzymanie zadania");
        assertThatThrownBy(() -> run(instrumented(new ClosedByInterruptException()), execution(BatchStatus.STOPPING)))
                .isInstanceOf(JobInterruptedException.class);
    }

    @Test
    void withoutAStopRequestOrForAnotherFailureTheFailureStays() {
        Exception shutdown = new IllegalStateException("Shutdown in progress");
        assertThatThrownBy(() -> run(instrumented(shutdown), execution(BatchStatus.STARTED))).isSameAs(shutdown);
        Exception data = new IllegalStateException("brak kolumny kwota");
        assertThatThrownBy(() -> run(instrumented(data), execution(BatchStatus.STOPPING))).isSameAs(data);
    }

    @Test
    void theWholeProcessStoppingCountsAsARequestForEveryExecution() {
        running.requestStop();
        assertThat(running.stopRequestedFor(execution(BatchStatus.STARTED).getJobExecution())).isTrue();
    }

    @Test
    void aStopIsMarkedOnTheLiveExecutionForItsOwnThreadToRecord() {
        StepExecution step = execution(BatchStatus.STARTED);
        step.setStatus(BatchStatus.STARTED);
        step.getJobExecution().addStepExecution(step); // as the running job holds its step
        running.stepStarting(step.getJobExecution());
        assertThat(running.requestStop(step.getJobExecution().getId())).isTrue();
        // nothing written from this thread (no job repository here at all): the running thread's next write to the
        // repository sees the interruption and records STOPPED itself
        assertThat(step.getJobExecution().getStatus()).isEqualTo(BatchStatus.STOPPING);
        assertThat(step.isTerminateOnly()).isTrue();
        assertThat(running.stopRequestedFor(step.getJobExecution())).isTrue();
        assertThat(running.requestStop(step.getJobExecution().getId() + 1)).isFalse();
    }
}
