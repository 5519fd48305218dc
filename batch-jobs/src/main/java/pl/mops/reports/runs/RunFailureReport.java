package pl.mops.reports.runs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Pattern;

import pl.mops.reports.system.PolishTimes;

/**
 * What the notification hook is told about a failed run. No personal data: the message is the program's own
 * Polish error text, and any run of 11 digits (a PESEL-like number) in it is masked all the same.
 *
 * @param job          the job's name, e.g. {@code monthlyStatistics}
 * @param polishJob    e.g. "statystyka miesięczna"
 * @param parameters   the identifying parameters, e.g. {@code month=2025-03, snapshot=4, version=1}
 * @param status       the Spring Batch code (FAILED, STOPPED…; {@link PolishStatus#NOT_STARTED} when the run failed
 *                     before its job started; {@link PolishStatus#NO_NEW_DATA} when no new data came for too long):
 *                     {@code MOPS_STATUS} as it is, the summary in Polish
 * @param message      the Polish reason
 * @param executionId  the job execution, {@code null} when none was started
 * @param launchedBy   "harmonogram" or "użytkownik …"
 * @param start        Spring Batch's start time: the wall clock of this JVM's default zone, as {@code end}
 */
public record RunFailureReport(String job, String polishJob, String parameters, String status, String message,
                               Long executionId, String launchedBy, LocalDateTime start, LocalDateTime end,
                               String runLog) {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

    public RunFailureReport {
        message = mask(message);
    }

    static String mask(String text) {
        return text == null ? "" : ELEVEN_DIGITS.matcher(text).replaceAll("***********");
    }

    /** the Polish summary written to the hook's standard input, times in {@code zone} ({@code mops.time-zone}) */
    public String polishSummary(ZoneId zone) {
        StringBuilder text = new StringBuilder();
        boolean noNewData = PolishStatus.NO_NEW_DATA.equals(status);
        text.append(noNewData ? "Brak nowych danych: " : "Nieudane uruchomienie zadania: ").append(polishJob).append(" (")
                .append(job).append(")\n");
        text.append("Parametry: ").append(parameters).append('\n');
        text.append("Status: ").append(PolishStatus.of(status)).append('\n');
        if (!noNewData) {
            text.append("Wykonanie nr: ").append(executionId == null ? "brak (zadanie nie wystartowało)" : executionId)
                    .append('\n');
        }
        text.append("Uruchomił: ").append(launchedBy).append('\n');
        if (start != null) {
            text.append("Start: ").append(PolishTimes.seconds(PolishTimes.ofBatch(start, ZoneId.systemDefault(), zone)))
                    .append('\n');
        }
        if (end != null) {
            text.append("Koniec: ").append(PolishTimes.seconds(PolishTimes.ofBatch(end, ZoneId.systemDefault(), zone)))
                    .append('\n');
        }
        text.append("Komunikat: ").append(message).append('\n');
        if (runLog != null) {
            text.append("Dziennik przebiegu: ").append(runLog).append('\n');
        }
        return text.toString();
    }
}
