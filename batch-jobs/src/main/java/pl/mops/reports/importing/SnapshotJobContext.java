package pl.mops.reports.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.runs.RunFileRepository;
import pl.mops.reports.runs.TestInterruptions;

/**
 * What connects a data job ({@code snapshotImport}, {@code snapshotExtract}) with whoever started it in this thread
 * (the jobs run synchronously, in the caller's thread): the progress callback going in, the import's result coming
 * out. It also records a run's outcome where {@code runs} shows it: the summary and rejects files of a new snapshot
 * ({@code run_file}) and one line in the job's exit description ("nowa migawka nr 5 …", "bez nowej migawki …").
 */
@Component
public class SnapshotJobContext implements JobExecutionListener {

    static final String OUTCOME = "mops.wynik";
    static final String SNAPSHOT = "mops.migawka";

    private static final ThreadLocal<SnapshotImporter.Progress> PROGRESS = new ThreadLocal<>();
    private static final ThreadLocal<ImportResult> RESULT = new ThreadLocal<>();

    private final RunFileRepository runFiles;

    public SnapshotJobContext(RunFileRepository runFiles) {
        this.runFiles = runFiles;
    }

    static void begin(SnapshotImporter.Progress progress) {
        PROGRESS.set(progress);
        RESULT.remove();
    }

    /** the result of the job run in this thread since {@link #begin}, if it got that far; clears the context */
    static ImportResult end() {
        ImportResult result = RESULT.get();
        PROGRESS.remove();
        RESULT.remove();
        return result;
    }

    /** the caller's progress, with the test-only interruption point after each file (inside the import's transaction) */
    static SnapshotImporter.Progress progress(String stepName) {
        SnapshotImporter.Progress caller = PROGRESS.get() == null ? SnapshotImporter.Progress.NONE : PROGRESS.get();
        return stats -> {
            caller.fileRead(stats);
            TestInterruptions.during(stepName);
        };
    }

    /** the step's import is committed: hand its result over and record what it made */
    void finished(StepExecution step, ImportResult result, String more) {
        RESULT.set(result);
        JobExecution job = step.getJobExecution();
        String outcome = describe(result) + (more == null ? "" : "; " + more);
        job.getExecutionContext().putString(OUTCOME, outcome);
        job.getExecutionContext().putLong(SNAPSHOT, result.snapshot().id());
        if (!result.reused()) {
            List<WrittenFile> files = new ArrayList<>();
            for (Path file : List.of(result.summaryFile(), result.rejectsFile())) {
                if (file != null && Files.isRegularFile(file)) {
                    files.add(written(file));
                }
            }
            runFiles.record(job.getId(), job.getJobInstance().getInstanceId(), files);
        }
    }

    /** the line {@code runs} shows under a completed import */
    static String describe(ImportResult result) {
        Snapshot snapshot = result.snapshot();
        if (result.reused()) {
            return "bez nowej migawki: dane identyczne z migawką nr " + snapshot.id() + " (zakres danych "
                    + snapshot.coverage().span() + ")";
        }
        return "nowa migawka nr " + snapshot.id() + " (zakres danych " + snapshot.coverage().span() + "), wczytano "
                + ImportReportWriter.number(result.totalLoaded()) + ", odrzucono "
                + ImportReportWriter.number(result.totalRejected()) + " "
                + PolishPlural.of(result.totalRejected(), "wiersz", "wiersze", "wierszy");
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus().name().equals("COMPLETED") && execution.getExecutionContext().containsKey(OUTCOME)) {
            execution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                    execution.getExecutionContext().getString(OUTCOME)));
        }
    }

    private static WrittenFile written(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
            return new WrittenFile(file, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
