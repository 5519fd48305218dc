package pl.mops.reports.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import pl.mops.reports.runs.RunningExecutions;

/**
 * The JVM shutdown hook of one command (SIGTERM, Ctrl+C): asks the jobs running in this process to stop after
 * their current step ({@link RunningExecutions}), waits until the command has ended (at most
 * {@link #LIMIT}) so the job is recorded STOPPED and the database is closed cleanly, and only then lets the JVM
 * exit. The next start of the same job resumes it. Installed by the {@link Launcher} around each command.
 */
final class GracefulStop {

    static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "mops-graceful-stop");
    private volatile ConfigurableApplicationContext context;
    private volatile AutoCloseable database;
    private volatile boolean requested;

    private GracefulStop() {
    }

    static GracefulStop install() {
        GracefulStop stop = new GracefulStop();
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    void attach(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** the embedded database: closed by the hook itself if the command does not end in time */
    void closeLast(AutoCloseable database) {
        this.database = database;
    }

    /** a signal has come: a command still waiting to start (for the embedded database) gives up */
    boolean requested() {
        return requested;
    }

    /** the command has ended (normally or not) and closed everything: the hook has nothing more to wait for */
    void finished() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it sees the latch
        }
    }

    private void onSignal() {
        if (finished.getCount() == 0) {
            return;
        }
        requested = true;
        ConfigurableApplicationContext current = context;
        if (current != null && current.isActive()) {
            System.err.println("Otrzymano sygnał zakończenia: bieżący krok zadania zostanie dokończony (zatwierdzony "
                    + "albo wycofany), zadanie zatrzymane; następne uruchomienie wznowi je.");
            log.warn("Sygnał zakończenia: zatrzymywanie zadań po bieżącym kroku");
            try {
                current.getBean(RunningExecutions.class).requestStop();
            } catch (Exception e) {
                log.warn("Nie udało się zażądać zatrzymania zadań: {}", e.getMessage());
            }
        }
        try {
            if (!finished.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                log.error("Zadanie nie zatrzymało się w ciągu {} s; zamykanie programu", LIMIT.toSeconds());
                System.err.println("Zadanie nie zatrzymało się w ciągu " + LIMIT.toSeconds() + " s; program kończy "
                        + "pracę (następne uruchomienie uzna je za przerwane i wznowi).");
                closeDatabase();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeDatabase() {
        AutoCloseable db = database;
        if (db != null) {
            try {
                db.close();
            } catch (Exception e) {
                log.warn("Nie udało się zatrzymać wbudowanej bazy: {}", e.getMessage());
            }
        }
    }
}
