package pl.mops.reports.system;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work started in a thread of its own (a daemon: it never keeps the program alive) and waited for by the one that
 * started it: two parts of a step that need no common state, such as rendering the files while the database sends the
 * lineage. {@link #await()} always waits for the end (also when the waiting thread is interrupted, which it passes on
 * afterwards), so that no file is still being written when the step reports its outcome.
 */
public final class BackgroundTask<T> {

    /** the work: may throw an {@link IOException} (a full disk) */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    private final FutureTask<T> task;

    private BackgroundTask(FutureTask<T> task) {
        this.task = task;
    }

    public static <T> BackgroundTask<T> start(String threadName, Work<T> work) {
        FutureTask<T> task = new FutureTask<>((Callable<T>) work::run);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        return new BackgroundTask<>(task);
    }

    /** runs the work in the calling thread (the first of several, so that the caller does its share) */
    public static <T> BackgroundTask<T> here(Work<T> work) {
        FutureTask<T> task = new FutureTask<>((Callable<T>) work::run);
        task.run();
        return new BackgroundTask<>(task);
    }

    /**
     * @return the work's result
     * @throws IOException the work's own {@code IOException} (or an unchecked one or an error, as thrown)
     */
    public T await() throws IOException {
        try {
            return awaitOutcome();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /**
     * throws a work's failure as it was thrown: an {@code IOException}, an unchecked exception or an error (anything
     * else wrapped in an {@code IOException}); the return type lets a caller write {@code throw rethrown(e)}
     */
    public static IOException rethrown(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IOException(failure);
    }

    /** waits for the end and ignores the outcome: after another failure, which is the one reported */
    public void awaitQuietly() {
        try {
            awaitOutcome();
        } catch (ExecutionException ignored) {
            // the caller is already reporting a failure of its own
        }
    }

    private T awaitOutcome() throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // wait for the work to end, then pass the interruption on
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
