package pl.mops.reports.scheduling;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;

import pl.mops.reports.runs.ReportJob;

/**
 * Which period a firing of the schedule produces, by the firing's date (in the schedule's time zone).
 * Named in {@code config/harmonogram.yml} by {@code okres}.
 */
public enum PeriodRule {

    /** monthly statistics for the month before the firing's month */
    PREVIOUS_MONTH("poprzedni-miesiac", "poprzedni miesiąc", Set.of(ReportJob.MONTHLY)),
    /** MRPiPS-03 for the first half (P) of the firing's year */
    FIRST_HALF_OF_YEAR("i-polrocze", "I półrocze bieżącego roku", Set.of(ReportJob.MRPIPS03)),
    /** MRPiPS-03 for the whole (R) previous year, or OZPS of the previous year */
    PREVIOUS_YEAR("poprzedni-rok", "poprzedni rok", Set.of(ReportJob.MRPIPS03, ReportJob.OZPS));

    private final String configName;
    private final String polishName;
    private final Set<ReportJob> jobs;

    PeriodRule(String configName, String polishName, Set<ReportJob> jobs) {
        this.configName = configName;
        this.polishName = polishName;
        this.jobs = jobs;
    }

    public String configName() {
        return configName;
    }

    public String polishName() {
        return polishName;
    }

    public boolean appliesTo(ReportJob job) {
        return jobs.contains(job);
    }

    public static PeriodRule ofConfigName(String name) {
        return Arrays.stream(values()).filter(r -> r.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    public Period periodOf(ReportJob job, LocalDate firingDate) {
        return switch (this) {
            case PREVIOUS_MONTH -> {
                YearMonth month = YearMonth.from(firingDate).minusMonths(1);
                yield new Period(job, month.toString(), month.atDay(1), month.atEndOfMonth());
            }
            case FIRST_HALF_OF_YEAR -> {
                int year = firingDate.getYear();
                yield new Period(job, year + "-P", LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30));
            }
            case PREVIOUS_YEAR -> {
                int year = firingDate.getYear() - 1;
                yield new Period(job, job == ReportJob.MRPIPS03 ? year + "-R" : String.valueOf(year),
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
        };
    }
}
