package pl.mops.reports.runs;

import java.util.Arrays;
import java.util.Optional;

/**
 * The report jobs, named as {@link NamedJob} says (one place for the three names of each).
 */
public enum ReportJob implements NamedJob {

    MONTHLY(new Names("monthly", "monthlyStatistics", "statystyka miesięczna")),
    MRPIPS03(new Names("mrpips03", "mrpips03Return", "sprawozdanie MRPiPS-03")),
    OZPS(new Names("ozps", "ozpsAssessment", "ocena zasobów pomocy społecznej"));

    private final Names names;

    ReportJob(Names names) {
        this.names = names;
    }

    @Override
    public Names names() {
        return names;
    }

    public static ReportJob ofConfigName(String name) {
        return Arrays.stream(values()).filter(j -> j.configName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    /** the Polish name of a Spring Batch job, or the job name itself for a job that is not a report job */
    public static String polishNameOf(String batchJobName) {
        return NamedJob.ofBatchJobName(values(), batchJobName).map(ReportJob::polishName).orElse(batchJobName);
    }

    public static ReportJob ofBatchJobName(String name) {
        return NamedJob.ofBatchJobName(values(), name).orElseThrow(() -> new IllegalArgumentException(name));
    }

    /**
     * A job as a user may name it on the command line ({@link #isCalled}): {@code monthly}, {@code monthlyStatistics},
     * {@code "statystyka miesięczna"} or {@code statystyka}, {@code sprawozdanie}, {@code ocena}.
     */
    public static Optional<ReportJob> ofUserName(String name) {
        return NamedJob.calledBy(values(), name);
    }
}
