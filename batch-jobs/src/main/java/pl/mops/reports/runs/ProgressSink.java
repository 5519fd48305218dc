package pl.mops.reports.runs;

/** Somebody who follows runs as they go: every Spring bean of this type gets every {@link RunProgress}. */
public interface ProgressSink {

    void accept(RunProgress progress);
}
