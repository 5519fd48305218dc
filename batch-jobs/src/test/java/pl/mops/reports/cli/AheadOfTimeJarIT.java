package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as the {@code mops-reports} script runs it, once with the bean definitions processed at build
 * time ({@code -Dmops.aot=true}, {@link AheadOfTime}) and once scanning as before ({@code -Dmops.aot=false}), each in
 * a fresh home folder on the same generated data: every command succeeds, the processed definitions are used exactly
 * when asked for, and the documents are the same bytes. (The unit tests run before the build processes anything, so
 * only this test starts the processed application.)
 */
class AheadOfTimeJarIT {

    private static final String AOT_MARK = "(definicje komponentów z budowania, AOT)";

    @TempDir
    Path temp;

    @Test
    void theProcessedApplicationRunsTheCommandsAndWritesTheSameDocuments() throws Exception {
        Path jar = Path.of(System.getProperty("mops.jar", "target/mops-reports.jar"));
        assertThat(jar).exists();

        Map<String, byte[]> scanned = runAll(jar, false);
        Map<String, byte[]> processed = runAll(jar, true);

        assertThat(processed.keySet()).containsExactlyElementsOf(scanned.keySet());
        assertThat(scanned.keySet()).anyMatch(name -> name.endsWith(".pdf")).anyMatch(name -> name.endsWith(".xlsx"))
                .anyMatch(name -> name.startsWith("mrpips03-"));
        scanned.forEach((name, bytes) -> assertThat(processed.get(name)).as(name).isEqualTo(bytes));
    }

    /** @return the documents of the run (not the auditors' packages: their pseudonyms depend on the home's secret) */
    private Map<String, byte[]> runAll(Path jar, boolean aot) throws Exception {
        Path home = temp.resolve(aot ? "aot" : "scan");
        Path out = home.resolve("wyniki");
        List<List<String>> commands = List.of(
                List.of("generate", "--families", "300", "--years", "2", "--to", "2025-12", "--seed", "7",
                        "--out", home.resolve("dane").toString(), "--load"),
                List.of("run", "monthly", "--month", "2025-12", "--out", out.toString()),
                List.of("run", "mrpips03", "--period", "2025-R", "--out", out.toString()),
                List.of("status"));
        for (List<String> command : commands) {
            run(jar, home, aot, command);
        }
        List<String> starts;
        try (Stream<String> lines = Files.lines(home.resolve("logs/mops-reports.log"), StandardCharsets.UTF_8)) {
            starts = lines.filter(line -> line.contains("Start: proces do otwarcia bazy")).toList();
        }
        assertThat(starts).hasSize(commands.size());
        assertThat(starts).allMatch(line -> line.contains(AOT_MARK) == aot, aot ? "every start with AOT" : "no AOT");

        Map<String, byte[]> documents = new TreeMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".zip")).toList()) {
                documents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return documents;
    }

    private static void run(Path jar, Path home, boolean aot, List<String> command) throws IOException,
            InterruptedException {
        List<String> process = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Europe/Warsaw", "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8", "-Dmops.aot=" + aot, "-jar", jar.toString()));
        process.addAll(command);
        Path output = home.resolveSibling(home.getFileName() + "-" + command.get(command.size() > 1 ? 1 : 0) + ".txt");
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(process).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("MOPS_HOME", home.toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
        Process started = builder.start();
        boolean finished = started.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            started.destroyForcibly();
        }
        assertThat(finished && started.exitValue() == 0)
                .as("%s (aot=%s) exit %s:%n%s", command, aot, finished ? started.exitValue() : "timeout",
                        Files.readString(output, StandardCharsets.UTF_8))
                .isTrue();
    }
}
