package pl.mops.reports.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TEST-ONLY hook for the crash-safety tests (the kill matrix, SIGTERM, a database stopped mid-job). Inert unless
 * the system property (or environment variable) is set; never set it in production. It is read here and nowhere
 * else, at three points of every step ({@link StepInstrumentation}):
 * <ul>
 * <li>{@code mops.test.przerwij=<step>:<point>} ({@code MOPS_TEST_PRZERWIJ}): the JVM halts at once with code 137,
 *     as after kill -9 (no shutdown hooks, nothing flushed), at the point {@code przed} (before the step's work),
 *     {@code przed-zatwierdzeniem} (after the work, inside the step's transaction, before its commit) or
 *     {@code po-zatwierdzeniu} (after the commit, when the step is already recorded as COMPLETED, before the next
 *     step starts or, after the last step, before the job is recorded as COMPLETED);</li>
 * <li>{@code mops.test.wstrzymaj=<step>:<milliseconds>} or {@code <step>:<file>} ({@code MOPS_TEST_WSTRZYMAJ}):
 *     before the step's work, prints {@code [test] wstrzymano przed krokiem <step>} and sleeps that long, or until
 *     the file exists (at most two minutes).</li>
 * <li>inside a step that does its work in several parts and calls {@link #during(String)} between them (the import
 *     after each file is staged, inside its uncommitted transaction): {@code mops.test.przerwij=<step>:w-trakcie} halts
 *     there, and {@code mops.test.wstrzymaj=<step>:w-trakcie:<ms|file>} prints
 *     {@code [test] wstrzymano w trakcie kroku <step>} and waits there (so that a test can kill the process for real).</li>
 * </ul>
 */
public final class TestInterruptions {

    public enum Point {
        BEFORE_WORK("przed"), BEFORE_COMMIT("przed-zatwierdzeniem"), AFTER_COMMIT("po-zatwierdzeniu");

        private final String polish;

        Point(String polish) {
            this.polish = polish;
        }
    }

    static final String HALT = "mops.test.przerwij";
    static final String PAUSE = "mops.test.wstrzymaj";
    private static final Logger log = LoggerFactory.getLogger(TestInterruptions.class);

    private TestInterruptions() {
    }

    static void at(String stepName, Point point) {
        String halt = setting(HALT);
        if (halt != null && halt.equals(stepName + ":" + point.polish)) {
            log.warn("TEST: przerwanie procesu w kroku {} ({})", stepName, point.polish);
            System.out.println("[test] przerwanie procesu w kroku " + stepName + " (" + point.polish + ")");
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
        String pause = setting(PAUSE);
        if (point == Point.BEFORE_WORK && pause != null && pause.startsWith(stepName + ":")
                && !pause.startsWith(stepName + ":w-trakcie:")) {
            System.out.println("[test] wstrzymano przed krokiem " + stepName);
            System.out.flush();
            pause(pause.substring(stepName.length() + 1));
        }
    }

    /** the point in the middle of a step's work ({@code w-trakcie}); see the class comment */
    public static void during(String stepName) {
        String halt = setting(HALT);
        if (halt != null && halt.equals(stepName + ":w-trakcie")) {
            log.warn("TEST: przerwanie procesu w trakcie kroku {}", stepName);
            System.out.println("[test] przerwanie procesu w kroku " + stepName + " (w-trakcie)");
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
        String pause = setting(PAUSE);
        String prefix = stepName + ":w-trakcie:";
        if (pause != null && pause.startsWith(prefix)) {
            System.out.println("[test] wstrzymano w trakcie kroku " + stepName);
            System.out.flush();
            pause(pause.substring(prefix.length()));
        }
    }

    private static void pause(String millisOrFile) {
        try {
            if (millisOrFile.chars().allMatch(Character::isDigit)) {
                Thread.sleep(Long.parseLong(millisOrFile));
                return;
            }
            Path release = Path.of(millisOrFile);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!Files.exists(release) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
