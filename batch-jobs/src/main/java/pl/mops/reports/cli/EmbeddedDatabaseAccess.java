package pl.mops.reports.cli;

import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.mops.reports.database.DatabaseOwner;
import pl.mops.reports.database.EmbeddedDatabase;
import pl.mops.reports.database.OwnerLock;
import pl.mops.reports.database.ServerStart;

/**
 * The embedded database for one command (no database configured). One process at a time owns it: the holder of
 * the lock {@code $MOPS_HOME/pgdata.lock} ({@link OwnerLock}), which starts the server on {@code pgdata} (stopping
 * one left by a killed program first). Facing a live owner, a command
 * <ul>
 * <li>that only reads ({@link #READ_ONLY_COMMANDS}) reads through the owner's running server as a client: it starts,
 *     stops and migrates nothing, and the server refuses its writes;</li>
 * <li>any other one is refused before it starts anything, with exit code 5 and the owner named ({@code --czekaj}:
 *     waits until the owner ends).</li>
 * </ul>
 */
final class EmbeddedDatabaseAccess implements AutoCloseable {

    /** the commands that only read the database: with a live owner they read through its server */
    static final Set<String> READ_ONLY_COMMANDS = Set.of("runs", "status", "snapshots", "sprawy");
    static final String LOCK_FILE = "pgdata.lock";
    /** how long a reader waits for a starting owner to write its server's port */
    static final Duration READER_WAIT = Duration.ofSeconds(10);
    /** how long a refused command waits for a new owner to write its name */
    private static final Duration NAME_WAIT = Duration.ofSeconds(3);
    private static final Duration RETRY = Duration.ofMillis(200);
    private static final Duration WAITING_RETRY = Duration.ofSeconds(2);
    private static final DateTimeFormatter POLISH_MINUTES = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAccess.class);

    private final OwnerLock lock;
    private final ServerStart server;
    private final Map<String, Object> properties;
    private boolean closed;

    private EmbeddedDatabaseAccess(OwnerLock lock, ServerStart server, Map<String, Object> properties) {
        this.lock = lock;
        this.server = server;
        this.properties = properties;
    }

    /**
     * Owns the database and starts its server, or reads through the live owner's server, or throws a
     * {@link UserError} with exit code 5.
     *
     * @param commandText the command as typed, masked and short ({@link CommandText#shortText})
     */
    static EmbeddedDatabaseAccess open(Path home, CommandLine line, String commandText, GracefulStop graceful)
            throws IOException, InterruptedException {
        DatabaseOwner me = new DatabaseOwner(commandText, ProcessHandle.current().pid(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("user.name"),
                ProcessName.host(), null);
        boolean readOnly = READ_ONLY_COMMANDS.contains(line.command());
        boolean wait = line.flag("czekaj") && !readOnly;
        long start = System.nanoTime();
        boolean announced = false;
        while (true) {
            OwnerLock.Claim claim = OwnerLock.claim(home.resolve(LOCK_FILE), me);
            if (claim instanceof OwnerLock.Held held) {
                return own(home, held.lock());
            }
            Optional<DatabaseOwner> holder = ((OwnerLock.Taken) claim).holder();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (readOnly && holder.isPresent() && holder.get().port() != null) {
                DatabaseOwner owner = holder.get();
                System.out.println("Baza danych należy do działającego procesu " + owner.command() + " (pid "
                        + owner.pid() + ") — odczyt przez jego serwer.");
                log.info("Wbudowana baza należy do procesu {} (pid {}); odczyt przez jego serwer na porcie {}",
                        owner.command(), owner.pid(), owner.port());
                return read(owner.port());
            }
            boolean named = holder.isPresent() || waited.compareTo(NAME_WAIT) >= 0;
            if (wait) {
                if (!announced && named) {
                    System.out.println(who(holder, me, home) + " Czekam, aż skończy…");
                    announced = true;
                }
                pause(announced ? WAITING_RETRY : RETRY, graceful);
                continue;
            }
            if (readOnly ? waited.compareTo(READER_WAIT) >= 0 : named) {
                throw refusal(who(holder, me, home), readOnly);
            }
            pause(RETRY, graceful);
        }
    }

    /** the Spring properties of the datasource (and, for a reader, of the read-only mode) */
    Map<String, Object> properties() {
        return properties;
    }

    /** the owner's server being started beside Spring, for the datasource to wait for (a reader: empty) */
    Optional<ServerStart> serverStart() {
        return Optional.ofNullable(server);
    }

    /** stops the server (after its start, when it is still starting) and then releases the lock (a reader has neither) */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            EmbeddedDatabase started = server == null ? null : server.endOfCommand();
            if (started != null) {
                started.close();
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /**
     * Prepares the server's start in the background (issue 17: beside Spring's start, not before it; launched by the
     * launcher once Spring's logging is set up, {@link ServerStart}), on a port chosen now, so the datasource's address
     * is known at once; the datasource waits for it. A start that fails fails the command when Spring first needs the
     * database, with the start's message; the lock is released by {@link #close} either way.
     */
    private static EmbeddedDatabaseAccess own(Path home, OwnerLock lock) throws IOException {
        try {
            System.out.println("Uruchamianie wbudowanej bazy PostgreSQL (" + home.resolve("pgdata") + ")…");
            int port = EmbeddedDatabase.freePort();
            ServerStart start = new ServerStart(() -> startServer(home.resolve("pgdata"), lock, port));
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", EmbeddedDatabase.jdbcUrl(port));
            properties.put("spring.datasource.username", EmbeddedDatabase.USER);
            properties.put("spring.datasource.password", "");
            return new EmbeddedDatabaseAccess(lock, start, properties);
        } catch (IOException | RuntimeException e) { // no port: the lock goes with it
            lock.close();
            throw e;
        }
    }

    /**
     * A server that does not start is reported as such (exit code 3), its cause kept for the log — not as an
     * unexpected error quoting zonky's process line.
     */
    private static EmbeddedDatabase startServer(Path dataDirectory, OwnerLock lock, int port) {
        try {
            EmbeddedDatabase server = EmbeddedDatabase.start(dataDirectory, lock, port);
            if (!server.jdbcUrl().equals(EmbeddedDatabase.jdbcUrl(port))) { // the address Spring was given
                server.close();
                throw new IllegalStateException("Wbudowana baza ma adres " + server.jdbcUrl() + ", a nie "
                        + EmbeddedDatabase.jdbcUrl(port));
            }
            return server;
        } catch (UserError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UserError("nie udało się uruchomić wbudowanej bazy danych PostgreSQL (folder " + dataDirectory
                    + ").", ExitCode.DATABASE_UNAVAILABLE, e);
        }
    }

    private static EmbeddedDatabaseAccess read(int port) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", EmbeddedDatabase.readOnlyClientUrl(port));
        properties.put("spring.datasource.username", EmbeddedDatabase.USER);
        properties.put("spring.datasource.password", "");
        properties.put("spring.datasource.hikari.read-only", "true");
        properties.put("mops.database.read-only", "true");
        return new EmbeddedDatabaseAccess(null, null, properties);
    }

    private static UserError refusal(String who, boolean readOnly) {
        if (readOnly) {
            return new UserError(who + " Jego serwer bazy nie działa jeszcze (czekano " + READER_WAIT.toSeconds()
                    + " s) — spróbuj za chwilę albo użyj zewnętrznego serwera PostgreSQL (SPRING_DATASOURCE_URL).",
                    ExitCode.BUSY, null);
        }
        return new UserError(who + " Wbudowana baza obsługuje jeden proces naraz: poczekaj, aż skończy (albo uruchom "
                + "z opcją --czekaj), albo użyj zewnętrznego serwera PostgreSQL (SPRING_DATASOURCE_URL).",
                ExitCode.BUSY, null);
    }

    private static String who(Optional<DatabaseOwner> holder, DatabaseOwner me, Path home) {
        return holder.map(h -> heldBy(h, me, ConfiguredTimeZone.resolve())).orElse("Wbudowana baza danych jest używana przez inny proces "
                + "(właśnie się uruchamia; blokada " + home.resolve(LOCK_FILE) + ").");
    }

    /** "Wbudowana baza danych jest używana przez inny proces: ./mops-reports serve (pid 4242, użytkownik jan, od …)." */
    static String heldBy(DatabaseOwner holder, DatabaseOwner me, ZoneId zone) {
        return "Wbudowana baza danych jest używana przez inny proces: " + holder.command() + " (pid " + holder.pid()
                + ", użytkownik " + holder.user()
                + (holder.host().equals(me.host()) ? "" : ", komputer " + holder.host())
                + ", od " + holder.started().atZoneSameInstant(zone).format(POLISH_MINUTES) + ").";
    }

    private static void pause(Duration duration, GracefulStop graceful) throws InterruptedException {
        if (graceful.requested()) {
            throw new UserError("Przerwano oczekiwanie na wbudowaną bazę danych (sygnał zakończenia).", ExitCode.JOB_FAILED, null);
        }
        Thread.sleep(duration.toMillis());
    }
}
