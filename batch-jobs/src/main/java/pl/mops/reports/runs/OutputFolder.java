package pl.mops.reports.runs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.WrittenFile;

/**
 * The folder a run writes its files to. It is not part of what makes a run the same (a resumed run writes to the
 * folder given now), so it is checked before any computation: a folder that cannot be written is exit code 4 with
 * the folder and the reason in Polish. Asking for the files of a run that is already computed with {@code --out}
 * copies them there.
 */
public final class OutputFolder {

    private OutputFolder() {
    }

    /** creates the folder when missing and proves it writable (a probe file written and deleted) */
    public static Path requireWritable(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".mops-zapis-", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new UserError("Nie można zapisywać plików w folderze wyników " + dir + ": " + reason(e)
                    + ". Nic nie zostało policzone; wskaż inny folder (--out KATALOG) albo popraw uprawnienia.", ExitCode.FILE_ERROR, e);
        }
    }

    /** a Polish reason, never "null" */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "brak uprawnień do zapisu" + where(e);
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "taka ścieżka istnieje, ale nie jest folderem" + where(e);
        }
        if (e instanceof NoSuchFileException) {
            return "nie istnieje folder nadrzędny" + where(e);
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String r = fs.getReason();
            if (r.contains("Read-only")) {
                return "system plików jest tylko do odczytu" + where(e);
            }
            if (r.contains("No space")) {
                return "brak miejsca na dysku" + where(e);
            }
            if (r.contains("Not a directory")) {
                return "taka ścieżka istnieje, ale nie jest folderem" + where(e);
            }
            return r + where(e);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String where(Exception e) {
        return e instanceof FileSystemException fs && fs.getFile() != null ? " (" + fs.getFile() + ")" : "";
    }

    /**
     * Copies the files of a completed run into {@code folder} (each under a temporary name, renamed when complete);
     * a file already in that folder stays where it is.
     *
     * @return the files in {@code folder}, in the given order
     */
    public static List<WrittenFile> copyInto(List<WrittenFile> files, Path folder) {
        Path dir = requireWritable(folder);
        List<WrittenFile> copies = new ArrayList<>();
        for (WrittenFile file : files) {
            Path source = file.path().toAbsolutePath().normalize();
            if (source.getParent() != null && source.getParent().equals(dir)) {
                copies.add(file);
                continue;
            }
            if (!Files.isRegularFile(source)) {
                throw new UserError("Nie ma już pliku " + source + " gotowego przebiegu, więc nie można go skopiować do "
                        + dir + ". Policz ponownie (--rerun).", ExitCode.FILE_ERROR, null);
            }
            try {
                copies.add(ReportFileWriter.writeAtomically(dir.resolve(source.getFileName()), Files.readAllBytes(source)));
            } catch (IOException e) {
                throw new UserError("Nie udało się skopiować pliku " + source + " do " + dir + ": " + reason(e) + ".", ExitCode.FILE_ERROR, e);
            }
        }
        return copies;
    }

    /** whether every file already lies in {@code folder} */
    public static boolean allIn(List<WrittenFile> files, Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        return files.stream().allMatch(f -> dir.equals(f.path().toAbsolutePath().normalize().getParent()));
    }
}
