package pl.mops.reports.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The loop of {@code serve}: a check at once, then sleep until the next firing but never longer than
 * {@code sprawdzanie-co} (one minute), so a changed clock, a DST change, a new snapshot or a failed period whose
 * retry time has come are noticed; then the next check. Each check runs the due data entries first ({@link DataIntake}:
 * the drop folder, the extraction), then the report catch-up ({@link CatchUp}: it sees a snapshot that has just come
 * in), then looks whether the data have gone stale ({@link DataFreshness}: notified once). {@link #stop()} ends it
 * after the running job (if any).
 */
@Component
public class ScheduleServer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleServer.class);

    private final CatchUp catchUp;
    private final Schedule schedule;
    private final Clock clock;
    private final DataIntake dataIntake;
    private final DataFreshness freshness;
    private final Object monitor = new Object();
    private volatile boolean stopping;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** the report catch-up only (no data entries) */
    public ScheduleServer(CatchUp catchUp, Schedule schedule, Clock clock) {
        this(catchUp, schedule, clock, null, null);
    }

    @Autowired
    public ScheduleServer(CatchUp catchUp, Schedule schedule, Clock clock, DataIntake dataIntake,
                          DataFreshness freshness) {
        this.catchUp = catchUp;
        this.schedule = schedule;
        this.clock = clock;
        this.dataIntake = dataIntake;
        this.freshness = freshness;
    }

    /** runs passes until {@link #stop()}; each pass's attempts go to {@code report} */
    public void runUntilStopped(Consumer<List<Attempt>> report) {
        runUntilStopped(report, data -> { });
    }

    /** the same, with what the data entries did going to {@code dataReport} */
    public void runUntilStopped(Consumer<List<Attempt>> report, Consumer<List<DataIntake.Attempt>> dataReport) {
        log.info("Harmonogram uruchomiony.");
        try {
            loop(report, dataReport);
        } finally {
            stopped.countDown();
        }
        log.info("Harmonogram zatrzymany.");
    }

    private void loop(Consumer<List<Attempt>> report, Consumer<List<DataIntake.Attempt>> dataReport) {
        while (!stopping) {
            check(report, dataReport);
            sleep(untilNextCheck());
        }
    }

    /** one check: the due data entries, the report catch-up, the data's freshness */
    void check(Consumer<List<Attempt>> report, Consumer<List<DataIntake.Attempt>> dataReport) {
        if (dataIntake != null) {
            try {
                List<DataIntake.Attempt> data = dataIntake.runDue(() -> stopping);
                if (!data.isEmpty()) {
                    dataReport.accept(data);
                }
            } catch (RuntimeException e) {
                log.warn("Harmonogram: sprawdzenie nowych danych nie powiodło się: {}", e.getMessage(), e);
            }
        }
        if (stopping) {
            return;
        }
        try {
            List<Attempt> attempts = catchUp.runPass(() -> stopping);
            if (!attempts.isEmpty()) {
                report.accept(attempts);
            }
        } catch (RuntimeException e) {
            // e.g. the database is unreachable while planning: log and look again at the next check
            log.warn("Harmonogram: sprawdzenie zaległych okresów nie powiodło się: {}", e.getMessage(), e);
        }
        if (freshness != null) {
            try {
                freshness.notifyIfStale();
            } catch (RuntimeException e) {
                log.warn("Harmonogram: sprawdzenie, czy są nowe dane, nie powiodło się: {}", e.getMessage(), e);
            }
        }
    }

    public void stop() {
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** waits until the loop has ended (the running pass finished), at most {@code timeout}; true if it has */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Duration untilNextCheck() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(schedule.zone()));
        Duration check = schedule.checkEvery();
        Optional<ZonedDateTime> reports = schedule.nextFiring(now);
        Optional<ZonedDateTime> data = dataIntake == null ? Optional.empty() : schedule.nextDataFiring(now);
        Optional<ZonedDateTime> next = reports.isEmpty() ? data : data.isEmpty() ? reports
                : Optional.of(reports.get().isBefore(data.get()) ? reports.get() : data.get());
        return next.map(at -> Duration.between(now, at))
                .filter(untilFiring -> untilFiring.compareTo(check) < 0)
                .map(untilFiring -> untilFiring.plusSeconds(1)).orElse(check);
    }

    private void sleep(Duration duration) {
        synchronized (monitor) {
            if (stopping) {
                return;
            }
            try {
                monitor.wait(Math.max(1, duration.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }
}
