package pl.mops.reports.runs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;

/**
 * The notification hook: runs {@code mops.powiadomienie.polecenie} for a failed run with the run described in
 * environment variables ({@code MOPS_ZADANIE}, {@code MOPS_PARAMETRY}, {@code MOPS_STATUS}, {@code MOPS_KOMUNIKAT},
 * {@code MOPS_WYKONANIE}; {@code MOPS_STATUS} is the Spring Batch code, e.g. {@code FAILED}, for scripts) and the Polish
 * summary on standard input (status in Polish, times in {@code mops.time-zone}). Its output is discarded, it is killed after
 * the timeout, and whatever happens to it is only logged: it never changes the run's outcome.
 */
@Component
public class FailureNotifier {

    private static final Logger log = LoggerFactory.getLogger(FailureNotifier.class);

    private final NotificationSettings settings;
    private final MopsProperties properties;

    public FailureNotifier(NotificationSettings settings, MopsProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    public void notify(RunFailureReport report) {
        if (!settings.configured()) {
            return;
        }
        List<String> command = Arrays.asList(settings.command().trim().split("\\s+"));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            env.put("MOPS_ZADANIE", report.job());
            env.put("MOPS_PARAMETRY", report.parameters());
            env.put("MOPS_STATUS", report.status());
            env.put("MOPS_KOMUNIKAT", report.message());
            env.put("MOPS_WYKONANIE", report.executionId() == null ? "" : String.valueOf(report.executionId()));
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(report.polishSummary(properties.timeZone()).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                log.warn("Polecenie powiadomienia nie przyjęło podsumowania na wejściu: {}", e.getMessage());
            }
            if (!process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                log.warn("Polecenie powiadomienia {} nie skończyło się w {} s — przerwane.", command.get(0),
                        settings.timeout().toSeconds());
            } else if (process.exitValue() != 0) {
                log.warn("Polecenie powiadomienia {} zakończyło się kodem {}.", command.get(0), process.exitValue());
            } else {
                log.info("Powiadomienie o nieudanym uruchomieniu ({} {}) wysłane poleceniem {}.", report.job(),
                        report.parameters(), command.get(0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Przerwano czekanie na polecenie powiadomienia {}.", command.get(0));
        } catch (IOException | RuntimeException e) {
            log.warn("Nie udało się uruchomić polecenia powiadomienia {}: {}", command.get(0), e.getMessage());
        }
    }
}
