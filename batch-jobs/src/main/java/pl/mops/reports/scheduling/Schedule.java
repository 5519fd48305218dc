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

import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.SourceSettings;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.runs.ReportJob;

/**
 * The schedule of {@code serve} read from {@code config/harmonogram.yml}, in the unit's time zone
 * ({@code mops.time-zone}, Europe/Warsaw): the report entries ({@code monthly}, {@code mrpips03}, {@code ozps}, each
 * with its period) and the data entries ({@code wymiana}: the drop folder; {@code extract}: the source database, on
 * only when {@code mops.zrodlo.url} is set). A wrong entry stops the program with a Polish message naming it.
 */
@Component
public class Schedule {

    private final List<ScheduleEntry> entries;
    private final List<DataEntry> dataEntries;
    private final ZoneId zone;
    private final ScheduleSettings settings;

    @Autowired
    public Schedule(ScheduleSettings settings, MopsProperties properties, SourceSettings source) {
        this.settings = settings;
        this.zone = properties.timeZone();
        this.entries = validate(settings.jobs(), zone);
        this.dataEntries = validateData(settings.jobs(), zone, source);
    }

    /** without a source database ({@code extract} entries are off) */
    public Schedule(ScheduleSettings settings, MopsProperties properties) {
        this(settings, properties, SourceSettings.none());
    }

    /** a schedule with the given entries (tests) */
    public static Schedule of(ZoneId zone, YearMonth catchUpFrom, List<ScheduleSettings.Entry> entries) {
        return new Schedule(new ScheduleSettings(entries, catchUpFrom, null, null),
                new MopsProperties(null, null, null, zone));
    }

    /** the report entries, in the order of the file */
    public List<ScheduleEntry> entries() {
        return entries;
    }

    /** the data entries ({@code wymiana}, {@code extract}), in the order of the file */
    public List<DataEntry> dataEntries() {
        return dataEntries;
    }

    public List<DataEntry> enabledDataEntries() {
        return dataEntries.stream().filter(DataEntry::enabled).toList();
    }

    /** the first firing of any enabled data entry strictly after {@code after} */
    public Optional<ZonedDateTime> nextDataFiring(ZonedDateTime after) {
        return enabledDataEntries().stream().map(e -> e.nextFiring(after)).filter(t -> t != null)
                .min(ZonedDateTime::compareTo);
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

    /** the first firing of any enabled report entry strictly after {@code after} */
    public Optional<ZonedDateTime> nextFiring(ZonedDateTime after) {
        return enabledEntries().stream().map(e -> e.nextFiring(after)).filter(t -> t != null)
                .min(ZonedDateTime::compareTo);
    }

    private static List<ScheduleEntry> validate(List<ScheduleSettings.Entry> raw, ZoneId zone) {
        List<ScheduleEntry> valid = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            ScheduleSettings.Entry entry = raw.get(i);
            String where = where(i);
            if (IntakeKind.ofConfigName(entry.job()).isPresent()) {
                continue; // a data entry (validateData)
            }
            ReportJob job;
            try {
                job = ReportJob.ofConfigName(entry.job());
            } catch (RuntimeException e) {
                throw new UserError(where + ": nieznane zadanie \"" + entry.job() + "\" (dozwolone: monthly, mrpips03, ozps, "
                        + "wymiana, extract).", ExitCode.INVALID_INPUT, null);
            }
            CronExpression cron = cron(where, entry.cron());
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

    private static List<DataEntry> validateData(List<ScheduleSettings.Entry> raw, ZoneId zone, SourceSettings source) {
        List<DataEntry> valid = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            ScheduleSettings.Entry entry = raw.get(i);
            Optional<IntakeKind> kind = IntakeKind.ofConfigName(entry.job());
            if (kind.isEmpty()) {
                continue;
            }
            String where = where(i);
            CronExpression cron = cron(where, entry.cron());
            if (entry.period() != null || entry.rerunForNewSnapshot() != null) {
                throw new UserError(where + ": zadanie " + entry.job() + " nie ma okresu ani "
                        + "przelicz-dla-nowej-migawki (sprawdza, czy są nowe dane) — usuń te pola.", ExitCode.INVALID_INPUT, null);
            }
            String disabled = null;
            if (entry.enabled() != null && !entry.enabled()) {
                disabled = "wyłączone (wlaczone: false)";
            } else if (kind.get() == IntakeKind.DATABASE && !source.configured()) {
                disabled = "wyłączone (brak mops.zrodlo.url)";
            }
            valid.add(new DataEntry(kind.get(), entry.cron().trim(), cron, zone, disabled));
        }
        return List.copyOf(valid);
    }

    private static String where(int index) {
        return "Harmonogram (config/harmonogram.yml, mops.harmonogram.zadania[" + index + "])";
    }

    private static CronExpression cron(String where, String text) {
        try {
            return CronExpression.parse(text);
        } catch (RuntimeException e) {
            throw new UserError(where + ": nieprawidłowe wyrażenie cron \"" + text + "\" (oczekiwano sześciu "
                    + "pól: sekunda minuta godzina dzień-miesiąca miesiąc dzień-tygodnia, np. \"0 0 2 3 * *\").", ExitCode.INVALID_INPUT, null);
        }
    }
}
