package pl.mops.reports.scheduling;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Which periods are due: every firing of every enabled entry from the catch-up horizon up to now, mapped to its
 * period, without the periods already done, oldest firing first (entries in the order of the schedule when two
 * fire at the same moment). A period whose start is before the horizon is never due; neither is one that the newest
 * snapshot does not cover completely, i.e. one that ends after the snapshot's "stan na" (the snapshot cannot hold all
 * of its data — the period waits for the next import).
 */
public final class CatchUpPlanner {

    /** a schedule firing about every second for centuries is a configuration error, not work to do */
    private static final int MAX_FIRINGS_PER_ENTRY = 100_000;

    private CatchUpPlanner() {
    }

    /**
     * @param horizon       the first day a reported period may start on
     * @param snapshotAsOf  the last day the newest snapshot covers ("stan na"): periods ending after it wait
     * @param done          whether the entry's period already has a run that counts (see {@link ScheduleEntry#rerunForNewSnapshot()})
     */
    public static List<Firing> due(Schedule schedule, ZonedDateTime now, LocalDate horizon, LocalDate snapshotAsOf,
                                   BiPredicate<ScheduleEntry, Period> done) {
        List<Firing> firings = new ArrayList<>();
        List<ScheduleEntry> entries = schedule.enabledEntries();
        ZonedDateTime from = horizon.atStartOfDay(schedule.zone()).minusNanos(1);
        for (ScheduleEntry entry : entries) {
            int count = 0;
            for (ZonedDateTime at = entry.nextFiring(from); at != null && !at.isAfter(now); at = entry.nextFiring(at)) {
                if (++count > MAX_FIRINGS_PER_ENTRY) {
                    break;
                }
                Period period = entry.periodOf(at.toLocalDate());
                if (!period.start().isBefore(horizon) && !period.end().isAfter(snapshotAsOf)) {
                    firings.add(new Firing(entry, at, period));
                }
            }
        }
        firings.sort(Comparator.comparing(Firing::at).thenComparingInt(f -> entries.indexOf(f.entry())));
        Map<Period, Firing> firstFiringOfPeriod = new LinkedHashMap<>();
        for (Firing firing : firings) {
            firstFiringOfPeriod.putIfAbsent(firing.period(), firing);
        }
        return firstFiringOfPeriod.values().stream().filter(f -> !done.test(f.entry(), f.period())).toList();
    }
}
