package pl.mops.reports.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.scheduling.DefaultSchedule.WARSAW;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.runs.FailureNotifier;
import pl.mops.reports.runs.NotificationSettings;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.support.MovableClock;

/**
 * Catch-up with a clock the test moves and a launcher that only records what it is asked to run: the shipped
 * schedule (monthly on the 3rd, MRPiPS-03 P on 5 July and R on 10 January, OZPS on 1 March). The expected lists
 * are worked out by hand from the calendar below.
 */
class CatchUpTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, WARSAW));
    private FakeState state;
    private FakeLauncher launcher;
    private Path hookOutput;
    private FailureNotifier notifier;

    @BeforeEach
    void setUp() throws IOException {
        state = new FakeState();
        launcher = new FakeLauncher(state);
        hookOutput = dir.resolve("hook.txt");
        Path script = dir.resolve("zglos.sh");
        Files.writeString(script, """
                #!/bin/sh
                { echo "ZADANIE=$MOPS_ZADANIE"; echo "PARAMETRY=$MOPS_PARAMETRY"; echo "STATUS=$MOPS_STATUS"
                  echo "KOMUNIKAT=$MOPS_KOMUNIKAT"; echo "WYKONANIE=$MOPS_WYKONANIE"; echo "--- stdin:"; cat; } >> "$1"
                """);
        notifier = new FailureNotifier(new NotificationSettings("sh " + script + " " + hookOutput, Duration.ofSeconds(20)),
                new MopsProperties(null, "MOPS", "1261011", WARSAW));
    }

    private CatchUp catchUp(YearMonth catchUpFrom) {
        return new CatchUp(DefaultSchedule.schedule(catchUpFrom), clock, state, launcher, notifier);
    }

    private static List<String> months(int snapshot, String from, String to) {
        YearMonth start = YearMonth.parse(from);
        int count = (int) start.until(YearMonth.parse(to), java.time.temporal.ChronoUnit.MONTHS) + 1;
        return IntStream.range(0, count).mapToObj(i -> "monthly " + start.plusMonths(i) + " @" + snapshot).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    /**
     * Snapshot 1 taken on 4 March 2026 with benefits from 15 January 2025, nothing run yet, clock 4 March 2026 10:00.
     * Horizon = January 2025. Firings since then, in time order, and their periods:
     * 2025-01-03 → 2024-12 (before the horizon), 10 I 2025 → 2024-R (before), 2025-02-03 → 2025-01, 1 III 2025 → OZPS 2024
     * (before), 3 III–3 VII → 2025-02…2025-06, 5 VII 2025 → 2025-P, 3 VIII 2025–3 I 2026 → 2025-07…2025-12,
     * 10 I 2026 → 2025-R, 3 II 2026 → 2026-01, 1 III 2026 → OZPS 2025, 3 III 2026 → 2026-02 (ended before the snapshot).
     */
    private static final List<String> DUE_ON_4_MARCH_2026 = concat(months(1, "2025-01", "2025-06"), List.of("mrpips03 2025-P @1"),
            months(1, "2025-07", "2025-12"), List.of("mrpips03 2025-R @1"), months(1, "2026-01", "2026-01"),
            List.of("ozps 2025 @1"), months(1, "2026-02", "2026-02"));

    @Test
    void afterADowntimeEveryDuePeriodRunsOnceOldestFirst() {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 3, 4), LocalDate.of(2025, 1, 15));
        CatchUp catchUp = catchUp(null);

        List<Attempt> attempts = catchUp.runPass(() -> false);

        assertThat(launcher.launched).hasSize(17).containsExactlyElementsOf(DUE_ON_4_MARCH_2026);
        assertThat(attempts).extracting(Attempt::outcome).containsOnly(Attempt.Outcome.COMPLETED);

        clock.advance(Duration.ofMinutes(1));
        assertThat(catchUp.runPass(() -> false)).isEmpty();
        assertThat(launcher.launched).hasSize(17);
    }

    @Test
    void downFromMarchToJulyWithANewSnapshot() {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 3, 4), LocalDate.of(2025, 1, 15));
        CatchUp catchUp = catchUp(null);
        catchUp.runPass(() -> false);
        launcher.launched.clear();

        // the server was down until 6 July 2026; snapshot 2 was imported that morning
        clock.set(ZonedDateTime.of(2026, 7, 6, 9, 0, 0, 0, WARSAW));
        state.snapshot = new RunState.NewestSnapshot(2, LocalDate.of(2026, 7, 6), LocalDate.of(2025, 1, 15));
        catchUp.runPass(() -> false);

        // shipped schedule: any completed run counts, so only the periods that fired while it was down, oldest
        // first, on the newest snapshot: 2026-03…2026-06 (fired 3 IV … 3 VII), then 2026-P (fired 5 VII)
        assertThat(launcher.launched).containsExactlyElementsOf(
                concat(months(2, "2026-03", "2026-06"), List.of("mrpips03 2026-P @2")));
    }

    @Test
    void downFromMarchToJulyWithANewSnapshotRecomputingMonthsForIt() {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 3, 4), LocalDate.of(2025, 1, 15));
        CatchUp catchUp = new CatchUp(DefaultSchedule.withMonthlyRecomputedForNewSnapshots(), clock, state, launcher,
                notifier);
        catchUp.runPass(() -> false);
        launcher.launched.clear();

        clock.set(ZonedDateTime.of(2026, 7, 6, 9, 0, 0, 0, WARSAW));
        state.snapshot = new RunState.NewestSnapshot(2, LocalDate.of(2026, 7, 6), LocalDate.of(2025, 1, 15));
        catchUp.runPass(() -> false);

        // monthly with przelicz-dla-nowej-migawki: true: done only on the newest snapshot, so every month again on
        // snapshot 2 (2025-01…2026-06, the last fired 3 VII); MRPiPS-03 and OZPS: any completed run counts, so only
        // the new 2026-P (fired 5 VII)
        assertThat(launcher.launched).containsExactlyElementsOf(
                concat(months(2, "2025-01", "2026-06"), List.of("mrpips03 2026-P @2")));
    }

    @Test
    void theConfiguredHorizonLimitsCatchUpButNeverReachesBeforeTheData() {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 3, 4), LocalDate.of(2025, 1, 15));
        catchUp(YearMonth.of(2025, 10)).runPass(() -> false);
        // 2025-R and OZPS 2025 start on 1 January 2025, before October 2025
        assertThat(launcher.launched).containsExactlyElementsOf(months(1, "2025-10", "2026-02"));

        state.completed.clear();
        launcher.launched.clear();
        catchUp(YearMonth.of(2020, 1)).runPass(() -> false);
        assertThat(launcher.launched).containsExactlyElementsOf(DUE_ON_4_MARCH_2026);
    }

    @Test
    void aPeriodThatHadNotEndedWhenTheSnapshotWasTakenWaitsForTheNextImport() {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 2, 20), LocalDate.of(2025, 1, 15));
        catchUp(null).runPass(() -> false);
        // February 2026 ends on the 28th, after the snapshot of 20 February
        assertThat(launcher.launched).containsExactlyElementsOf(DUE_ON_4_MARCH_2026.subList(0, 16));
        assertThat(launcher.launched).doesNotContain("monthly 2026-02 @1");
    }

    @Test
    void aPeriodIsDueOnlyWhenTheSnapshotCoversItsLastDay() {
        // data "stan na" 27 February: February is not covered yet
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 2, 27), LocalDate.of(2025, 1, 15));
        catchUp(null).runPass(() -> false);
        assertThat(launcher.launched).doesNotContain("monthly 2026-02 @1").hasSize(16);
        // "stan na" 28 February (the export taken on the last day, --stan-na 2026-02-28): February is covered
        state.snapshot = new RunState.NewestSnapshot(2, LocalDate.of(2026, 2, 28), LocalDate.of(2025, 1, 15));
        launcher.launched.clear();
        catchUp(null).runPass(() -> false);
        assertThat(launcher.launched).containsExactly("monthly 2026-02 @2");
    }

    @Test
    void aFailedPeriodIsNotifiedDoesNotStopTheOthersAndIsRetriedAfterAnHour() throws IOException {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 3, 4), LocalDate.of(2025, 1, 15));
        launcher.failOnce.put("monthly 2025-03", new PeriodLauncher.LaunchFailure(
                "Nie ma pliku 85031212345.csv (przykład z numerem jak PESEL).", 2, null, null));
        // a failed job execution is notified by the job's listener, not again by the scheduler
        launcher.failOnce.put("mrpips03 2025-P", new PeriodLauncher.LaunchFailure("Krok nie powiódł się.", 1, 41L, null));
        CatchUp catchUp = catchUp(null);

        List<Attempt> first = catchUp.runPass(() -> false);

        assertThat(first).hasSize(17);
        assertThat(first).filteredOn(a -> a.outcome() == Attempt.Outcome.FAILED).extracting(a -> a.period().toString())
                .containsExactly("monthly 2025-03", "mrpips03 2025-P");
        assertThat(Files.readString(hookOutput, StandardCharsets.UTF_8)).isEqualTo("""
                ZADANIE=monthlyStatistics
                PARAMETRY=okres=2025-03, snapshot=1
                STATUS=NOT_STARTED
                KOMUNIKAT=Nie ma pliku ***********.csv (przykład z numerem jak PESEL).
                WYKONANIE=
                --- stdin:
                Nieudane uruchomienie zadania: statystyka miesięczna (monthlyStatistics)
                Parametry: okres=2025-03, snapshot=1
                Status: nierozpoczęte
                Wykonanie nr: brak (zadanie nie wystartowało)
                Uruchomił: harmonogram
                Komunikat: Nie ma pliku ***********.csv (przykład z numerem jak PESEL).
                """);
        assertThat(catchUp.pendingFailures().keySet()).extracting(Period::toString)
                .containsExactlyInAnyOrder("monthly 2025-03", "mrpips03 2025-P");

        clock.advance(Duration.ofMinutes(59));
        assertThat(catchUp.runPass(() -> false)).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(catchUp.runPass(() -> false)).extracting(a -> a.period() + " " + a.outcome())
                .containsExactly("monthly 2025-03 COMPLETED", "mrpips03 2025-P COMPLETED");
        assertThat(catchUp.pendingFailures()).isEmpty();
        assertThat(Files.readString(hookOutput, StandardCharsets.UTF_8).split("ZADANIE=", -1)).hasSize(2); // one call
    }

    @Test
    void aFailedPeriodCompletedMeanwhileByHandIsNoLongerAFailure() {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 3, 4), LocalDate.of(2025, 1, 15));
        launcher.failOnce.put("ozps 2025", new PeriodLauncher.LaunchFailure("Nie ma pliku zasobów.", 2, null, null));
        CatchUp catchUp = catchUp(null);
        catchUp.runPass(() -> false);
        assertThat(catchUp.pendingFailures().keySet()).extracting(Period::toString).containsExactly("ozps 2025");

        state.complete(new Period(ReportJob.OZPS, "2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), 1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(catchUp.runPass(() -> false)).isEmpty();
        assertThat(catchUp.pendingFailures()).isEmpty();
    }

    @Test
    void aPeriodHeldByAnotherProcessIsSkippedWithoutNotificationAndTriedAtTheNextCheck() {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 3, 4), LocalDate.of(2025, 1, 15));
        launcher.failOnce.put("monthly 2025-02", new PeriodLauncher.LaunchFailure(
                "Statystyka za 2025-02 jest właśnie liczona (proces 4711 na serwerze raporty).", 5, null, null));
        CatchUp catchUp = catchUp(null);

        assertThat(catchUp.runPass(() -> false)).filteredOn(a -> a.outcome() != Attempt.Outcome.COMPLETED)
                .extracting(a -> a.period() + " " + a.outcome()).containsExactly("monthly 2025-02 HELD_ELSEWHERE");
        assertThat(hookOutput).doesNotExist();
        assertThat(catchUp.pendingFailures()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(catchUp.runPass(() -> false)).extracting(a -> a.period() + " " + a.outcome())
                .containsExactly("monthly 2025-02 COMPLETED");
    }

    @Test
    void aLostDatabaseEndsThePassAndAStopRequestEndsItBetweenRuns() {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 3, 4), LocalDate.of(2025, 1, 15));
        launcher.failOnce.put("monthly 2025-02", new PeriodLauncher.LaunchFailure("brak połączenia z bazą danych.", 3, null, null));
        CatchUp catchUp = catchUp(null);
        assertThat(catchUp.runPass(() -> false)).extracting(a -> a.period() + " " + a.outcome())
                .containsExactly("monthly 2025-01 COMPLETED", "monthly 2025-02 FAILED");

        launcher.launched.clear();
        clock.advance(Duration.ofMinutes(1));
        // 2025-02 waits for its retry; the stop request comes after two runs
        catchUp.runPass(() -> launcher.launched.size() >= 2);
        assertThat(launcher.launched).containsExactly("monthly 2025-03 @1", "monthly 2025-04 @1");
    }

    @Test
    void theServerRunsAPassAtOnceAndStopsWhenAsked() throws Exception {
        state.snapshot = new RunState.NewestSnapshot(1, LocalDate.of(2026, 3, 4), LocalDate.of(2025, 1, 15));
        Schedule schedule = DefaultSchedule.schedule(null);
        ScheduleServer server = new ScheduleServer(new CatchUp(schedule, clock, state, launcher, notifier), schedule, clock);
        List<List<Attempt>> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread serving = new Thread(() -> server.runUntilStopped(reported::add));
        serving.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (reported.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        server.stop(); // wakes the one-minute sleep at once
        assertThat(server.awaitStopped(Duration.ofSeconds(5))).isTrue();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).hasSize(17);
        assertThat(launcher.launched).containsExactlyElementsOf(DUE_ON_4_MARCH_2026);
    }

    @Test
    void noSnapshotNothingToDo() {
        assertThat(catchUp(null).runPass(() -> false)).isEmpty();
        assertThat(launcher.launched).isEmpty();
    }

    /** snapshots and completed runs in memory */
    static final class FakeState implements RunState {
        NewestSnapshot snapshot;
        final Map<ReportJob, Map<String, Set<Long>>> completed = new HashMap<>();

        @Override
        public Optional<NewestSnapshot> newestSnapshot() {
            return Optional.ofNullable(snapshot);
        }

        @Override
        public Set<String> completedPeriods(ReportJob job, Long snapshotId) {
            return completed.getOrDefault(job, Map.of()).entrySet().stream()
                    .filter(e -> snapshotId == null || e.getValue().contains(snapshotId)).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }

        void complete(Period period, long snapshotId) {
            completed.computeIfAbsent(period.job(), j -> new HashMap<>()).computeIfAbsent(period.key(), k -> new HashSet<>())
                    .add(snapshotId);
        }
    }

    /** records "job period @snapshot" and completes the period, or throws the failure planned for it (once) */
    static final class FakeLauncher implements PeriodLauncher {
        final List<String> launched = new ArrayList<>();
        final Map<String, LaunchFailure> failOnce = new HashMap<>();
        private final FakeState state;

        FakeLauncher(FakeState state) {
            this.state = state;
        }

        @Override
        public void launch(Period period, long snapshotId) {
            launched.add(period + " @" + snapshotId);
            LaunchFailure failure = failOnce.remove(period.toString());
            if (failure != null) {
                throw failure;
            }
            state.complete(period, snapshotId);
        }
    }
}
