package pl.mops.reports.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
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
import pl.mops.reports.cli.FailureTranslator;

/**
 * Around every job execution (registered on every job and step by {@link RunListenerRegistrar}): routes its log
 * events to its own file ({@link RunLog}), logs its start, each step's end and its end, and calls the
 * {@link FailureNotifier} when it did not complete — whoever launched it (the scheduler or a user).
 */
@Component
public class RunListener implements JobExecutionListener, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunListener.class);

    private final MopsProperties properties;
    private final FailureNotifier notifier;

    public RunListener(MopsProperties properties, FailureNotifier notifier) {
        this.properties = properties;
        this.notifier = notifier;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        Path file = RunLog.file(properties.home(), execution).toAbsolutePath();
        MDC.put(RunLog.FILE_KEY, file.toString());
        log.info("Start: {} nr {} ({}), uruchomił: {}", execution.getJobInstance().getJobName(), execution.getId(),
                parameters(execution), execution.getJobParameters().getString("launchedBy", "?"));
    }

    @Override
    public void beforeStep(StepExecution step) {
        MDC.put(RunLog.STEP_KEY, step.getStepName());
        log.info("Krok {}: start", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        log.info("Krok {}: {} ({} ms)", step.getStepName(), step.getStatus(), step.getStartTime() == null ? 0
                : Duration.between(step.getStartTime(), LocalDateTime.now()).toMillis());
        MDC.remove(RunLog.STEP_KEY);
        return step.getExitStatus();
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            LocalDateTime end = LocalDateTime.now();
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                log.info("Koniec: COMPLETED ({} ms)", millis(execution, end));
            } else {
                String message = failureMessage(execution);
                log.warn("Koniec: {} ({} ms): {}", execution.getStatus(), millis(execution, end), message);
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

    private static long millis(JobExecution execution, LocalDateTime end) {
        return execution.getStartTime() == null ? 0 : Duration.between(execution.getStartTime(), end).toMillis();
    }
}
