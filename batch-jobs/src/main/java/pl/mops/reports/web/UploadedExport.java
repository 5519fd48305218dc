package pl.mops.reports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.ContractFile;
import pl.mops.reports.importing.ImportReportWriter;
import pl.mops.reports.importing.staging.OwnerOnly;
import pl.mops.reports.importing.wymiana.OwnerOnlyTree;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * The files of the case system's export uploaded on the Import page, kept outside the web root in
 * {@code MOPS_HOME/konsola/przeslane/<numer przesłania>/} for the service account only (folders {@code rwx------},
 * files {@code rw-------}). Accepted: the contract's CSV files under their own names ({@code osoby.csv}, …), or one
 * ZIP of them. A name is reduced to its last part (a browser may send a path; {@code ..} cannot climb out); anything
 * else, a second ZIP, a ZIP beside CSV files, a ".zip" that is not a ZIP or a ".csv" with binary content is refused
 * with a Polish message naming the file, before anything is imported.
 * <p>
 * The folder is removed after a successful import; a failed one keeps it (so "Uruchom ponownie" can resume the run)
 * for {@value #KEPT_DAYS} days, after which the next upload removes it.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class UploadedExport {

    static final int KEPT_DAYS = 7;
    private static final int SNIFFED = 64 * 1024;

    /** one upload: its number, its folder, what the import reads (the folder or the ZIP), where a ZIP is unpacked */
    public record Stored(String id, Path folder, Path importPath, Path workDir, List<String> files, boolean zip) {

        /** for the audit log: names and sizes, never contents */
        public String describe() {
            return String.join(", ", files);
        }
    }

    private final MopsProperties properties;
    private final DataSize limit;
    private final Clock clock;

    public UploadedExport(MopsProperties properties, @Value("${mops.web.przesylanie.limit:512MB}") DataSize limit,
                          Clock clock) {
        this.properties = properties;
        this.limit = limit;
        this.clock = clock;
    }

    public DataSize limit() {
        return limit;
    }

    public Path root() {
        return properties.home().resolve("konsola").resolve("przeslane");
    }

    public Stored store(List<MultipartFile> uploaded) {
        List<MultipartFile> files = uploaded == null ? List.of()
                : uploaded.stream().filter(f -> f != null && !(f.isEmpty() && blank(f.getOriginalFilename()))).toList();
        if (files.isEmpty()) {
            throw refused("Wybierz pliki eksportu: pliki CSV systemu dziedzinowego (osoby.csv, rodziny.csv, …) albo "
                    + "jeden plik ZIP z nimi.");
        }
        Set<String> allowed = new HashSet<>();
        ContractFile.all().forEach(f -> allowed.add(f.fileName()));
        List<String> names = new ArrayList<>();
        long total = 0;
        int zips = 0;
        for (MultipartFile file : files) {
            String name = baseName(file.getOriginalFilename());
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip") && name.length() > 4 && safe(name)) {
                zips++;
            } else if (!allowed.contains(name)) {
                throw refused("Plik „" + shown(file.getOriginalFilename()) + "” nie należy do eksportu. Przyjmowane są "
                        + "tylko pliki kontraktu wymiany danych pod ich nazwami (" + String.join(", ",
                        ContractFile.all().stream().map(ContractFile::fileName).toList()) + ") albo jeden plik ZIP.");
            }
            if (names.contains(name)) {
                throw refused("Plik „" + name + "” wybrano dwa razy.");
            }
            names.add(name);
            total += file.getSize();
        }
        if (zips > 1 || (zips == 1 && files.size() > 1)) {
            throw refused("Wybierz albo jeden plik ZIP, albo same pliki CSV — nie oba naraz ani kilka plików ZIP ("
                    + String.join(", ", names) + ").");
        }
        if (total > limit.toBytes()) {
            throw refused(tooLarge(limit));
        }
        removeOld();
        String id = UUID.randomUUID().toString();
        Path folder = root().resolve(id);
        OwnerOnlyTree.folder(properties.home().resolve("konsola"));
        OwnerOnlyTree.folder(root());
        OwnerOnlyTree.folder(folder);
        List<String> described = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                MultipartFile file = files.get(i);
                String name = names.get(i);
                Path target = folder.resolve(name).normalize();
                if (!target.getParent().equals(folder)) {
                    throw refused("Nazwa pliku „" + shown(file.getOriginalFilename()) + "” jest niedozwolona.");
                }
                OwnerOnly.create(target);
                try (InputStream in = file.getInputStream();
                     OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
                    in.transferTo(out);
                }
                checkContent(target, name);
                described.add(name + " (" + ImportReportWriter.number(Files.size(target)) + " B)");
            }
        } catch (IOException e) {
            OwnerOnlyTree.deleteTree(folder);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            OwnerOnlyTree.deleteTree(folder);
            throw e;
        }
        boolean zip = zips == 1;
        return new Stored(id, folder, zip ? folder.resolve(names.get(0)) : folder,
                zip ? folder.resolve("rozpakowane") : null, List.copyOf(described), zip);
    }

    /** removes one upload's folder (after its import succeeded) */
    public void remove(Stored stored) {
        OwnerOnlyTree.deleteTree(stored.folder());
    }

    /** a ".zip" must start as a ZIP does, a ".csv" must be text (no NUL byte in its first 64 KB) */
    static void checkContent(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFFED);
        }
        boolean zipMagic = head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            if (!zipMagic) {
                throw refused("Plik „" + name + "” nie jest archiwum ZIP (ma rozszerzenie .zip, ale inną zawartość). "
                        + "Nic nie zostało zaimportowane.");
            }
            return;
        }
        if (zipMagic) {
            throw refused("Plik „" + name + "” jest archiwum ZIP, a nie plikiem CSV. Prześlij ZIP pod nazwą z "
                    + "rozszerzeniem .zip albo rozpakowane pliki CSV. Nic nie zostało zaimportowane.");
        }
        for (byte b : head) {
            if (b == 0) {
                throw refused("Plik „" + name + "” nie jest plikiem tekstowym CSV (zawiera dane binarne). Nic nie "
                        + "zostało zaimportowane.");
            }
        }
    }

    /** the upload folders of failed imports older than {@value #KEPT_DAYS} days */
    void removeOld() {
        Path root = root();
        if (!Files.isDirectory(root)) {
            return;
        }
        FileTime before = FileTime.from(clock.instant().minus(Duration.ofDays(KEPT_DAYS)));
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.toList()) {
                if (Files.isDirectory(folder) && Files.getLastModifiedTime(folder).compareTo(before) < 0) {
                    OwnerOnlyTree.deleteTree(folder);
                }
            }
        } catch (IOException e) {
            // best effort: tried again at the next upload
        }
    }

    static String tooLarge(DataSize limit) {
        return "Przesyłane pliki są za duże: razem najwyżej " + describe(limit) + " (ustawienie mops.web.przesylanie.limit). "
                + "Większy eksport zaimportuj poleceniem ./mops-reports import --dir KATALOG albo przez folder wymiany.";
    }

    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " B";
    }

    /** the last part of what the browser sent (some send a whole path), for any separator */
    static String baseName(String original) {
        if (original == null) {
            return "";
        }
        String name = original.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1).strip();
    }

    private static boolean safe(String name) {
        return !name.equals("..") && !name.startsWith(".") && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && name.length() <= 200;
    }

    private static boolean blank(String name) {
        return name == null || name.isBlank();
    }

    static String shown(String name) {
        String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
    }

    private static UserError refused(String message) {
        return new UserError(message, ExitCode.INVALID_INPUT, null);
    }
}
