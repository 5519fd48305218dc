package pl.mops.reports.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.mops.reports.cli.UserError;

/**
 * The embedded PostgreSQL server of a program that was killed: the server process outlives the JVM (its parent was
 * the JVM; now it is adopted by init) and keeps the data directory, so the next start would fail. Found through
 * {@code postmaster.pid}; stopped with SIGTERM (PostgreSQL's smart shutdown: the dead program's sessions are
 * already gone, committed data is kept, its open transactions were rolled back).
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    private OrphanedServer() {
    }

    static void stopIfLeftBehind(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> server = runningServer(dataDirectory);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle postgres = server.get();
        Optional<ProcessHandle> parent = postgres.parent().filter(ProcessHandle::isAlive);
        boolean ownedByProgram = parent.flatMap(p -> p.info().command()).map(c -> c.contains("java")).orElse(false);
        if (ownedByProgram) {
            throw new UserError("Wbudowana baza danych (" + dataDirectory + ") jest używana przez inny działający "
                    + "proces (pid " + parent.get().pid() + "). Wbudowana baza obsługuje jeden proces naraz; "
                    + "poczekaj, aż skończy.", 5, null);
        }
        System.out.println("Wbudowana baza została uruchomiona przez przerwany program (proces nie żyje) — "
                + "zatrzymuję ją i uruchamiam ponownie…");
        log.warn("Zatrzymywanie osieroconego serwera PostgreSQL pid {} na {}", postgres.pid(), dataDirectory);
        try {
            postgres.destroy();
            postgres.onExit().get(STOP_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new UserError("Nie udało się zatrzymać wbudowanej bazy pozostawionej przez przerwany program (pid "
                    + postgres.pid() + "): " + e.getMessage(), 3, e);
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
