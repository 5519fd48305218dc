package pl.mops.reports.scheduling;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.runs.ReportJob;

/**
 * The schedule of {@code serve} read from {@code config/harmonogram.yml}, in the unit's time zone
 * ({@code mops.time-zone}, Europe/Warsaw). A wrong entry stops the program with a Polish message naming it.
 */
@Component
public class Schedule {

    private final List<ScheduleEntry> entries;
    private final ZoneId zone;
    private final ScheduleSettings settings;

    public Schedule(ScheduleSettings settings, MopsProperties properties) {
        this.settings = settings;
        this.zone = properties.timeZone();
        this.entries = validate(settings.jobs(), zone);
    }

    /** a schedule with the given entries (tests) */
    public static Schedule of(ZoneId zone, YearMonth catchUpFrom, List<ScheduleSettings.Entry> entries) {
        return new Schedule(new ScheduleSettings(entries, catchUpFrom, null, null),
                new MopsProperties(null, null, null, zone));
    }

    public List<ScheduleEntry> entries() {
        return entries;
    }

    public List<ScheduleEntry> enabledEntries() {
        return entries.stream().filter(ScheduleEntry::enabled).toList();
    }

    public ZoneId zone() {
        return zone;
    }

    public Optional<YearMonth> configuredCatchUpFrom() {
        return Optional.ofNullable(settings.catchUpFrom());
    }

    public Duration checkEvery() {
        return settings.checkEvery();
    }

    public Duration retryAfter() {
        return settings.retryAfter();
    }

    /** the first firing of any enabled entry strictly after {@code after} */
    public Optional<ZonedDateTime> nextFiring(ZonedDateTime after) {
        return enabledEntries().stream().map(e -> e.nextFiring(after)).filter(t -> t != null)
                .min(ZonedDateTime::compareTo);
    }

    private static List<ScheduleEntry> validate(List<ScheduleSettings.Entry> raw, ZoneId zone) {
        List<ScheduleEntry> valid = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            ScheduleSettings.Entry entry = raw.get(i);
            String where = "Harmonogram (config/harmonogram.yml, mops.harmonogram.zadania[" + i + "])";
            ReportJob job;
            try {
                job = ReportJob.ofConfigName(entry.job());
            } catch (RuntimeException e) {
                throw new UserError(where + ": nieznane zadanie \"" + entry.job() + "\" (dozwolone: monthly, mrpips03, ozps).",
                        ExitCode.INVALID_INPUT, null);
            }
            CronExpression cron;
            try {
                cron = CronExpression.parse(entry.cron());
            } catch (RuntimeException e) {
                throw new UserError(where + ": nieprawidłowe wyrażenie cron \"" + entry.cron() + "\" (oczekiwano sześciu "
                        + "pól: sekunda minuta godzina dzień-miesiąca miesiąc dzień-tygodnia, np. \"0 0 2 3 * *\").", ExitCode.INVALID_INPUT, null);
            }
            PeriodRule rule;
            try {
                rule = PeriodRule.ofConfigName(entry.period());
            } catch (RuntimeException e) {
                throw new UserError(where + ": nieznany okres \"" + entry.period()
                        + "\" (dozwolone: poprzedni-miesiac, i-polrocze, poprzedni-rok).", ExitCode.INVALID_INPUT, null);
            }
            if (!rule.appliesTo(job)) {
                throw new UserError(where + ": okres \"" + entry.period() + "\" nie pasuje do zadania " + job.configName()
                        + " (monthly: poprzedni-miesiac; mrpips03: i-polrocze albo poprzedni-rok; ozps: poprzedni-rok).", ExitCode.INVALID_INPUT, null);
            }
            valid.add(new ScheduleEntry(job, entry.cron().trim(), cron, zone, rule, entry.enabled() == null || entry.enabled(),
                    entry.rerunForNewSnapshot() != null && entry.rerunForNewSnapshot()));
        }
        return List.copyOf(valid);
    }
}
