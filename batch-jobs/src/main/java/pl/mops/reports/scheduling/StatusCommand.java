package pl.mops.reports.scheduling;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.system.TextWrap;
import pl.mops.reports.mrpips03.ReturnStatus;
import pl.mops.reports.runs.DataJob;
import pl.mops.reports.runs.NamedJob;
import pl.mops.reports.runs.PolishStatus;
import pl.mops.reports.runs.RunsCommand;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.runs.RunParameters;

/**
 * {@code status}: the schedule (cron and in words), the next firing of each entry by the scheduler's clock and the
 * period it will produce (a data entry: what it reads, or why it is off), the data (the newest snapshot, its "stan
 * na", when new data are expected next and whether they are overdue — {@link DataFreshness}), the catch-up horizon
 * and the periods {@code serve} would run now, and the last run of each job (the data jobs too). Times in the
 * schedule's zone ({@code mops.time-zone}), statuses in Polish.
 */
@Component
public class StatusCommand implements CliCommand {

    /** where the parameters of a last run start, under its number */
    private static final String INDENT = " ".repeat(12);

    private final Schedule schedule;
    private final CatchUp catchUp;
    private final LastRuns lastRuns;
    private final Clock clock;
    private final Console console;
    private final ReturnStatus returns;
    private final DataFreshness freshness;

    public StatusCommand(Schedule schedule, CatchUp catchUp, LastRuns lastRuns, Clock clock, Console console,
                         ReturnStatus returns, DataFreshness freshness) {
        this.schedule = schedule;
        this.catchUp = catchUp;
        this.lastRuns = lastRuns;
        this.clock = clock;
        this.console = console;
        this.returns = returns;
        this.freshness = freshness;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(schedule.zone()));
        console.line("Harmonogram (config/harmonogram.yml), strefa " + schedule.zone() + ", teraz " + PolishTimes.minutes(now) + ":");
        console.line("  %-9s %-16s %-30s %-27s %s", "zadanie", "cron", "kiedy", "okres", "następne uruchomienie");
        for (ScheduleEntry entry : schedule.entries()) {
            ZonedDateTime next = entry.nextFiring(now);
            String nextText = !entry.enabled() ? "wyłączone"
                    : next == null ? "nigdy" : PolishTimes.minutes(next) + " → " + entry.periodOf(next.toLocalDate()).key();
            console.line("  %-9s %-16s %-30s %-27s %s", entry.job().configName(), entry.cronText(),
                    CronDescription.polish(entry.cronText()), entry.rule().polishName(), nextText);
        }
        for (DataEntry entry : schedule.dataEntries()) {
            ZonedDateTime next = entry.enabled() ? entry.nextFiring(now) : null;
            String nextText = !entry.enabled() ? entry.disabledReason() : next == null ? "nigdy" : PolishTimes.minutes(next);
            console.line("  %-9s %-16s %-30s %-27s %s", entry.kind().configName(), entry.cronText(),
                    CronDescription.polish(entry.cronText()), entry.kind() == IntakeKind.DROP_FOLDER ? "nowe dane z folderu"
                            : "nowe dane z bazy źródłowej", nextText);
        }
        data(now).forEach(text -> TextWrap.wrap("", "  ", text, TextWrap.WIDTH).forEach(console::line));
        CatchUp.Plan plan = catchUp.plan();
        if (plan.snapshot().isEmpty()) {
            console.line("Nadrabianie: w bazie nie ma jeszcze migawki danych — harmonogram nie ma czego liczyć.");
        } else if (plan.horizon().isEmpty()) {
            console.line("Nadrabianie: najnowsza migawka nr " + plan.snapshot().get().id() + " nie ma świadczeń.");
        } else {
            boolean configured = schedule.configuredCatchUpFrom().map(m -> m.atDay(1).equals(plan.horizon().get()))
                    .orElse(false);
            console.line("Nadrabianie: okresy od " + plan.horizon().get().toString().substring(0, 7)
                    + (configured ? " (mops.harmonogram.od)" : " (pierwszy miesiąc danych najnowszej migawki)")
                    + ", na migawce nr " + plan.snapshot().get().id() + ", dane do "
                    + PolishTimes.date(plan.snapshot().get().asOf()) + ".");
            String due = plan.due().isEmpty() ? "Zaległe okresy: brak."
                    : "Zaległe okresy (" + plan.due().size() + ", policzy je serve, od najstarszego): "
                    + plan.due().stream().map(f -> f.period().toString()).collect(Collectors.joining(", ")) + ".";
            TextWrap.wrap("", "  ", due, TextWrap.WIDTH).forEach(console::line);
        }
        console.line("Ostatnie uruchomienia:");
        Map<ReportJob, LastRuns.Run> last = lastRuns.lastPerJob(false);
        for (ReportJob job : ReportJob.values()) {
            printLastRun(job, last.get(job));
        }
        Map<DataJob, LastRuns.Run> lastData = lastRuns.lastPerDataJob(false);
        for (DataJob job : DataJob.values()) {
            printLastRun(job, lastData.get(job));
        }
        console.line("Sprawozdania MRPiPS-03 (terminy: config/terminy-mrpips03.csv):");
        for (ReturnStatus.Line report : returns.lines(clock.instant().atZone(schedule.zone()).toLocalDate())) {
            TextWrap.wrap(String.format(java.util.Locale.ROOT, "  %-9s ", report.period()), INDENT, report.deadline(),
                    TextWrap.WIDTH).forEach(console::line);
            TextWrap.wrap(INDENT, INDENT, report.state(), TextWrap.WIDTH).forEach(console::line);
        }
        return ExitCode.SUCCESS;
    }

    /**
     * the data paragraph: the newest snapshot with its "stan na", when new data are expected next (the next firing of
     * each data entry) and the alarm for no new data
     */
    private List<String> data(ZonedDateTime now) {
        List<String> lines = new ArrayList<>();
        DataFreshness.State state = freshness.state();
        lines.add(state.newest().map(s -> "Dane: najnowsza migawka nr " + s.id() + ", stan na "
                + PolishTimes.date(s.coverage().asOf()) + ", wczytana " + PolishTimes.seconds(s.createdAt(), schedule.zone())
                + " (" + s.source() + ").").orElse("Dane: w bazie nie ma jeszcze migawki."));
        List<String> next = new ArrayList<>();
        for (DataEntry entry : schedule.dataEntries()) {
            ZonedDateTime at = entry.enabled() ? entry.nextFiring(now) : null;
            next.add(entry.kind().configName() + " " + (!entry.enabled() ? entry.disabledReason()
                    : at == null ? "nigdy" : PolishTimes.minutes(at)));
        }
        lines.add(schedule.enabledDataEntries().isEmpty()
                ? "Następne dane: nie z harmonogramu (" + (next.isEmpty() ? "brak wpisów wymiana i extract"
                : String.join(", ", next)) + ") — wczytuje je człowiek (import, extract, wymiana)."
                : "Następne dane: " + String.join(", ", next) + ".");
        if (state.newest().isPresent()) {
            if (state.limitDays() == 0) {
                lines.add("Alarm braku nowych danych wyłączony (mops.dane.brak-nowych-po: 0).");
            } else if (state.stale()) {
                lines.add("UWAGA: " + state.staleMessage() + " Stan serve: DOWN.");
            } else {
                lines.add("Alarm braku nowych danych: od " + PolishTimes.date(state.newest().get().coverage().asOf()
                        .plusDays(state.limitDays() + 1)) + " (ponad " + state.limitDays() + " dni od stanu na; "
                        + "mops.dane.brak-nowych-po).");
            }
        }
        return lines;
    }

    /** a Spring Batch time (this JVM's default zone, see {@link PolishTimes}) in the schedule's zone */
    private String time(LocalDateTime time) {
        return time == null ? "—" : PolishTimes.seconds(PolishTimes.ofBatch(time, ZoneId.systemDefault(), schedule.zone()));
    }

    /** one job's last run: number, status, start, duration, who; its parameters; a data job's outcome */
    private void printLastRun(NamedJob job, LastRuns.Run run) {
        if (run == null) {
            console.line("  %-9s brak", job.configName());
            return;
        }
        String columns = String.format(java.util.Locale.ROOT, "  %-9s nr %-6d %-13s start %-19s  czas %-9s ",
                job.configName(), run.executionId(), PolishStatus.of(run.status()), time(run.start()),
                run.duration().map(PolishTimes::duration).orElse("—"));
        TextWrap.wrap(columns, INDENT, "uruchomił: " + (run.launchedBy() == null ? "?" : run.launchedBy()),
                TextWrap.WIDTH).forEach(console::line);
        TextWrap.wrap(INDENT, INDENT, RunParameters.forClerk(RunParameters.parse(run.parameters())),
                TextWrap.WIDTH).forEach(console::line);
        String outcome = RunsCommand.outcome(run.jobName(), run.status(), run.exitMessage());
        if (outcome != null) {
            TextWrap.wrap(INDENT + "wynik: ", INDENT + "       ", outcome, TextWrap.WIDTH).forEach(console::line);
        }
    }
}
