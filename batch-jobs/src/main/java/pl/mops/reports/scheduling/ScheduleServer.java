package pl.mops.reports.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The loop of {@code serve}: a catch-up pass at once, then sleep until the next firing but never longer than
 * {@code sprawdzanie-co} (one minute), so a changed clock, a DST change, a new snapshot or a failed period whose
 * retry time has come are noticed; then the next pass. {@link #stop()} ends it after the running job (if any).
 */
@Component
public class ScheduleServer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleServer.class);

    private final CatchUp catchUp;
    private final Schedule schedule;
    private final Clock clock;
    private final Object monitor = new Object();
    private volatile boolean stopping;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public ScheduleServer(CatchUp catchUp, Schedule schedule, Clock clock) {
        this.catchUp = catchUp;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** runs passes until {@link #stop()}; each pass's attempts go to {@code report} */
    public void runUntilStopped(Consumer<List<Attempt>> report) {
        log.info("Harmonogram uruchomiony.");
        try {
            loop(report);
        } finally {
            stopped.countDown();
        }
        log.info("Harmonogram zatrzymany.");
    }

    private void loop(Consumer<List<Attempt>> report) {
        while (!stopping) {
            try {
                List<Attempt> attempts = catchUp.runPass(() -> stopping);
                if (!attempts.isEmpty()) {
                    report.accept(attempts);
                }
            } catch (RuntimeException e) {
                // e.g. the database is unreachable while planning: log and look again at the next check
                log.warn("Harmonogram: sprawdzenie zaległych okresów nie powiodło się: {}", e.getMessage(), e);
            }
            sleep(untilNextCheck());
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
        return schedule.nextFiring(now).map(next -> Duration.between(now, next))
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
