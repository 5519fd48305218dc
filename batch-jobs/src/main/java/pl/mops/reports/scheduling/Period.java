package pl.mops.reports.scheduling;

import java.time.LocalDate;

import pl.mops.reports.runs.ReportJob;

/**
 * One period a job reports on: {@code 2025-03} (monthly), {@code 2025-P} / {@code 2025-R} (MRPiPS-03),
 * {@code 2025} (OZPS), with its first and last day.
 */
public record Period(ReportJob job, String key, LocalDate start, LocalDate end) {

    @Override
    public String toString() {
        return job.configName() + " " + key;
    }
}
