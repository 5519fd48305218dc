package pl.mops.reports.importing.csv;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.validation.Pesel;

/**
 * A file-level error of an import (unreadable file, binary content, missing required column):
 * the whole import stops before anything is written (exit code 2). The message is Polish and names
 * the file, and it never quotes a data row (a PESEL-like number is masked, {@link Pesel#masked}).
 */
public class ImportFileError extends UserError {

    private final String fileName;

    /** @param polishMessage never a data row; a PESEL-like number in it is masked all the same */
    public ImportFileError(String fileName, String polishMessage) {
        super("plik " + fileName + ": " + Pesel.masked(polishMessage) + (polishMessage.endsWith(".") ? "" : ".")
                + " Nic nie zostało zapisane.", ExitCode.INVALID_INPUT, null);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
