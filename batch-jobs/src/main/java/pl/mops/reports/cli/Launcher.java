package pl.mops.reports.cli;

import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import pl.mops.reports.MopsReportsApplication;
import pl.mops.reports.audit.VerifyCommand;
import pl.mops.reports.database.ServerStart;

/**
 * Runs one command: prepares the home folder and the log file, opens the embedded PostgreSQL unless a database is
 * configured ({@link EmbeddedDatabaseAccess}: owns it and starts it, reads through a live owner's server, or refuses),
 * starts Spring, dispatches the command and turns every failure into one Polish line and a non-zero exit code
 * (details go to the log file).
 */
public final class Launcher {

    public int launch(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, CommandTable.flags());
            if (line.command().isEmpty() && !Set.of("help", "home").containsAll(line.options().keySet())) {
                throw new UserError("Podaj polecenie przed opcjami, np. ./mops-reports runs --ostatnie 5. "
                        + "Lista poleceń: ./mops-reports help", ExitCode.INVALID_INPUT, null);
            }
            if (line.command().isEmpty() || line.command().equals("help") || line.flag("help")) {
                System.out.println(help(line));
                return 0;
            }
            // before the home folder, the database and Spring: a typo is refused at once
            CommandCheck.check(line);
        } catch (UserError e) {
            System.err.println("Błąd: " + e.getMessage());
            return e.exitCode();
        }
        if (line.command().equals("verify")) {
            return verifyPackage(line);
        }
        Path home = homeFolder(line);
        Path logFile = home.resolve("logs").resolve("mops-reports.log");
        try {
            Files.createDirectories(logFile.getParent());
        } catch (Exception e) {
            System.err.println("Błąd: nie można utworzyć folderu domowego " + home + " (" + e.getMessage() + ").");
            return 2;
        }
        System.setProperty("mops.log.file", logFile.toString());
        Logger log = LoggerFactory.getLogger(Launcher.class);
        log.info("Polecenie: {}", String.join(" ", CommandText.masked(args)));

        GracefulStop graceful = GracefulStop.install();
        EmbeddedDatabaseAccess embedded = null;
        ConfigurableApplicationContext context = null;
        try {
            long started = System.nanoTime();
            Map<String, Object> defaults = new HashMap<>();
            defaults.put("mops.home", home.toString());
            defaults.put("mops.process", ProcessName.current());
            defaults.put("logging.register-shutdown-hook", "false");
            if (!DatabaseSettings.externalDatabaseConfigured(line.springArguments())) {
                embedded = EmbeddedDatabaseAccess.open(home, line, CommandText.shortText(args), graceful);
                graceful.closeLast(embedded);
                defaults.putAll(embedded.properties());
            }
            long databaseReady = System.nanoTime();
            boolean serve = line.command().equals("serve");
            if (!serve) {
                // warming up the web message converters (Jackson) in the background only costs a one-shot command CPU
                System.setProperty("spring.backgroundpreinitializer.ignore", "true");
            }
            boolean aot = AheadOfTime.usable(serve, line.springArguments());
            AheadOfTime.use(aot);
            SpringApplicationBuilder application = application(serve, defaults);
            // a one-shot command creates only the beans it uses (x1 job from the command ~0.2 s less; the console's
            // server creates all of them at start, so that a broken bean stops it at once); Flyway still migrates
            // before the first bean that uses the database (Spring Boot's dependency on database initialisation)
            // and the dictionaries are synchronised by an ApplicationRunner, which runs either way
            application.lazyInitialization(!serve);
            Optional<ServerStart> serverStart = embedded == null ? Optional.empty() : embedded.serverStart();
            // the server starts in the background once Spring's logging is set up, and the datasource waits for it
            // (database.ServerStart, database.DataSourceAfterServerStart)
            serverStart.ifPresent(start -> application.listeners(start.afterLoggingIsSetUp()).initializers(spring ->
                    spring.getBeanFactory().registerSingleton("embeddedServerStart", start)));
            context = application.run(springArguments(line, serve));
            graceful.attach(context);
            // where a command's start-up goes (docs/benchmarks.md, „Start programu”)
            long processAge = ProcessAge.millis();
            log.info("Start: proces do otwarcia bazy {} ms, wbudowana baza {} ms{}, Spring {} ms{}",
                    processAge < 0 ? -1 : processAge - (System.nanoTime() - started) / 1_000_000,
                    serverStart.map(ServerStart::readyAfterMillis).orElse((databaseReady - started) / 1_000_000),
                    serverStart.map(s -> s.waitedMillis() < 0 ? " (w tle)"
                            : " (w tle; Spring czekał na nią " + s.waitedMillis() + " ms)").orElse(""),
                    (System.nanoTime() - databaseReady) / 1_000_000,
                    aot ? " (definicje komponentów z budowania, AOT)" : "");
            return context.getBean(CommandDispatcher.class).dispatch(line);
        } catch (Throwable e) {
            return reportFailure(e, log, logFile);
        } finally {
            if (context != null) {
                context.close();
            }
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (Exception e) {
                    log.warn("Nie udało się zatrzymać wbudowanej bazy", e);
                }
            }
            graceful.finished();
        }
    }

    /**
     * the application a command starts ({@code serve}: with the web server); also the one the build processes ahead of
     * time ({@link AheadOfTime#process}), so both see the same sources and settings
     */
    static SpringApplicationBuilder application(boolean serve, Map<String, Object> defaults) {
        return new SpringApplicationBuilder(MopsReportsApplication.class)
                .web(serve ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false) // GracefulStop stops the running job first, then the launcher closes
                .properties(defaults);
    }

    /** {@code help}, {@code help run monthly}, {@code run monthly --help}: the whole help or that command's */
    private static String help(CommandLine line) {
        List<String> words = line.words();
        if (line.command().equals("help")) {
            words = words.subList(1, words.size());
        }
        if (words.isEmpty() || (line.flag("help") && !CommandTable.commandNames().contains(words.get(0)))) {
            return HelpText.full();
        }
        return HelpText.of(words);
    }

    /** {@code verify} needs neither the database nor the home folder (an auditor's machine has neither) */
    private static int verifyPackage(CommandLine line) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            return VerifyCommand.verify(line, out::println).code();
        } catch (UserError e) {
            System.err.println("Błąd: " + e.getMessage());
            return e.exitCode();
        }
    }

    private static int reportFailure(Throwable e, Logger log, Path logFile) {
        UserError userError = FailureTranslator.toUserError(e);
        log.error(userError.getMessage(), e);
        System.err.println("Błąd: " + userError.getMessage());
        if (userError.getCause() != null || !(e instanceof UserError)) {
            System.err.println("Szczegóły w dzienniku: " + logFile);
        }
        return userError.exitCode();
    }

    /**
     * {@code serve} alone starts the web server (the console and the health endpoint), on {@code --port} and
     * {@code --host} when given (default 127.0.0.1:8086, {@code config/application.yml})
     */
    private static String[] springArguments(CommandLine line, boolean serve) {
        List<String> arguments = new ArrayList<>(line.springArguments());
        if (serve) {
            arguments.add("--spring.main.web-application-type=servlet");
            Integer port = line.option("port", Integer::valueOf, "numer portu, np. 8086").orElse(null);
            if (port != null) {
                arguments.add("--server.port=" + port);
            }
            line.option("host").ifPresent(host -> arguments.add("--server.address=" + host.replaceAll("^\\[|]$", "")));
        }
        return arguments.toArray(String[]::new);
    }

    private static Path homeFolder(CommandLine line) {
        String configured = line.option("home").orElse(System.getenv("MOPS_HOME"));
        return Path.of(configured == null || configured.isBlank() ? "mops-home" : configured)
                .toAbsolutePath().normalize();
    }
}
