package pl.mops.reports.runs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A job of the program under its three names: the one a user gives on the command line and in
 * {@code config/harmonogram.yml} ({@code monthly}, {@code import}), the Spring Batch job name
 * ({@code monthlyStatistics}, {@code snapshotImport}) and the Polish one of messages, logs and pages. Implemented by
 * {@link ReportJob} and {@link DataJob}, which differ only in what else they know.
 */
public interface NamedJob {

    /** the three names of one job */
    record Names(String configName, String batchJobName, String polishName) {
    }

    Names names();

    default String configName() {
        return names().configName();
    }

    default String batchJobName() {
        return names().batchJobName();
    }

    default String polishName() {
        return names().polishName();
    }

    /**
     * Whether a user means this job, in any case: its command-line name, its Spring Batch name (as older listings
     * show it), its Polish name or the first word of it ({@code statystyka}, {@code wczytanie}).
     */
    default boolean isCalled(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        String polish = polishName().toLowerCase(Locale.ROOT);
        return configName().toLowerCase(Locale.ROOT).equals(wanted)
                || batchJobName().toLowerCase(Locale.ROOT).equals(wanted)
                || polish.equals(wanted) || polish.split(" ")[0].equals(wanted);
    }

    static <J extends NamedJob> Optional<J> calledBy(J[] jobs, String name) {
        return Arrays.stream(jobs).filter(j -> j.isCalled(name)).findFirst();
    }

    static <J extends NamedJob> Optional<J> ofBatchJobName(J[] jobs, String batchJobName) {
        return Arrays.stream(jobs).filter(j -> j.batchJobName().equals(batchJobName)).findFirst();
    }
}
