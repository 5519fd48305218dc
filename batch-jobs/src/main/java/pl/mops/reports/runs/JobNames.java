package pl.mops.reports.runs;

import java.util.Optional;

/** One place to name any job of the program (a {@link ReportJob} or a {@link DataJob}). */
public final class JobNames {

    /** the names {@code runs --zadanie} accepts, as its refusal lists them */
    public static final String CHOICES = "monthly, mrpips03, ozps, import albo extract";

    private JobNames() {
    }

    /** the Spring Batch job name of a job as a user names it, e.g. {@code statystyka} → {@code monthlyStatistics} */
    public static Optional<String> batchJobNameOfUserName(String name) {
        return ReportJob.ofUserName(name).map(ReportJob::batchJobName)
                .or(() -> DataJob.ofUserName(name).map(DataJob::batchJobName));
    }

    /** e.g. "wczytanie danych" for {@code snapshotImport}; the name itself for a job the program does not know */
    public static String polishNameOf(String batchJobName) {
        return DataJob.ofBatchJobName(batchJobName).map(DataJob::polishName)
                .orElseGet(() -> ReportJob.polishNameOf(batchJobName));
    }

    /** how a user names it in {@code run} or on the command line: {@code monthly}, {@code import}… */
    public static String configNameOf(String batchJobName) {
        Optional<DataJob> data = DataJob.ofBatchJobName(batchJobName);
        if (data.isPresent()) {
            return data.get().configName();
        }
        try {
            return ReportJob.ofBatchJobName(batchJobName).configName();
        } catch (IllegalArgumentException unknown) {
            return batchJobName;
        }
    }
}
