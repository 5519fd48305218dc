package pl.mops.reports.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import pl.mops.reports.runs.FailureNotifier;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.runs.RunFailureReport;
import pl.mops.reports.system.ExitCode;

/**
 * One pass of the scheduler: finds the due periods ({@link CatchUpPlanner}) by the {@link Clock} and runs them one
 * at a time, oldest first, on the newest snapshot. A failed period is notified (when no job execution was started —
 * a failed job execution is notified by the job's own listener) and left alone for {@code ponowienie-po}; a period
 * another process is running is skipped until the next pass; a lost database connection ends the pass.
 */
@Component
public class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    static final String LAUNCHED_BY = "harmonogram";
    private static final int NO_DATABASE = 3;

    private final Schedule schedule;
    private final Clock clock;
    private final RunState state;
    private final PeriodLauncher launcher;
    private final FailureNotifier notifier;
    private final Map<Period, Attempt> failures = new ConcurrentHashMap<>();

    public CatchUp(Schedule schedule, Clock clock, RunState state, PeriodLauncher launcher, FailureNotifier notifier) {
        this.schedule = schedule;
        this.clock = clock;
        this.state = state;
        this.launcher = launcher;
        this.notifier = notifier;
    }

    /** The plan of a pass: the snapshot, the horizon and the due periods (also what {@code status} shows). */
    public record Plan(Optional<RunState.NewestSnapshot> snapshot, Optional<LocalDate> horizon, List<Firing> due) {
    }

    public Plan plan() {
        Optional<RunState.NewestSnapshot> snapshot = state.newestSnapshot();
        if (snapshot.isEmpty() || snapshot.get().firstBenefitDay() == null) {
            return new Plan(snapshot, Optional.empty(), List.of());
        }
        LocalDate dataStart = YearMonth.from(snapshot.get().firstBenefitDay()).atDay(1);
        LocalDate horizon = schedule.configuredCatchUpFrom().map(m -> m.atDay(1))
                .filter(configured -> configured.isAfter(dataStart)).orElse(dataStart);
        long snapshotId = snapshot.get().id();
        Map<ReportJob, Set<String>> anySnapshot = new HashMap<>();
        Map<ReportJob, Set<String>> newestSnapshot = new HashMap<>();
        List<Firing> due = CatchUpPlanner.due(schedule, ZonedDateTime.now(clock.withZone(schedule.zone())), horizon,
                snapshot.get().asOf(), (entry, period) -> (entry.rerunForNewSnapshot()
                        ? newestSnapshot.computeIfAbsent(entry.job(), job -> state.completedPeriods(job, snapshotId))
                        : anySnapshot.computeIfAbsent(entry.job(), job -> state.completedPeriods(job, null)))
                        .contains(period.key()));
        return new Plan(snapshot, Optional.of(horizon), due);
    }

    /** runs every due period not waiting for a retry, until done or {@code stop} says so; returns the attempts */
    public List<Attempt> runPass(BooleanSupplier stop) {
        Plan plan = plan();
        List<Attempt> attempts = new ArrayList<>();
        if (plan.snapshot().isEmpty()) {
            log.info("Harmonogram: w bazie nie ma jeszcze żadnej migawki danych — nie ma czego liczyć.");
            return attempts;
        }
        long snapshotId = plan.snapshot().get().id();
        // a failed period completed meanwhile (e.g. by a manual run) is no longer a failure
        failures.keySet().retainAll(plan.due().stream().map(Firing::period).toList());
        for (Firing firing : plan.due()) {
            if (stop.getAsBoolean()) {
                break;
            }
            Period period = firing.period();
            Attempt failed = failures.get(period);
            if (failed != null && clock.instant().isBefore(failed.at().plus(schedule.retryAfter()))) {
                continue;
            }
            Attempt attempt = attempt(period, snapshotId);
            attempts.add(attempt);
            if (attempt.outcome() == Attempt.Outcome.FAILED) {
                failures.put(period, attempt);
            } else {
                failures.remove(period);
            }
            if (attempt.outcome() == Attempt.Outcome.FAILED && attempt.exitCode() == NO_DATABASE) {
                break;
            }
        }
        return attempts;
    }

    /** the periods whose last attempt failed and their attempt (for {@code status} and health) */
    public Map<Period, Attempt> pendingFailures() {
        return Map.copyOf(failures);
    }

    private Attempt attempt(Period period, long snapshotId) {
        Instant start = clock.instant();
        log.info("Harmonogram: uruchamiam {} za {} (migawka {}).", period.job().polishName(), period.key(), snapshotId);
        try {
            launcher.launch(period, snapshotId);
            log.info("Harmonogram: {} za {} zakończone.", period.job().polishName(), period.key());
            return new Attempt(period, snapshotId, Attempt.Outcome.COMPLETED, "", 0, start);
        } catch (PeriodLauncher.LaunchFailure failure) {
            if (failure.exitCode() == ExitCode.BUSY.code()) {
                log.info("Harmonogram: {} za {} liczy teraz inny proces — spróbuję przy następnym sprawdzeniu. {}",
                        period.job().polishName(), period.key(), failure.getMessage());
                return new Attempt(period, snapshotId, Attempt.Outcome.HELD_ELSEWHERE, failure.getMessage(),
                        failure.exitCode(), start);
            }
            log.warn("Harmonogram: {} za {} nie powiodło się (następna próba za {} min): {}", period.job().polishName(),
                    period.key(), schedule.retryAfter().toMinutes(), failure.getMessage(), failure.getCause());
            Attempt attempt = new Attempt(period, snapshotId, Attempt.Outcome.FAILED, failure.getMessage(),
                    failure.exitCode(), start);
            if (failure.executionId() == null) {
                notifier.notify(new RunFailureReport(period.job().batchJobName(), period.job().polishName(),
                        "okres=" + period.key() + ", snapshot=" + snapshotId, "NOT_STARTED", failure.getMessage(), null,
                        LAUNCHED_BY, null, null, null));
            }
            return attempt;
        }
    }
}
