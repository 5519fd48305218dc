package pl.mops.reports.importing.wymiana;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.importing.csv.ImportFileError;

/**
 * The files of one export of the drop folder, ready for the import: a folder as it is, or a ZIP unpacked into a work
 * folder for the service account only (deleted by {@link #close()}). Optionally the export's {@code stan-na.txt}
 * (the day the export was taken, {@code RRRR-MM-DD}).
 * <p>
 * A ZIP is unpacked only when it is safe; otherwise the import stops before anything is written (exit code 2, the
 * export goes to {@code odrzucone/}):
 * <ul>
 * <li>its central directory must be readable (a ZIP cut short, still being written or damaged is not);</li>
 * <li>no entry may have an absolute name ({@code /etc/…}, {@code C:\…}) or a {@code ..} part, or land outside the
 *     work folder in any other way ("zip slip"); {@code \} counts as a folder separator; the same name twice is
 *     refused;</li>
 * <li>at most {@code mops.wymiana.limit-pozycji} entries (1000), and at most {@code mops.wymiana.limit-rozpakowania}
 *     bytes in all (2 GB), counted while unpacking — what the ZIP declares is not trusted ("ZIP bomb");</li>
 * <li>only files and folders are created: the program never makes a link from a ZIP; an encrypted entry cannot be
 *     read.</li>
 * </ul>
 * The files may lie at the top of the ZIP or in one folder inside it (as zipping a folder makes them).
 */
public final class ExportContents implements AutoCloseable {

    public static final String STATE_FILE = "stan-na.txt";
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path dir;
    private final Path workDir;
    private final LocalDate asOf;

    private ExportContents(Path dir, Path workDir, LocalDate asOf) {
        this.dir = dir;
        this.workDir = workDir;
        this.asOf = asOf;
    }

    /**
     * @param export   a folder of the contract's files, or a ZIP of them
     * @param workDir  where a ZIP is unpacked (emptied first); unused for a folder
     * @param readAsOf whether to read {@code stan-na.txt}
     * @param today    the day in {@code mops.time-zone}: a "stan na" after it is refused
     */
    public static ExportContents open(Path export, Path workDir, boolean readAsOf, LocalDate today, long byteLimit,
                                      int entryLimit) {
        if (Files.isDirectory(export) || workDir == null) {
            // a folder (or what the import itself will refuse as one: "Katalog … nie istnieje")
            return new ExportContents(export, null, readAsOf && Files.isDirectory(export) ? readAsOf(export, today) : null);
        }
        OwnerOnlyTree.deleteTree(workDir);
        OwnerOnlyTree.folder(workDir.getParent());
        OwnerOnlyTree.folder(workDir);
        try {
            unpack(export, workDir, byteLimit, entryLimit);
            Path root = root(workDir);
            return new ExportContents(root, workDir, readAsOf ? readAsOf(root, today) : null);
        } catch (IOException e) {
            OwnerOnlyTree.deleteTree(workDir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            OwnerOnlyTree.deleteTree(workDir);
            throw e;
        }
    }

    /** the folder with the contract's files */
    public Path dir() {
        return dir;
    }

    /** the day of {@code stan-na.txt}, {@code null} when it has none (or it was not to be read) */
    public LocalDate asOf() {
        return asOf;
    }

    @Override
    public void close() {
        if (workDir != null) {
            OwnerOnlyTree.deleteTree(workDir);
        }
    }

    static LocalDate readAsOf(Path dir, LocalDate today) {
        Path file = dir.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportFileError(STATE_FILE, "nie można odczytać pliku (to ma być jeden wiersz: dzień eksportu "
                    + "w postaci RRRR-MM-DD, zapisany w UTF-8)");
        }
        String value = text.replace("\uFEFF", "").lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElse("");
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            throw new ImportFileError(STATE_FILE, "„" + shown + "” nie jest datą w postaci RRRR-MM-DD (plik podaje "
                    + "dzień, w którym wykonano eksport, np. 2025-11-30)");
        }
        if (day.isAfter(today)) {
            throw new ImportFileError(STATE_FILE, "stan danych " + day + " jest z przyszłości (dziś jest " + today + ")");
        }
        return day;
    }

    private static void unpack(Path zip, Path target, long byteLimit, int entryLimit) {
        String name = zip.getFileName().toString();
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            List<? extends ZipEntry> entries = Collections.list(file.entries());
            if (entries.size() > entryLimit) {
                throw new ImportFileError(name, "plik ZIP ma " + entries.size() + " "
                        + PolishPlural.of(entries.size(), "pozycję", "pozycje", "pozycji") + ", więcej niż dopuszczalne "
                        + entryLimit + " (mops.wymiana.limit-pozycji)");
            }
            Set<Path> seen = new HashSet<>();
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry : entries) {
                Path destination = destination(name, target, entry.getName());
                if (!seen.add(destination)) {
                    throw new ImportFileError(name, "plik ZIP zawiera dwa razy pozycję „" + shown(entry.getName())
                            + "”");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry);
                     OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW,
                             StandardOpenOption.WRITE)) {
                    OwnerOnlyTree.restrict(destination);
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        total += n;
                        if (total > byteLimit) {
                            throw new ImportFileError(name, "plik ZIP po rozpakowaniu przekracza dopuszczalne "
                                    + describe(byteLimit) + " (mops.wymiana.limit-rozpakowania) — możliwa „bomba ZIP”; "
                                    + "rozpakowywanie przerwano");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
            OwnerOnlyTree.restrictTree(target);
        } catch (FileAlreadyExistsException e) {
            throw new ImportFileError(name, "plik ZIP zawiera dwa razy ten sam plik (" + shown(target.relativize(
                    Path.of(e.getFile())).toString()) + ")");
        } catch (ZipException e) {
            String reason = e.getMessage() != null && e.getMessage().toLowerCase().contains("encrypt")
                    ? "zawiera zaszyfrowane pliki (eksport musi być ZIP-em bez hasła)"
                    : "nie da się odczytać jego spisu zawartości albo pozycji — plik ZIP jest uszkodzony, niepełny (np. "
                    + "przerwany zapis) albo to nie jest ZIP";
            throw new ImportFileError(name, reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** where an entry is unpacked: inside {@code target}, or a refusal naming the entry */
    static Path destination(String zipName, Path target, String entryName) {
        String name = entryName.replace('\\', '/');
        if (name.isEmpty() || name.startsWith("/") || DRIVE.matcher(name).matches()) {
            throw new ImportFileError(zipName, "plik ZIP zawiera pozycję o ścieżce bezwzględnej („" + shown(entryName)
                    + "”); takiego pliku nie rozpakowuję");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new ImportFileError(zipName, "plik ZIP zawiera pozycję wychodzącą poza folder eksportu („"
                        + shown(entryName) + "”); takiego pliku nie rozpakowuję");
            }
        }
        Path destination = target.resolve(name).normalize();
        if (!destination.startsWith(target) || destination.equals(target)) {
            throw new ImportFileError(zipName, "plik ZIP zawiera pozycję wychodzącą poza folder eksportu („"
                    + shown(entryName) + "”); takiego pliku nie rozpakowuję");
        }
        return destination;
    }

    /** the folder with the files: the top of the ZIP, or its only folder when the top holds no file */
    private static Path root(Path unpacked) throws IOException {
        List<Path> folders = new ArrayList<>();
        boolean files = false;
        try (Stream<Path> top = Files.list(unpacked)) {
            for (Path p : top.toList()) {
                String n = p.getFileName().toString();
                if (n.equals("__MACOSX") || n.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    folders.add(p);
                } else {
                    files = true;
                }
            }
        }
        return !files && folders.size() == 1 ? folders.get(0) : unpacked;
    }

    private static String shown(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
    }

    static String describe(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        return bytes + " B";
    }
}
