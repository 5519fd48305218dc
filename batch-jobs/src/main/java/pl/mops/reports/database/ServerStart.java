package pl.mops.reports.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * The embedded server of a command, started in the background while Spring starts (cli.EmbeddedDatabaseAccess): its
 * port is chosen first, so the datasource's address is known at once, and {@link DataSourceAfterServerStart} makes the
 * datasource wait for the server before anything can connect (issue 17: the server's 0.4–0.6 s start beside Spring's
 * bean definitions, not before them). A server that does not start fails the command with the start's own error.
 *
 * <p>It is {@link #launch launched} once Spring has set up logging ({@link #afterLoggingIsSetUp}: the environment
 * prepared, Spring's logging listener having run first): Spring Boot resets Logback while it sets it up, and the
 * server's start logs from its own threads — in that window its lines were dropped or, worse, Logback printed "No
 * appenders present" warnings on the user's console.
 */
public final class ServerStart {

    private final Supplier<EmbeddedDatabase> starter;
    private final CompletableFuture<EmbeddedDatabase> server = new CompletableFuture<>();
    private volatile long launchedNanos;
    private volatile long readyNanos;
    private volatile long waitedNanos;
    private volatile boolean awaited;
    private boolean launched;

    /** @param starter starts the server and returns it when it accepts connections (runs in its own thread) */
    public ServerStart(Supplier<EmbeddedDatabase> starter) {
        this.starter = starter;
        server.thenRun(() -> readyNanos = System.nanoTime());
    }

    /** starts the server in its own thread (once; later calls do nothing) */
    public synchronized void launch() {
        if (launched) {
            return;
        }
        launched = true;
        launchedNanos = System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                server.complete(starter.get());
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        }, "start-bazy");
        thread.setDaemon(true);
        thread.start();
    }

    /** a listener for the Spring application: {@link #launch} once its logging is set up */
    public ApplicationListener<ApplicationEnvironmentPreparedEvent> afterLoggingIsSetUp() {
        return new LaunchAfterLogging();
    }

    /** after Spring Boot's logging listener (which runs among the first) on the same event */
    private final class LaunchAfterLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            launch();
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** waits until the server accepts connections (launching it if nothing has yet); rethrows its start's failure */
    public EmbeddedDatabase awaitReady() {
        launch();
        long start = System.nanoTime();
        try {
            return server.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            waitedNanos += System.nanoTime() - start;
            awaited = true;
        }
    }

    /**
     * at the end of the command (its database closed, also on a stop signal): the server to stop once it started (waits
     * while it is starting), or null when it failed — and when it was never launched, it never will be: a signal that
     * ends the command before Spring set up its logging must not leave a server behind, started after the lock was
     * released
     */
    public EmbeddedDatabase endOfCommand() {
        synchronized (this) {
            if (!launched) {
                launched = true;
                server.completeExceptionally(new IllegalStateException(
                        "Polecenie zakończyło się przed uruchomieniem wbudowanej bazy"));
                return null;
            }
        }
        try {
            return server.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    /** how long the command waited for the server so far, ms; -1 when nothing has waited for it (yet) */
    public long waitedMillis() {
        return awaited ? waitedNanos / 1_000_000 : -1;
    }

    /** ms from the launch to the server's readiness (-1 while starting, after a failure or before the launch) */
    public long readyAfterMillis() {
        long ready = readyNanos;
        return ready == 0 ? -1 : (ready - launchedNanos) / 1_000_000;
    }
}
