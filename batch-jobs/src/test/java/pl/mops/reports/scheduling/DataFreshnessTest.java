package pl.mops.reports.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.scheduling.DefaultSchedule.WARSAW;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.Coverage;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.runs.DataJob;
import pl.mops.reports.runs.FailureNotifier;
import pl.mops.reports.runs.NotificationSettings;
import pl.mops.reports.support.MovableClock;

/**
 * The alarm for no new data, by a clock the test moves and snapshots it hands over: more than 40 days
 * ({@code mops.dane.brak-nowych-po}) after the newest snapshot's "stan na" the health component {@code dataIntake} is
 * DOWN and the hook is called — once per stale spell, however many checks see it; again after new data ended the spell
 * and a new one began. Worked out by hand: "stan na" 31 March 2025 + 40 days = 10 May (still fresh), 11 May stale;
 * new data with "stan na" 20 May; 29 June is 40 days later (fresh), 30 June stale again.
 */
class DataFreshnessTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(ZonedDateTime.of(2025, 5, 10, 12, 0, 0, 0, WARSAW));
    private final FakeSnapshots snapshots = new FakeSnapshots();
    private Path hookOutput;
    private DataFreshness freshness;
    private DataIntakeHealthIndicator health;

    @BeforeEach
    void setUp() throws IOException {
        hookOutput = dir.resolve("hook.txt");
        Path script = dir.resolve("zglos.sh");
        Files.writeString(script, """
                #!/bin/sh
                { echo "ZADANIE=$MOPS_ZADANIE"; echo "STATUS=$MOPS_STATUS"; echo "KOMUNIKAT=$MOPS_KOMUNIKAT"
                  echo "--- stdin:"; cat; } >> "$1"
                """);
        MopsProperties properties = new MopsProperties(null, "MOPS", "1261011", WARSAW);
        FailureNotifier notifier = new FailureNotifier(new NotificationSettings("sh " + script + " " + hookOutput,
                Duration.ofSeconds(20)), properties);
        freshness = new DataFreshness(snapshots, new DataSettings(null), clock, properties, notifier);
        Schedule schedule = Schedule.of(WARSAW, null,
                List.of(new ScheduleSettings.Entry("wymiana", "0 */15 * * * *", null, true, null),
                        new ScheduleSettings.Entry("extract", "0 0 1 * * *", null, true, null)));
        DataIntake intake = new DataIntake(schedule, clock, null, null, null, null, null);
        health = new DataIntakeHealthIndicator(freshness, intake, schedule, new NoRuns());
    }

    private int notifications() throws IOException {
        return Files.exists(hookOutput)
                ? Files.readString(hookOutput, StandardCharsets.UTF_8).split("STATUS=NO_NEW_DATA", -1).length - 1 : 0;
    }

    private static Snapshot snapshot(long id, LocalDate asOf) {
        return new Snapshot(id, OffsetDateTime.of(2025, 4, 1, 8, 0, 0, 0, java.time.ZoneOffset.UTC), "wymiana:eksport",
                "f".repeat(64), new Coverage(LocalDate.of(2024, 1, 1), asOf), 1);
    }

    @Test
    void moreThanFortyDaysAfterTheNewestStateDayIsDownAndNotifiedOncePerSpell() throws IOException {
        snapshots.newest = snapshot(7, LocalDate.of(2025, 3, 31));

        // 10 May: 40 days — not yet
        assertThat(freshness.notifyIfStale()).isFalse();
        Health up = health.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("daysSinceAsOf", 40L).containsEntry("staleAfterDays", 40L)
                .containsEntry("stale", false);
        assertThat(up.getDetails().get("newestSnapshot")).isEqualTo(Map.of("id", 7L, "asOf", "2025-03-31",
                "createdAt", "2025-04-01T10:00+02:00", "source", "wymiana:eksport"));
        // the next data: the drop folder's next quarter hour, the extraction off (no source in this schedule)
        assertThat(up.getDetails().get("nextExpected")).isEqualTo(Map.of("wymiana", "2025-05-10T12:15+02:00",
                "extract", "wyłączone (brak mops.zrodlo.url)"));
        assertThat(up.getDetails()).containsEntry("nextDataCheck", "2025-05-10T12:15+02:00");

        // 11 May: 41 days — stale, notified once however many checks see it
        clock.set(ZonedDateTime.of(2025, 5, 11, 0, 0, 0, 0, WARSAW));
        assertThat(freshness.notifyIfStale()).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(freshness.notifyIfStale()).isFalse();
        clock.advance(Duration.ofDays(3));
        assertThat(freshness.notifyIfStale()).isFalse();
        assertThat(notifications()).isEqualTo(1);
        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("stale", true).containsEntry("daysSinceAsOf", 44L)
                .containsEntry("staleMessage", "Od 44 dni brak nowych danych: najnowsza migawka nr 7 ma stan na 31.03.2025 "
                        + "(alarm po 40 dniach, mops.dane.brak-nowych-po). Sprawdź eksport systemu dziedzinowego do folderu "
                        + "wymiany i pobranie z bazy źródłowej (./mops-reports runs --zadanie import, --zadanie extract).");
        String hook = Files.readString(hookOutput, StandardCharsets.UTF_8);
        assertThat(hook).isEqualTo("ZADANIE=dane\nSTATUS=NO_NEW_DATA\nKOMUNIKAT=Od 41 dni brak nowych danych: najnowsza "
                + "migawka nr 7 ma stan na 31.03.2025 (alarm po 40 dniach, mops.dane.brak-nowych-po). Sprawdź eksport "
                + "systemu dziedzinowego do folderu wymiany i pobranie z bazy źródłowej (./mops-reports runs --zadanie "
                + "import, --zadanie extract).\n--- stdin:\nBrak nowych danych: nowe dane do raportów (dane)\n"
                + "Parametry: snapshot=7, asOf=2025-03-31, days=41\nStatus: brak nowych danych\nUruchomił: harmonogram\n"
                + "Komunikat: Od 41 dni brak nowych danych: najnowsza migawka nr 7 ma stan na 31.03.2025 (alarm po 40 "
                + "dniach, mops.dane.brak-nowych-po). Sprawdź eksport systemu dziedzinowego do folderu wymiany i pobranie "
                + "z bazy źródłowej (./mops-reports runs --zadanie import, --zadanie extract).\n");

        // new data end the spell
        snapshots.newest = snapshot(8, LocalDate.of(2025, 5, 20));
        clock.set(ZonedDateTime.of(2025, 5, 21, 1, 0, 0, 0, WARSAW));
        assertThat(freshness.notifyIfStale()).isFalse();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.set(ZonedDateTime.of(2025, 6, 29, 23, 59, 0, 0, WARSAW));
        assertThat(freshness.notifyIfStale()).as("40 days after 20 May").isFalse();
        // and a new spell is notified again
        clock.set(ZonedDateTime.of(2025, 6, 30, 0, 0, 0, 0, WARSAW));
        assertThat(freshness.notifyIfStale()).isTrue();
        assertThat(freshness.notifyIfStale()).isFalse();
        assertThat(notifications()).isEqualTo(2);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void withoutAnySnapshotNothingIsStale() throws IOException {
        snapshots.newest = null;
        clock.set(ZonedDateTime.of(2030, 1, 1, 0, 0, 0, 0, WARSAW));
        assertThat(freshness.notifyIfStale()).isFalse();
        Health state = health.health();
        assertThat(state.getStatus()).isEqualTo(Status.UP);
        assertThat(state.getDetails()).containsEntry("newestSnapshot", "none").containsEntry("stale", false);
        assertThat(notifications()).isZero();
    }

    /** the newest snapshot the test sets */
    private static final class FakeSnapshots extends SnapshotRepository {
        Snapshot newest;

        FakeSnapshots() {
            super(null);
        }

        @Override
        public Optional<Snapshot> newest() {
            return Optional.ofNullable(newest);
        }
    }

    /** no runs of the data jobs */
    private static final class NoRuns extends LastRuns {
        NoRuns() {
            super(null);
        }

        @Override
        public Map<DataJob, Run> lastPerDataJob(boolean scheduledOnly) {
            return Map.of();
        }
    }
}
