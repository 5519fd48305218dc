package pl.mops.reports.scheduling;

import java.time.ZonedDateTime;

/** A moment the schedule fired (or should have fired) and the period it asks for. */
public record Firing(ScheduleEntry entry, ZonedDateTime at, Period period) {
}
