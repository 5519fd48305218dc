package pl.mops.reports.runs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The report jobs: the name in {@code config/harmonogram.yml}, the Spring Batch job name and the Polish name used in
 * messages, logs and notifications (one place for all three).
 */
public enum ReportJob {

    MONTHLY("monthly", "monthlyStatistics", "statystyka miesięczna"),
    MRPIPS03("mrpips03", "mrpips03Return", "sprawozdanie MRPiPS-03"),
    OZPS("ozps", "ozpsAssessment", "ocena zasobów pomocy społecznej");

    private final String configName;
    private final String batchJobName;
    private final String polishName;

    ReportJob(String configName, String batchJobName, String polishName) {
        this.configName = configName;
        this.batchJobName = batchJobName;
        this.polishName = polishName;
    }

    public String configName() {
        return configName;
    }

    public String batchJobName() {
        return batchJobName;
    }

    public String polishName() {
        return polishName;
    }

    public static ReportJob ofConfigName(String name) {
        return Arrays.stream(values()).filter(j -> j.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    /** the Polish name of a Spring Batch job, or the job name itself for a job that is not a report job */
    public static String polishNameOf(String batchJobName) {
        return Arrays.stream(values()).filter(j -> j.batchJobName.equals(batchJobName)).findFirst()
                .map(ReportJob::polishName).orElse(batchJobName);
    }

    public static ReportJob ofBatchJobName(String name) {
        return Arrays.stream(values()).filter(j -> j.batchJobName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    /**
     * A job as a user may name it on the command line, in any case: {@code monthly}, the Spring Batch name
     * ({@code monthlyStatistics}, as older listings show it), the Polish name ({@code "statystyka miesięczna"}) or
     * its first word ({@code statystyka}, {@code sprawozdanie}, {@code ocena}).
     */
    public static Optional<ReportJob> ofUserName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(j -> j.configName.toLowerCase(Locale.ROOT).equals(wanted)
                || j.batchJobName.toLowerCase(Locale.ROOT).equals(wanted)
                || j.polishName.toLowerCase(Locale.ROOT).equals(wanted)
                || j.polishName.toLowerCase(Locale.ROOT).split(" ")[0].equals(wanted)).findFirst();
    }
}
