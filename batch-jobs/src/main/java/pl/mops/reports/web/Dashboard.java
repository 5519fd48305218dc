package pl.mops.reports.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.mrpips03.ReturnStatus;
import pl.mops.reports.runs.PolishStatus;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.runs.RunParameters;
import pl.mops.reports.scheduling.Attempt;
import pl.mops.reports.scheduling.CatchUp;
import pl.mops.reports.scheduling.CronDescription;
import pl.mops.reports.scheduling.LastRuns;
import pl.mops.reports.scheduling.Period;
import pl.mops.reports.scheduling.Schedule;
import pl.mops.reports.scheduling.ScheduleEntry;

/**
 * What the Pulpit shows, read through the services {@code snapshots} and {@code status} use (no SQL of its own):
 * the newest snapshot and its import summary per file, the schedule with next firings, the last run of each job,
 * the periods due and those waiting for a retry after a failure, and the MRPiPS-03 returns with their deadlines.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class Dashboard {

    /** the newest snapshot: number, when, fingerprint, source, data span, contract version, files */
    public record SnapshotView(long id, String createdAt, String fingerprint, String source, String span,
                               int contractVersion, List<SnapshotRepository.FileCounts> files, long read, long loaded,
                               long rejected) {
    }

    /** one line of the schedule */
    public record ScheduleLine(String job, String cron, String when, String period, boolean enabled, String next,
                               String nextPeriod) {
    }

    /** the last run of one job ({@code run} empty when it never ran) */
    public record RunLine(String job, Optional<RunView> run) {
    }

    public record RunView(long executionId, String status, boolean failed, boolean running, String start,
                          String duration, String parameters, String launchedBy) {
    }

    /** a period waiting for a retry after a failed scheduled attempt */
    public record RetryLine(String period, String failedAt, String retryAt, String message) {
    }

    /** @param run the run of the period's newest complete version (its page: /sprawozdania/{run}), or null */
    public record ReturnLine(String period, String deadline, String state, Long run) {
    }

    public record View(String now, Optional<SnapshotView> snapshot, List<ScheduleLine> schedule, String zone,
                       List<RunLine> lastRuns, String catchUp, List<String> due, List<RetryLine> retries,
                       List<ReturnLine> returns) {
    }

    private final SnapshotRepository snapshots;
    private final Schedule schedule;
    private final CatchUp catchUp;
    private final LastRuns lastRuns;
    private final ReturnStatus returns;
    private final pl.mops.reports.mrpips03.ReturnRepository stored;
    private final Clock clock;
    private final MopsProperties properties;

    public Dashboard(SnapshotRepository snapshots, Schedule schedule, CatchUp catchUp, LastRuns lastRuns,
                     ReturnStatus returns, pl.mops.reports.mrpips03.ReturnRepository stored, Clock clock,
                     MopsProperties properties) {
        this.snapshots = snapshots;
        this.schedule = schedule;
        this.catchUp = catchUp;
        this.lastRuns = lastRuns;
        this.returns = returns;
        this.stored = stored;
        this.clock = clock;
        this.properties = properties;
    }

    public View view() {
        ZoneId zone = schedule.zone();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        CatchUp.Plan plan = catchUp.plan();
        return new View(PolishTimes.minutes(now), newestSnapshot(), scheduleLines(now), zone.getId(), runLines(),
                catchUpText(plan), due(plan), retries(), returnLines(now.toLocalDate()));
    }

    private Optional<SnapshotView> newestSnapshot() {
        return snapshots.newest().map(this::snapshotView);
    }

    private SnapshotView snapshotView(Snapshot s) {
        List<SnapshotRepository.FileCounts> files = snapshots.fileCounts(s.id());
        return new SnapshotView(s.id(), PolishTimes.seconds(s.createdAt(), properties.timeZone()), s.shortFingerprint(),
                s.source(), s.coverage().span(), s.contractVersion(), files,
                files.stream().mapToLong(SnapshotRepository.FileCounts::read).sum(),
                files.stream().mapToLong(SnapshotRepository.FileCounts::loaded).sum(),
                files.stream().mapToLong(SnapshotRepository.FileCounts::rejected).sum());
    }

    private List<ScheduleLine> scheduleLines(ZonedDateTime now) {
        List<ScheduleLine> lines = new ArrayList<>();
        for (ScheduleEntry entry : schedule.entries()) {
            ZonedDateTime next = entry.enabled() ? entry.nextFiring(now) : null;
            lines.add(new ScheduleLine(entry.job().polishName(), entry.cronText(), CronDescription.polish(entry.cronText()),
                    entry.rule().polishName(), entry.enabled(),
                    !entry.enabled() ? "wyłączone" : next == null ? "nigdy" : PolishTimes.minutes(next),
                    next == null ? "" : entry.periodOf(next.toLocalDate()).key()));
        }
        return lines;
    }

    private List<RunLine> runLines() {
        Map<ReportJob, LastRuns.Run> last = lastRuns.lastPerJob(false);
        List<RunLine> lines = new ArrayList<>();
        for (ReportJob job : ReportJob.values()) {
            LastRuns.Run run = last.get(job);
            lines.add(new RunLine(job.polishName(), Optional.ofNullable(run).map(r -> new RunView(r.executionId(),
                    PolishStatus.of(r.status()), r.failed(), !r.failed() && !"COMPLETED".equals(r.status()),
                    PolishTimes.seconds(PolishTimes.ofBatch(r.start(), ZoneId.systemDefault(), schedule.zone())),
                    r.duration().map(PolishTimes::duration).orElse("—"),
                    RunParameters.forClerk(RunParameters.parse(r.parameters())),
                    r.launchedBy() == null ? "?" : r.launchedBy()))));
        }
        return lines;
    }

    private static String catchUpText(CatchUp.Plan plan) {
        if (plan.snapshot().isEmpty()) {
            return "W bazie nie ma jeszcze migawki danych — harmonogram nie ma czego liczyć.";
        }
        if (plan.horizon().isEmpty()) {
            return "Najnowsza migawka nr " + plan.snapshot().get().id() + " nie ma świadczeń.";
        }
        return "Harmonogram liczy okresy od " + plan.horizon().get().toString().substring(0, 7) + " na migawce nr "
                + plan.snapshot().get().id() + " (dane do " + PolishTimes.date(plan.snapshot().get().asOf()) + ").";
    }

    /** the due periods grouped by job, oldest first: "statystyka miesięczna: 2024-01, 2024-02" */
    private static List<String> due(CatchUp.Plan plan) {
        Map<String, List<String>> byJob = new java.util.LinkedHashMap<>();
        plan.due().forEach(f -> byJob.computeIfAbsent(f.period().job().polishName(), job -> new ArrayList<>())
                .add(f.period().key()));
        return byJob.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).toList();
    }

    private List<RetryLine> retries() {
        return catchUp.pendingFailures().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Period, Attempt> e) -> e.getValue().at()))
                .map(e -> new RetryLine(e.getKey().job().polishName() + " za " + e.getKey().key(),
                        PolishTimes.minutes(e.getValue().at().atZone(schedule.zone())),
                        PolishTimes.minutes(e.getValue().at().plus(schedule.retryAfter()).atZone(schedule.zone())),
                        e.getValue().message()))
                .toList();
    }

    private List<ReturnLine> returnLines(LocalDate today) {
        return returns.lines(today).stream()
                .map(l -> new ReturnLine(l.period().toString(), l.deadline(), l.state(),
                        stored.newestComplete(l.period()).map(stored::lastExecutionOf).orElse(null))).toList();
    }
}
