package pl.mops.reports.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * The embedded PostgreSQL server of a program that was killed: the server process outlives the JVM (adopted by init)
 * and keeps the data directory, so the next start would fail. Found through {@code postmaster.pid}; stopped with
 * SIGTERM (PostgreSQL's smart shutdown) and, when a session of the dead program is still running a statement, SIGINT
 * (fast shutdown): committed data is kept, its open transactions are rolled back ({@link #stop}). Only the holder of
 * the {@link OwnerLock} looks: while it holds the lock no other live program owns the database, so any server still
 * running on it is an orphan.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    private static final Duration SMART_WAIT = Duration.ofSeconds(5);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    private OrphanedServer() {
    }

    /** @param lock proof that this process owns the database (no live program owns that server) */
    static void stopIfLeftBehind(Path dataDirectory, OwnerLock lock) throws IOException {
        Optional<ProcessHandle> server = runningServer(dataDirectory);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle postgres = server.get();
        System.out.println("Wbudowana baza została uruchomiona przez przerwany program (proces nie żyje) — "
                + "zatrzymuję ją i uruchamiam ponownie…");
        log.warn("Zatrzymywanie osieroconego serwera PostgreSQL pid {} na {}", postgres.pid(), dataDirectory);
        if (!stop(postgres)) {
            throw new UserError("Nie udało się zatrzymać wbudowanej bazy pozostawionej przez przerwany program (pid "
                    + postgres.pid() + "): serwer nie zakończył pracy w ciągu " + (SMART_WAIT.toSeconds() + STOP_LIMIT.toSeconds())
                    + " s. Zatrzymaj go (kill -INT " + postgres.pid() + ") albo poczekaj i uruchom polecenie ponownie.",
                    ExitCode.DATABASE_UNAVAILABLE, null);
        }
    }

    /**
     * SIGTERM first (smart shutdown: waits for the sessions); a session of the dead program that is still running a
     * statement — the server only notices the lost client when it next writes to it, which a long aggregation or sort
     * does not do for minutes — would hold a smart shutdown for as long as the statement runs, so after a short wait
     * SIGINT (fast shutdown: ends the sessions, rolls back their transactions, shuts down cleanly).
     *
     * @return whether the server stopped
     */
    static boolean stop(ProcessHandle postgres) {
        postgres.destroy();
        if (exited(postgres, SMART_WAIT)) {
            return true;
        }
        log.warn("Osierocony serwer PostgreSQL pid {} nie zakończył pracy po SIGTERM (sesja przerwanego programu wciąż "
                + "wykonuje polecenie) — SIGINT (zatrzymanie szybkie)", postgres.pid());
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postgres.pid())).redirectErrorStream(true).start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            log.warn("kill -INT {}: {}", postgres.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return exited(postgres, STOP_LIMIT);
    }

    private static boolean exited(ProcessHandle process, Duration limit) {
        try {
            process.onExit().get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    /** the live postgres process named in {@code postmaster.pid} of the data directory, if any */
    private static Optional<ProcessHandle> runningServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }
}
