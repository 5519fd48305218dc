package pl.mops.reports.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pl.mops.reports.cli.Launcher;

/** Runs the program's command line in-process as a user would (shared test PostgreSQL), capturing its output. */
public final class CommandLineRun {

    public record Outcome(int exitCode, String out, String err) {
    }

    private CommandLineRun() {
    }

    public static Outcome launch(Path home, String... args) {
        return launchOn(SharedPostgres.jdbcUrl(), home, args);
    }

    /** the same on another database (a fresh one of {@link SharedPostgres#freshDatabase}, one of {@link CrashTestDatabases}) */
    public static Outcome launchOn(String jdbcUrl, Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home=" + home);
        all.add("--spring.datasource.url=" + jdbcUrl);
        all.add("--spring.datasource.username=postgres");
        return launchExactly(all);
    }

    /** the arguments exactly as given: no home folder, no database settings */
    public static Outcome launchExactly(List<String> all) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new Launcher().launch(all.toArray(String[]::new));
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
