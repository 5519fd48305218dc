package pl.mops.reports.scheduling;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import pl.mops.reports.runs.ReportJob;

/** What the scheduler needs to know from the database to decide which periods are due. */
public interface RunState {

    /**
     * The newest snapshot: scheduled runs use it.
     *
     * @param asOf           the last day its data cover ("stan na": {@code --stan-na}, else the day of the import)
     * @param firstBenefitDay the earliest benefit date in it, {@code null} when it has no benefits
     */
    record NewestSnapshot(long id, LocalDate asOf, LocalDate firstBenefitDay) {
    }

    Optional<NewestSnapshot> newestSnapshot();

    /** the period keys ({@code 2025-03}, {@code 2025-P}, {@code 2025}) with a COMPLETED run; {@code snapshotId} null = any */
    Set<String> completedPeriods(ReportJob job, Long snapshotId);
}
