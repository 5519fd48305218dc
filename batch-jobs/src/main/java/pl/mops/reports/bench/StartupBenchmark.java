package pl.mops.reports.bench;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start-up of a short command — or a whole job, for the x1 goal „from the command to its last file” — in a fresh
 * JVM, as a user starts it: a child process of the launcher script
 * ({@code mops-reports}, so its checks, the class data sharing archive and its JVM options count) or, without the
 * script, of {@code java -jar} with the script's options; on a home folder of its own with the embedded database
 * (prepared by a first launch that is not counted). Spring's own „Started … in X seconds” is read from that home's
 * log file (the child is asked to log it with {@code --spring.main.log-startup-info=true}).
 */
final class StartupBenchmark {

    static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

    private final List<String> launch;
    private final Path home;

    /**
     * @param launcher the {@code mops-reports} script, or {@code null}: {@code java -jar} of this program's jar
     */
    StartupBenchmark(Path launcher, Path home) {
        this.home = home;
        if (launcher != null) {
            launch = List.of("bash", launcher.toAbsolutePath().toString());
        } else {
            String java = ProcessHandle.current().info().command().orElse("java");
            // java -jar X.jar: the class path is that jar (the code source of a class is a nested URL inside it)
            String jar = System.getProperty("java.class.path", "").split(File.pathSeparator)[0];
            if (!jar.endsWith(".jar")) {
                throw new IllegalStateException("program nie jest uruchomiony z pliku jar (" + jar + "): podaj --launcher");
            }
            launch = List.of(java, "-Duser.timezone=Europe/Warsaw", "-Xmx512m", "-Djava.awt.headless=true",
                    "-Dfile.encoding=UTF-8", "-jar", Path.of(jar).toAbsolutePath().toString());
        }
    }

    String how() {
        return launch.get(0).equals("bash") ? "skrypt `mops-reports`" : "`java -jar` (bez skryptu)";
    }

    /** one preparing launch (creates the database on first use), then {@code runs} measured ones */
    BenchmarkReport.Startup measure(String command, int runs) {
        launchOnce(List.of(command));
        List<Double> wall = new ArrayList<>();
        List<Double> spring = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] r = launchOnce(List.of(command));
            wall.add(r[0]);
            if (!Double.isNaN(r[1])) {
                spring.add(r[1]);
            }
        }
        return new BenchmarkReport.Startup(command, how(), wall, spring);
    }

    /** a job from the command: one preparing launch (first use of the home: e.g. the compiled report templates), then
     * {@code runs} measured ones */
    BenchmarkReport.CommandJob measureJob(BenchmarkReport.JobKind kind, String label, List<String> arguments, int runs) {
        launchOnce(arguments);
        List<Double> wall = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            wall.add(launchOnce(arguments)[0]);
        }
        // as the table shows it: a file given by its absolute path (the benchmark's home) by its name only
        String shown = String.join(" ", arguments.stream()
                .map(a -> a.startsWith("/") ? Path.of(a).getFileName().toString() : a).toList());
        return new BenchmarkReport.CommandJob(kind, label, shown, wall);
    }

    /** a launch that is not measured (e.g. the import the measured jobs read) */
    void prepare(List<String> arguments) {
        launchOnce(arguments);
    }

    Path home() {
        return home;
    }

    /** @return the whole time and Spring's (NaN when not logged), in seconds */
    private double[] launchOnce(List<String> command) {
        Path log = home.resolve("logs").resolve("mops-reports.log");
        try {
            Files.createDirectories(home);
            long offset = Files.isRegularFile(log) ? Files.size(log) : 0;
            List<String> arguments = new ArrayList<>(launch);
            arguments.addAll(command);
            arguments.add("--spring.main.log-startup-info=true");
            ProcessBuilder builder = new ProcessBuilder(arguments).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(home.resolve("start-bledy.txt").toFile());
            builder.environment().put("MOPS_HOME", home.toAbsolutePath().toString());
            builder.environment().remove("MOPS_JAVA_OPTS");
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroy();
                throw new IllegalStateException("polecenie " + String.join(" ", command) + " nie skończyło się w 10 minut");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (process.exitValue() != 0) {
                throw new IllegalStateException("polecenie " + String.join(" ", command) + " zakończyło się kodem " + process.exitValue()
                        + " (dziennik: " + log + ", błędy: " + home.resolve("start-bledy.txt") + ")");
            }
            return new double[] {seconds, springSeconds(tail(log, offset))};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Spring's „Started … in X seconds” in a piece of log, NaN when absent */
    static double springSeconds(String log) {
        Matcher m = STARTED.matcher(log);
        double seconds = Double.NaN;
        while (m.find()) {
            seconds = Double.parseDouble(m.group(1));
        }
        return seconds;
    }

    private static String tail(Path log, long offset) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length() - offset;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, 16 << 20)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
