package pl.mops.reports.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.RenderingWarmUp;
import pl.mops.reports.runs.RunningExecutions;
import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.PolishTimes;

/**
 * {@code serve [--port N] [--host ADRES]}: runs the schedule until SIGTERM or Ctrl+C, with the web console and the
 * health endpoint (by default on 127.0.0.1:8086; the launcher starts the web server only for this command).
 */
@Component
public class ServeCommand implements CliCommand {

    static final Duration CONSOLE_LAUNCHES_LIMIT = Duration.ofSeconds(50);

    private final ScheduleServer server;
    private final Schedule schedule;
    private final Clock clock;
    private final Environment environment;
    private final Console console;
    private final RunningExecutions running;
    private final RenderingWarmUp warmUp;

    public ServeCommand(ScheduleServer server, Schedule schedule, Clock clock, Environment environment, Console console,
                        RunningExecutions running, RenderingWarmUp warmUp) {
        this.running = running;
        this.warmUp = warmUp;
        this.server = server;
        this.schedule = schedule;
        this.clock = clock;
        this.environment = environment;
        this.console = console;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        String port = environment.getProperty("local.server.port");
        console.line("Harmonogram działa (strefa " + schedule.zone() + "); zatrzymanie: Ctrl+C albo SIGTERM.");
        if (port != null) {
            String address = environment.getProperty("server.address", "127.0.0.1");
            boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, true)
                    && (environment.containsProperty("server.ssl.bundle")
                        || environment.containsProperty("server.ssl.key-store")
                        || environment.containsProperty("server.ssl.certificate"));
            String scheme = tls ? "https" : "http";
            console.line("Konsola WWW: " + consoleUrl(address, port).replaceFirst("^http", scheme)
                    + " (użytkownicy: ./mops-reports users add)");
            console.line("Stan: " + localUrl(address, port).replaceFirst("^http", scheme)
                    + "actuator/health (tylko z tego komputera)");
        }
        for (ScheduleEntry entry : schedule.enabledEntries()) {
            ZonedDateTime next = entry.nextFiring(ZonedDateTime.now(clock.withZone(schedule.zone())));
            if (next != null) {
                console.line("  " + entry.job().configName() + ": następne " + PolishTimes.minutes(next) + " ("
                        + entry.periodOf(next.toLocalDate()).key() + ")");
            }
        }
        for (DataEntry entry : schedule.dataEntries()) {
            ZonedDateTime next = entry.enabled() ? entry.nextFiring(ZonedDateTime.now(clock.withZone(schedule.zone())))
                    : null;
            console.line("  " + entry.kind().configName() + " — " + entry.kind().polishName() + ": "
                    + (!entry.enabled() ? entry.disabledReason() : next == null ? "nigdy"
                    : (entry.kind() == IntakeKind.DROP_FOLDER ? "teraz, potem " : "następne ") + PolishTimes.minutes(next)));
        }
        Thread stopOnSignal = new Thread(() -> {
            server.stop();
            try {
                // let the pass end: no new job starts, a running one finishes (or is stopped)
                server.awaitStopped(Duration.ofMinutes(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "serve-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        // the first report of the console or the schedule renders its files as fast as the later ones
        warmUp.startInBackground();
        try {
            server.runUntilStopped(this::print, data -> data.forEach(a -> a.lines().forEach(console::line)));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook is running
            }
        }
        console.line("Harmonogram zatrzymany.");
        awaitConsoleLaunches();
        return ExitCode.SUCCESS;
    }

    /**
     * Jobs launched from the console run on background threads, not on the schedule's: the signal asked them to stop
     * after their current step too ({@code GracefulStop}); wait for them before the application closes, so they end
     * STOPPED (and are resumed by the next launch) instead of being cut off with the database.
     */
    private void awaitConsoleLaunches() {
        try {
            if (!running.awaitStopped(CONSOLE_LAUNCHES_LIMIT)) {
                console.line("Zadanie uruchomione z konsoli nie zatrzymało się w ciągu "
                        + CONSOLE_LAUNCHES_LIMIT.toSeconds() + " s; następne uruchomienie uzna je za przerwane.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** the address a browser opens: the host name when the console listens on every interface */
    static String consoleUrl(String address, String port) {
        String host = address;
        if (address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "127.0.0.1";
            }
        }
        return "http://" + bracketed(host) + ":" + port + "/";
    }

    /** the address of the health endpoint from this computer */
    static String localUrl(String address, String port) {
        boolean everyInterface = address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
        return "http://" + (everyInterface || address.startsWith("127.") || address.equals("localhost")
                ? "127.0.0.1" : bracketed(address)) + ":" + port + "/";
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private void print(List<Attempt> attempts) {
        for (Attempt attempt : attempts) {
            String what = attempt.period().job().polishName() + " za " + attempt.period().key();
            console.line(switch (attempt.outcome()) {
                case COMPLETED -> what + ": gotowe (migawka " + attempt.snapshotId() + ").";
                case HELD_ELSEWHERE -> what + ": liczy je teraz inny proces — następna próba przy kolejnym sprawdzeniu.";
                case FAILED -> what + ": BŁĄD — " + attempt.message() + " Następna próba za "
                        + schedule.retryAfter().toMinutes() + " min.";
            });
        }
    }
}
