package pl.mops.reports.scheduling;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

import pl.mops.reports.runs.ReportJob;

/**
 * One validated line of the schedule: a job, when it fires (in the schedule's time zone) and which period each
 * firing produces.
 * <p>
 * Daylight saving time: the cron is matched against the local wall-clock time and only then placed in the zone.
 * A time that does not exist (02:30 on the last Sunday of March in Europe/Warsaw) fires at once after the gap
 * (03:30 summer time) — Spring's {@code CronExpression} on a zoned time would skip that day altogether, and a
 * yearly firing on that day would lose its period for the year; a time that occurs twice (02:30 on the last
 * Sunday of October) fires once, at its first occurrence.
 */
public record ScheduleEntry(ReportJob job, String cronText, CronExpression cron, ZoneId zone, PeriodRule rule,
                            boolean enabled, boolean rerunForNewSnapshot) {

    /** the first firing strictly after {@code after}, or {@code null} when the expression never fires again */
    public ZonedDateTime nextFiring(ZonedDateTime after) {
        return nextFiring(cron, zone, after);
    }

    /** the same for any cron expression in a zone (also the data entries, {@link DataEntry}) */
    static ZonedDateTime nextFiring(CronExpression cron, ZoneId zone, ZonedDateTime after) {
        LocalDateTime from = after.withZoneSameInstant(zone).toLocalDateTime();
        while (true) {
            LocalDateTime next = cron.next(from);
            if (next == null) {
                return null;
            }
            ZonedDateTime firing = next.atZone(zone); // a gap moves it forward, an overlap takes the earlier offset
            if (firing.isAfter(after)) {
                return firing;
            }
            from = next;
        }
    }

    public Period periodOf(LocalDate firingDate) {
        return rule.periodOf(job, firingDate);
    }
}
