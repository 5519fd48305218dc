package pl.mops.reports.scheduling;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

/**
 * One validated data line of the schedule: the drop-folder check ({@code wymiana}) or the extraction from the source
 * database ({@code extract}), and when it fires (in the schedule's time zone, daylight saving time as for
 * {@link ScheduleEntry}). Unlike a report entry it has no period: a firing means "look for new data now"; firings
 * missed while nothing ran are not repeated one by one ({@link DataIntake}).
 *
 * @param disabledReason why it does not run ({@code null} when it does): {@code wlaczone: false}, or — for the
 *                       extraction — no source database configured ({@code mops.zrodlo.url})
 */
public record DataEntry(IntakeKind kind, String cronText, CronExpression cron, ZoneId zone, String disabledReason) {

    public boolean enabled() {
        return disabledReason == null;
    }

    /** the first firing strictly after {@code after}, or {@code null} when the expression never fires again */
    public ZonedDateTime nextFiring(ZonedDateTime after) {
        return ScheduleEntry.nextFiring(cron, zone, after);
    }
}
