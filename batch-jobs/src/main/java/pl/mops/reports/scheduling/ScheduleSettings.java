package pl.mops.reports.scheduling;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code mops.harmonogram} in {@code config/harmonogram.yml}: the jobs {@code serve} starts and how it catches up.
 *
 * @param jobs          one entry per scheduled job ({@code zadania})
 * @param catchUpFrom   the first month catch-up may report on ({@code od}); empty = the first month with
 *                      benefits in the newest snapshot (never earlier than that, either way)
 * @param checkEvery    how often the server looks for due periods at the latest ({@code sprawdzanie-co})
 * @param retryAfter    how long a period whose run failed waits before the next attempt ({@code ponowienie-po})
 */
@ConfigurationProperties("mops.harmonogram")
public record ScheduleSettings(@Name("zadania") List<Entry> jobs, @Name("od") YearMonth catchUpFrom,
                               @Name("sprawdzanie-co") Duration checkEvery, @Name("ponowienie-po") Duration retryAfter) {

    public ScheduleSettings {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        if (checkEvery == null) {
            checkEvery = Duration.ofMinutes(1);
        }
        if (retryAfter == null) {
            retryAfter = Duration.ofHours(1);
        }
    }

    /**
     * @param job                 {@code monthly}, {@code mrpips03} or {@code ozps} ({@code zadanie})
     * @param cron                Spring cron, six fields: second minute hour day-of-month month day-of-week
     * @param period              which period a firing produces ({@code okres}, see {@link PeriodRule})
     * @param enabled             {@code wlaczone}, default true
     * @param rerunForNewSnapshot {@code przelicz-dla-nowej-migawki}: a period counts as done only with a
     *                            completed run on the newest snapshot (true) or on any snapshot (false)
     */
    public record Entry(@Name("zadanie") String job, String cron, @Name("okres") String period,
                        @Name("wlaczone") Boolean enabled,
                        @Name("przelicz-dla-nowej-migawki") Boolean rerunForNewSnapshot) {
    }
}
