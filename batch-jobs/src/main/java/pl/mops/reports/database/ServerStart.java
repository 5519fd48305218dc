package pl.mops.reports.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded server of a command, started in the background while Spring starts (cli.EmbeddedDatabaseAccess): its
 * port is chosen first, so the datasource's address is known at once, and {@link DataSourceAfterServerStart} makes the
 * datasource wait for the server before anything can connect (issue 17: the server's 0.4–0.6 s start beside Spring's
 * first half second, not before it). A server that does not start fails the command with the start's own error.
 */
public final class ServerStart {

    private final CompletableFuture<EmbeddedDatabase> server;
    private final long launched = System.nanoTime();
    private volatile long waitedNanos;
    private volatile boolean awaited;
    private volatile long readyNanos;

    public ServerStart(CompletableFuture<EmbeddedDatabase> server) {
        this.server = server;
        server.thenRun(() -> readyNanos = System.nanoTime());
    }

    /** waits until the server accepts connections; rethrows the failure of its start */
    public EmbeddedDatabase awaitReady() {
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

    /** the server when it started, else null (still starting: waits; failed: null) */
    public EmbeddedDatabase startedOrNull() {
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

    /** ms from the launch of the start to the server's readiness (-1 while starting or after a failure) */
    public long readyAfterMillis() {
        long ready = readyNanos;
        return ready == 0 ? -1 : (ready - launched) / 1_000_000;
    }
}
