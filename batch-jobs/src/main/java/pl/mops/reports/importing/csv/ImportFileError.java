package pl.mops.reports.importing.csv;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * A file-level error of an import (unreadable file, binary content, missing required column):
 * the whole import stops before anything is written (exit code 2). The message is Polish and names
 * the file.
 */
public class ImportFileError extends UserError {

    private final String fileName;

    public ImportFileError(String fileName, String polishMessage) {
        super("plik " + fileName + ": " + polishMessage + (polishMessage.endsWith(".") ? "" : ".")
                + " Nic nie zostało zapisane.", ExitCode.INVALID_INPUT, null);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
