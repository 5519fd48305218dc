package pl.mops.reports.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.UserError;

/**
 * Work started from a page that must not wait for it (an import, a report job): each launch gets a ticket at once and
 * runs on one of {@value #WORKERS} background threads, calling the same service as the command line. The job's
 * {@link RunProgress} events carry its execution number, which the ticket learns as the job starts (the job runs on
 * the ticket's thread), so a page can follow the ticket from "waiting" to the run's own steps and outcome. Tickets are
 * kept in memory for the last {@value #KEPT} launches of this process.
 */
@Component
public class BackgroundLaunches implements ProgressSink, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLaunches.class);

    static final int WORKERS = 2;
    static final int KEPT = 200;

    public enum State { WAITING, RUNNING, DONE, FAILED }

    /** a launch as a page sees it; {@code executionIds} lists the Spring Batch executions it started, in order */
    public record Launch(String ticket, String description, String launchedBy, Instant submitted, State state,
                         List<Long> executionIds, String message, Object result) {
    }

    private final Clock clock;
    private final ThreadLocal<String> currentTicket = new ThreadLocal<>();
    private final Map<String, Launch> launches = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Launch> eldest) {
            return size() > KEPT && eldest.getValue().state() != State.RUNNING
                    && eldest.getValue().state() != State.WAITING;
        }
    };
    private final ExecutorService workers;
    /** ticket → what it runs ("monthlyStatistics:2025-03"), for {@link #active(String)} */
    private final Map<String, String> keys = new java.util.HashMap<>();

    public BackgroundLaunches(Clock clock) {
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "uruchomienie-w-tle-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param description in Polish, e.g. "statystyka miesięczna za 2026-11"
     * @param work        the service call; a {@link UserError} (or any failure, translated) becomes the ticket's
     *                    Polish message
     * @return the ticket
     */
    public String submit(String description, String launchedBy, Supplier<?> work) {
        return submit(null, description, launchedBy, work);
    }

    /**
     * @param key what the launch runs, e.g. {@code monthlyStatistics:2025-03} ({@code null}: nothing to compare):
     *            {@link #active(String)} finds a waiting or running launch of the same key
     */
    public String submit(String key, String description, String launchedBy, Supplier<?> work) {
        String ticket = UUID.randomUUID().toString();
        put(new Launch(ticket, description, launchedBy, clock.instant(), State.WAITING, List.of(), "", null));
        if (key != null) {
            synchronized (this) {
                keys.put(ticket, key);
            }
        }
        workers.submit(() -> {
            currentTicket.set(ticket);
            update(ticket, l -> with(l, State.RUNNING, l.executionIds(), "", null));
            try {
                Object result = work.get();
                update(ticket, l -> with(l, State.DONE, l.executionIds(), "", result));
            } catch (RuntimeException e) {
                UserError error = FailureTranslator.toUserError(e);
                if (!(e instanceof UserError)) {
                    log.error("Uruchomienie w tle „{}” nie powiodło się", description, e);
                }
                update(ticket, l -> with(l, State.FAILED, l.executionIds(), error.getMessage(), null));
            } finally {
                currentTicket.remove();
            }
        });
        return ticket;
    }

    public synchronized Optional<Launch> get(String ticket) {
        return Optional.ofNullable(launches.get(ticket));
    }

    /** a launch of this key that is waiting or running, if any (the oldest) */
    public synchronized Optional<Launch> active(String key) {
        return launches.values().stream()
                .filter(l -> l.state() == State.WAITING || l.state() == State.RUNNING)
                .filter(l -> key.equals(keys.get(l.ticket()))).findFirst();
    }

    @Override
    public void accept(RunProgress progress) {
        String ticket = currentTicket.get();
        if (ticket != null && progress.phase() == RunProgress.Phase.JOB_STARTED) {
            update(ticket, l -> {
                List<Long> ids = new java.util.ArrayList<>(l.executionIds());
                ids.add(progress.executionId());
                return with(l, l.state(), List.copyOf(ids), l.message(), l.result());
            });
        }
    }

    private static Launch with(Launch l, State state, List<Long> ids, String message, Object result) {
        return new Launch(l.ticket(), l.description(), l.launchedBy(), l.submitted(), state, ids, message, result);
    }

    private synchronized void put(Launch launch) {
        launches.put(launch.ticket(), launch);
        keys.keySet().retainAll(launches.keySet());
    }

    private synchronized void update(String ticket, java.util.function.UnaryOperator<Launch> change) {
        Launch launch = launches.get(ticket);
        if (launch != null) {
            launches.put(ticket, change.apply(launch));
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        // a running launch has been asked to stop after its step (serve waits for it); do not interrupt it mid-step
        workers.shutdown();
        if (!workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
