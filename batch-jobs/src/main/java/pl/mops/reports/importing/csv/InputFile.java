package pl.mops.reports.importing.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What stands in an export folder under a file name of the contract: a regular file (also through a symbolic link
 * to one), nothing, or something else — a folder, a symbolic link to nothing or to a folder, a pipe or a device —
 * which is a file-level error saying what it is (not "brak pliku").
 */
public final class InputFile {

    private InputFile() {
    }

    /**
     * @return true for a regular file (or a symbolic link to one), false when there is nothing under that name
     * @throws ImportFileError when something else is there
     */
    public static boolean present(Path path, String fileName) {
        if (Files.isRegularFile(path)) {
            return true;
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (Files.isSymbolicLink(path)) {
            String target = target(path);
            if (!Files.exists(path)) {
                throw new ImportFileError(fileName, "w miejscu pliku jest dowiązanie symboliczne do " + target
                        + ", którego nie ma — oczekiwano pliku CSV");
            }
            if (Files.isDirectory(path)) {
                throw new ImportFileError(fileName, "w miejscu pliku jest dowiązanie symboliczne do katalogu " + target
                        + " — oczekiwano pliku CSV");
            }
            throw new ImportFileError(fileName, "w miejscu pliku jest dowiązanie symboliczne do " + target
                    + ", które nie jest zwykłym plikiem (np. potok albo urządzenie) — oczekiwano pliku CSV");
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new ImportFileError(fileName, "w miejscu pliku jest katalog " + path + " — oczekiwano pliku CSV");
        }
        throw new ImportFileError(fileName, path + " nie jest zwykłym plikiem (np. potok albo urządzenie) — oczekiwano "
                + "pliku CSV");
    }

    private static String target(Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            return target.isAbsolute() ? target.toString() : link.resolveSibling(target).normalize().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "(nieznany cel)";
        }
    }
}
