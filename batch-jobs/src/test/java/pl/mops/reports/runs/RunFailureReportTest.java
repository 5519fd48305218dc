package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The notification's summary on standard input: status in Polish, times in mops.time-zone; the code stays for scripts. */
class RunFailureReportTest {

    @Test
    void polishStatusAndTimesInTheConfiguredZone() {
        // Spring Batch's times: the wall clock of this JVM's default zone, whatever it is
        LocalDateTime start = LocalDateTime.ofInstant(Instant.parse("2025-03-09T23:30:00Z"), ZoneId.systemDefault());
        LocalDateTime end = LocalDateTime.ofInstant(Instant.parse("2025-07-01T10:00:05Z"), ZoneId.systemDefault());
        RunFailureReport report = new RunFailureReport("monthlyStatistics", "statystyka miesięczna",
                "month=2025-02, snapshot=4, version=1", "FAILED", "brak miejsca na dysku", 7L, "harmonogram", start, end,
                "/srv/mops/logs/runs/monthlyStatistics-2025-02-7.log");
        assertThat(report.status()).as("MOPS_STATUS: the Spring Batch code").isEqualTo("FAILED");
        assertThat(report.polishSummary(ZoneId.of("Europe/Warsaw"))).isEqualTo("""
                Nieudane uruchomienie zadania: statystyka miesięczna (monthlyStatistics)
                Parametry: month=2025-02, snapshot=4, version=1
                Status: nieudane
                Wykonanie nr: 7
                Uruchomił: harmonogram
                Start: 10.03.2025 00:30:00
                Koniec: 01.07.2025 12:00:05
                Komunikat: brak miejsca na dysku
                Dziennik przebiegu: /srv/mops/logs/runs/monthlyStatistics-2025-02-7.log
                """);
        assertThat(new RunFailureReport("x", "x", "", "STOPPED", "", 1L, "?", null, null, null)
                .polishSummary(ZoneId.of("UTC"))).contains("Status: zatrzymane\n");
    }
}
