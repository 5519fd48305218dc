package pl.mops.reports.runs;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import pl.mops.reports.runs.TestInterruptions.Point;

/**
 * Instruments every tasklet step of every job in one place: registers the running execution for a graceful stop
 * ({@link RunningExecutions}) and places the test-only interruption points ({@link TestInterruptions}): before the
 * step's work, after it inside the step's transaction, and after the commit (the step already recorded as done).
 * A step that fails because the stop it was asked for reached it (see {@link StopCasualty}) ends STOPPED, not FAILED.
 */
@Component
public class StepInstrumentation implements BeanPostProcessor {

    private final RunningExecutions running;

    public StepInstrumentation(RunningExecutions running) {
        this.running = running;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof TaskletStep step) {
            String stepName = step.getName();
            Tasklet work = step.getTasklet();
            step.setTasklet((contribution, chunkContext) -> {
                RepeatStatus status;
                try {
                    status = work.execute(contribution, chunkContext);
                } catch (Exception e) {
                    StepExecution execution = chunkContext.getStepContext().getStepExecution();
                    if (running.stopRequestedFor(execution.getJobExecution()) && StopCasualty.isCausedByStop(e)) {
                        throw StopCasualty.interrupted(stepName, e);
                    }
                    throw e;
                }
                TestInterruptions.at(stepName, Point.BEFORE_COMMIT);
                return status;
            });
            step.registerStepExecutionListener(new StepExecutionListener() {
                @Override
                public void beforeStep(StepExecution execution) {
                    running.stepStarting(execution.getJobExecution());
                    TestInterruptions.at(stepName, Point.BEFORE_WORK);
                }

                @Override
                public ExitStatus afterStep(StepExecution execution) {
                    if (!execution.getStatus().isUnsuccessful()) {
                        TestInterruptions.at(stepName, Point.AFTER_COMMIT);
                    }
                    return execution.getExitStatus();
                }
            });
        }
        return bean;
    }
}
