package pl.mops.reports.runs;

import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

import pl.mops.reports.system.Console;

/** The command line's progress lines: "… agregacja w bazie (GROUPING SETS)…" and "…: gotowe (5,3 s)". */
@Component
public class ConsoleProgress implements ProgressSink {

    private final Console console;

    public ConsoleProgress(Console console) {
        this.console = console;
    }

    @Override
    public void accept(RunProgress progress) {
        switch (progress.phase()) {
            case STEP_STARTED -> console.progress(progress.description() + "…");
            case STEP_FINISHED -> console.progress(progress.description() + ": "
                    + (progress.status().isUnsuccessful() ? "BŁĄD"
                            : progress.status() == BatchStatus.STOPPED ? "zatrzymane" : "gotowe")
                    + String.format(" (%.1f s)", progress.took().toMillis() / 1000.0).replace('.', ','));
            default -> {
                // the job's start and end: the command prints its own summary
            }
        }
    }
}
