package pl.mops.reports.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The program in a separate JVM (the test classpath, main class {@code MopsReportsApplication}), as
 * {@code ./mops-reports} runs it, so that a test can kill it (the test hooks halt it, or SIGTERM) and start it
 * again. Its standard output and error go to a file.
 */
public final class ChildJvm {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * @param systemProperties e.g. {@code mops.test.przerwij=monthlyAggregation:przed}
     * @param jdbcUrl          {@code null}: the program's embedded database in {@code home}
     * @param args             the program's arguments; {@code --home} and the database URL are added
     */
    public static ChildJvm start(Path home, String jdbcUrl, Map<String, String> systemProperties, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8"));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "pl.mops.reports.MopsReportsApplication"));
        command.addAll(List.of(args));
        command.add("--home=" + home);
        if (jdbcUrl != null) {
            command.add("--spring.datasource.url=" + jdbcUrl);
            command.add("--spring.datasource.username=postgres");
        }
        try {
            Path output = Files.createTempFile("mops-child", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            return new ChildJvm(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** waits until the output contains the text; fails if the process ends first or the time runs out */
    public void awaitOutput(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() && !output().contains(text)) {
                throw new AssertionError("The program ended (" + process.exitValue() + ") before printing \"" + text
                        + "\":\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No \"" + text + "\" within " + limit + ":\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /** SIGTERM (on Linux {@link Process#destroy()}) */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL (kill -9): no shutdown hooks, the embedded PostgreSQL server outlives the program */
    public void kill() {
        process.destroyForcibly();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The program did not end within " + limit + ":\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
