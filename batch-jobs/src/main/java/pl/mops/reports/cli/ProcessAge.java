package pl.mops.reports.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How long this process has been running, for the start-up log line ({@link Launcher}). On Linux from {@code /proc}:
 * the process's start and the system's uptime, both counted from boot in hundredths of a second.
 * {@link ProcessHandle.Info#startInstant()} adds the boot time, which Linux gives in whole seconds, so its figure is
 * off by up to a second, differently after each boot (session 16: 1.5 s where the process had run 0.7 s); it is the
 * fallback elsewhere.
 */
final class ProcessAge {

    /** USER_HZ, the unit of the start time in /proc/[pid]/stat: 100 on every Linux architecture Java runs on */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessAge() {
    }

    /** @return milliseconds since the process started, or -1 when unknown */
    static long millis() {
        try {
            return fromProc(Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII),
                    Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
        }
    }

    /**
     * @param stat   the text of /proc/self/stat: the start time is field 22, counted after the command name in
     *               parentheses (which may itself hold spaces and parentheses)
     * @param uptime the text of /proc/uptime: seconds since boot, first
     */
    static long fromProc(String stat, String uptime) {
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long startTicks = Long.parseLong(afterName[22 - 3]);
        double up = Double.parseDouble(uptime.trim().split("\\s+")[0]);
        return Math.round((up - startTicks / TICKS_PER_SECOND) * 1000);
    }
}
