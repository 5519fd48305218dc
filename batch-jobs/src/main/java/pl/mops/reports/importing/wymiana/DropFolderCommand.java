package pl.mops.reports.importing.wymiana;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.importing.ImportCommand;

/**
 * {@code wymiana}: one check of the drop folder by hand — what the schedule's entry {@code wymiana} does at each tick
 * ({@link DropFolder}), for testing and for sites that prefer the system's own scheduler (cron, systemd timers). Prints
 * in Polish what it did with each entry (and the summary of each new snapshot, as {@code import} does). Exit code 0
 * when every export was imported, rejected into {@code odrzucone/} or left waiting; 5 when another process is
 * checking the folder or importing; otherwise the code of the failed import (3 no database, 4 a file…).
 */
@Component
public class DropFolderCommand implements CliCommand {

    private final DropFolder dropFolder;
    private final Console console;

    public DropFolderCommand(DropFolder dropFolder, Console console) {
        this.dropFolder = dropFolder;
        this.console = console;
    }

    @Override
    public String name() {
        return "wymiana";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        console.line("Folder wymiany: " + dropFolder.folder());
        DropFolder.Check check = dropFolder.check(ImportCommand.launchedByUser(), ImportCommand.progress(console),
                outcome -> {
                    if (outcome.status() == DropFolder.Status.ACCEPTED) {
                        ImportCommand.print(outcome.result(), console, null);
                    }
                    console.line("  " + outcome.describe());
                }, Duration.ZERO);
        if (check.busy()) {
            console.line("Folder sprawdza właśnie inny proces (np. serve) — nic nie zrobiono.");
            return ExitCode.BUSY;
        }
        if (!check.removedFromArchive().isEmpty()) {
            console.line("Archiwum: usunięto " + check.removedFromArchive().size() + " (starsze niż "
                    + "mops.wymiana.przechowywanie-miesiecy): " + String.join(", ", check.removedFromArchive()) + ".");
        }
        List<DropFolder.Outcome> exports = check.exports();
        if (exports.isEmpty()) {
            console.line("Brak eksportów (folderu z plikiem " + DropFolder.MARKER + " albo pliku ZIP).");
            return ExitCode.SUCCESS;
        }
        console.line("Przyjęte: " + count(exports, DropFolder.Status.ACCEPTED, DropFolder.Status.ACCEPTED_SAME)
                + ", odrzucone: " + count(exports, DropFolder.Status.REJECTED)
                + ", czekają: " + count(exports, DropFolder.Status.INCOMPLETE, DropFolder.Status.BEING_WRITTEN,
                DropFolder.Status.WAITING, DropFolder.Status.HELD_ELSEWHERE)
                + ", nie wczytane z powodu błędu: " + count(exports, DropFolder.Status.FAILED) + ".");
        return exports.stream().filter(o -> o.exitCode() != 0).map(o -> ExitCode.of(o.exitCode())).findFirst()
                .orElse(ExitCode.SUCCESS);
    }

    private static long count(List<DropFolder.Outcome> outcomes, DropFolder.Status... statuses) {
        return outcomes.stream().filter(o -> List.of(statuses).contains(o.status())).count();
    }
}
