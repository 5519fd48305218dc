package pl.mops.reports.scheduling;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import pl.mops.reports.cli.CliCommand;
import pl.mops.reports.cli.CommandLine;
import pl.mops.reports.cli.Console;
import pl.mops.reports.runs.ReportJob;

/**
 * {@code status}: the schedule (cron and in words), the next firing of each entry by the scheduler's clock and the
 * period it will produce, the catch-up horizon and the periods {@code serve} would run now, and the last run of
 * each job.
 */
@Component
public class StatusCommand implements CliCommand {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Schedule schedule;
    private final CatchUp catchUp;
    private final LastRuns lastRuns;
    private final Clock clock;
    private final Console console;

    public StatusCommand(Schedule schedule, CatchUp catchUp, LastRuns lastRuns, Clock clock, Console console) {
        this.schedule = schedule;
        this.catchUp = catchUp;
        this.lastRuns = lastRuns;
        this.clock = clock;
        this.console = console;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public int execute(CommandLine line) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(schedule.zone()));
        console.line("Harmonogram (config/harmonogram.yml), strefa " + schedule.zone() + ", teraz " + now.format(MINUTES) + ":");
        console.line("  %-9s %-16s %-30s %-27s %s", "zadanie", "cron", "kiedy", "okres", "następne uruchomienie");
        for (ScheduleEntry entry : schedule.entries()) {
            ZonedDateTime next = entry.nextFiring(now);
            String nextText = !entry.enabled() ? "wyłączone"
                    : next == null ? "nigdy" : next.format(MINUTES) + " → " + entry.periodOf(next.toLocalDate()).key();
            console.line("  %-9s %-16s %-30s %-27s %s", entry.job().configName(), entry.cronText(),
                    CronDescription.polish(entry.cronText()), entry.rule().polishName(), nextText);
        }
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
                    + ", na migawce nr " + plan.snapshot().get().id() + " z " + plan.snapshot().get().taken() + ".");
            console.line(plan.due().isEmpty() ? "Zaległe okresy: brak."
                    : "Zaległe okresy (" + plan.due().size() + ", policzy je serve, od najstarszego): "
                    + plan.due().stream().map(f -> f.period().toString()).collect(Collectors.joining(", ")) + ".");
        }
        console.line("Ostatnie uruchomienia:");
        Map<ReportJob, LastRuns.Run> last = lastRuns.lastPerJob(false);
        for (ReportJob job : ReportJob.values()) {
            LastRuns.Run run = last.get(job);
            if (run == null) {
                console.line("  %-9s brak", job.configName());
            } else {
                console.line("  %-9s nr %-5d %-10s start %-19s czas %-9s %s (%s)", job.configName(), run.executionId(),
                        run.status(), time(run.start()), run.duration().map(d -> String.format("%.1f s",
                                d.toMillis() / 1000.0).replace('.', ',')).orElse("—"), run.parameters(),
                        run.launchedBy() == null ? "?" : run.launchedBy());
            }
        }
        return 0;
    }

    private static String time(LocalDateTime time) {
        return time == null ? "—" : time.format(SECONDS);
    }
}
