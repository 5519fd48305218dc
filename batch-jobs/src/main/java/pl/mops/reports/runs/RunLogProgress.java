package pl.mops.reports.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

/**
 * The run's log ({@link RunLog}): its start, each step's start and end, its end. {@link RunListener} has put the run's
 * file into the logging context before the first event and removes it after the last.
 */
@Component
public class RunLogProgress implements ProgressSink {

    private static final Logger log = LoggerFactory.getLogger(RunListener.class);

    @Override
    public void accept(RunProgress progress) {
        switch (progress.phase()) {
            case JOB_STARTED -> log.info("Start: {} nr {} ({}), uruchomił: {}", progress.jobName(),
                    progress.executionId(), progress.parameters(), progress.launchedBy());
            case STEP_STARTED -> log.info("Krok {}: start", progress.stepName());
            case STEP_FINISHED -> log.info("Krok {}: {} ({} ms)", progress.stepName(), progress.status(),
                    progress.took().toMillis());
            case JOB_FINISHED -> {
                if (progress.status() == BatchStatus.COMPLETED) {
                    log.info("Koniec: COMPLETED ({} ms)", progress.took().toMillis());
                } else {
                    log.warn("Koniec: {} ({} ms): {}", progress.status(), progress.took().toMillis(),
                            progress.message());
                }
            }
        }
    }
}
