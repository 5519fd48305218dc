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
 * SIGTERM (PostgreSQL's smart shutdown: the dead program's sessions are already gone, committed data is kept, its
 * open transactions were rolled back). Only the holder of the {@link OwnerLock} looks: while it holds the lock no
 * other live program owns the database, so any server still running on it is an orphan.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
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
        try {
            postgres.destroy();
            postgres.onExit().get(STOP_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new UserError("Nie udało się zatrzymać wbudowanej bazy pozostawionej przez przerwany program (pid "
                    + postgres.pid() + "): " + e.getMessage(), ExitCode.DATABASE_UNAVAILABLE, e);
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
