package pl.mops.reports.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.ClassicConstants;
import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.FailureTranslator;

/**
 * Around every job execution (registered on every job and step by {@link RunListenerRegistrar}): routes its log
 * events to its own file ({@link RunLog}), reports its start, each step's start and end and its end as
 * {@link RunProgress} to every {@link ProgressSink} (the command line's lines, the run's log, the web console), and
 * calls the {@link FailureNotifier} when it did not complete — whoever launched it (the scheduler or a user).
 */
@Component
public class RunListener implements JobExecutionListener, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunListener.class);

    private final MopsProperties properties;
    private final FailureNotifier notifier;
    private final ObjectProvider<ProgressSink> sinks;

    public RunListener(MopsProperties properties, FailureNotifier notifier, ObjectProvider<ProgressSink> sinks) {
        this.properties = properties;
        this.notifier = notifier;
        this.sinks = sinks;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        Path file = RunLog.file(properties.home(), execution).toAbsolutePath();
        MDC.put(RunLog.FILE_KEY, file.toString());
        report(execution, null, RunProgress.Phase.JOB_STARTED, BatchStatus.STARTED, Duration.ZERO, "");
    }

    @Override
    public void beforeStep(StepExecution step) {
        MDC.put(RunLog.STEP_KEY, step.getStepName());
        report(step.getJobExecution(), step.getStepName(), RunProgress.Phase.STEP_STARTED, BatchStatus.STARTED,
                Duration.ZERO, "");
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        report(step.getJobExecution(), step.getStepName(), RunProgress.Phase.STEP_FINISHED, step.getStatus(),
                since(step.getStartTime()), "");
        MDC.remove(RunLog.STEP_KEY);
        return step.getExitStatus();
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            LocalDateTime end = LocalDateTime.now();
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                report(execution, null, RunProgress.Phase.JOB_FINISHED, execution.getStatus(),
                        since(execution.getStartTime()), "");
            } else {
                String message = failureMessage(execution);
                report(execution, null, RunProgress.Phase.JOB_FINISHED, execution.getStatus(),
                        since(execution.getStartTime()), message);
                notifier.notify(new RunFailureReport(execution.getJobInstance().getJobName(),
                        JobNames.polishNameOf(execution.getJobInstance().getJobName()), parameters(execution),
                        execution.getStatus().toString(), message, execution.getId(),
                        execution.getJobParameters().getString("launchedBy", "?"), execution.getStartTime(), end,
                        MDC.get(RunLog.FILE_KEY)));
            }
        } finally {
            log.info(ClassicConstants.FINALIZE_SESSION_MARKER, "Dziennik przebiegu zamknięty.");
            MDC.remove(RunLog.STEP_KEY);
            MDC.remove(RunLog.FILE_KEY);
        }
    }

    /** one event to every sink; a sink that fails does not stop the run (it is logged) */
    private void report(JobExecution execution, String stepName, RunProgress.Phase phase, BatchStatus status,
                        Duration took, String message) {
        RunProgress progress = new RunProgress(execution.getId(), execution.getJobInstance().getJobName(),
                parameters(execution), execution.getJobParameters().getString("launchedBy", "?"), stepName, phase,
                status, took, LocalDateTime.now(), message);
        for (ProgressSink sink : sinks.orderedStream().toList()) {
            try {
                sink.accept(progress);
            } catch (RuntimeException e) {
                log.warn("Odbiorca postępu {} zgłosił błąd: {}", sink.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static Duration since(LocalDateTime start) {
        return start == null ? Duration.ZERO : Duration.between(start, LocalDateTime.now());
    }

    /** the identifying parameters, sorted: {@code month=2025-03, snapshot=4, version=1} */
    static String parameters(JobExecution execution) {
        return execution.getJobParameters().getIdentifyingParameters().stream()
                .sorted(Comparator.comparing(JobParameter::name))
                .map(p -> p.name() + "=" + p.value()).collect(Collectors.joining(", "));
    }

    private static String failureMessage(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().findFirst()
                .map(e -> FailureTranslator.toUserError(e).getMessage())
                .orElse("Zadanie zakończone ze statusem „" + PolishStatus.of(execution.getStatus()) + "”.");
    }

}
