package pl.mops.reports.scheduling;

import java.util.Arrays;

/** A job the schedule can start: its name in {@code config/harmonogram.yml}, its Spring Batch job name, its Polish name. */
public enum ScheduledJob {

    MONTHLY("monthly", "monthlyStatistics", "statystyka miesięczna"),
    MRPIPS03("mrpips03", "mrpips03Return", "sprawozdanie MRPiPS-03"),
    OZPS("ozps", "ozpsAssessment", "ocena zasobów pomocy społecznej");

    private final String configName;
    private final String batchJobName;
    private final String polishName;

    ScheduledJob(String configName, String batchJobName, String polishName) {
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

    public static ScheduledJob ofConfigName(String name) {
        return Arrays.stream(values()).filter(j -> j.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    public static ScheduledJob ofBatchJobName(String name) {
        return Arrays.stream(values()).filter(j -> j.batchJobName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }
}
