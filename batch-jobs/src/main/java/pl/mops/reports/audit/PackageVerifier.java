package pl.mops.reports.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import pl.mops.reports.rendering.PolishPlural;

/**
 * {@code verify PACZKA.zip}: recomputes the SHA-256 and size of every file of an auditors' package against its
 * {@code manifest.json}. Exit code 0 when every file matches, 1 when a file was changed, added or removed
 * (each named), 2 when the package cannot be read or has no readable manifest. Needs no database.
 */
public final class PackageVerifier {

    public record Outcome(int exitCode, List<String> lines) {
    }

    private record Expected(long size, String sha256) {
    }

    private PackageVerifier() {
    }

    public static Outcome verify(Path zipFile) {
        if (!Files.isRegularFile(zipFile)) {
            return unreadable("Nie znaleziono pliku paczki " + zipFile + ".");
        }
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry manifestEntry = zip.getEntry(AuditPackageWriter.MANIFEST);
            if (manifestEntry == null) {
                return unreadable("Paczka " + zipFile + " nie zawiera pliku " + AuditPackageWriter.MANIFEST
                        + " — nie można jej sprawdzić (to nie jest paczka dla audytorów albo manifest usunięto).");
            }
            Map<String, Expected> expected;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                expected = expectedFiles(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException | ClassCastException | ZipException e) {
                return unreadable("Plik " + AuditPackageWriter.MANIFEST + " w paczce " + zipFile
                        + " jest nieczytelny lub uszkodzony — nie można sprawdzić paczki.");
            }
            List<String> problems = new ArrayList<>();
            int matching = 0;
            Map<String, ZipEntry> present = new LinkedHashMap<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.isDirectory() && !entry.getName().equals(AuditPackageWriter.MANIFEST)) {
                    present.put(entry.getName(), entry);
                }
            }
            for (Map.Entry<String, Expected> file : expected.entrySet()) {
                ZipEntry entry = present.get(file.getKey());
                if (entry == null) {
                    problems.add("Usunięty: plik " + file.getKey() + " jest w manifeście, ale nie ma go w paczce.");
                    continue;
                }
                String problem = check(zip, entry, file.getValue());
                if (problem == null) {
                    matching++;
                } else {
                    problems.add(problem);
                }
            }
            for (String name : present.keySet()) {
                if (!expected.containsKey(name)) {
                    problems.add("Dodany: plik " + name + " nie występuje w manifeście.");
                }
            }
            if (problems.isEmpty()) {
                return new Outcome(0, List.of("Paczka nienaruszona: " + matching + " "
                        + PolishPlural.of(matching, "plik zgodny", "pliki zgodne", "plików zgodnych") + " z manifestem."));
            }
            List<String> lines = new ArrayList<>();
            lines.add("Paczka naruszona: " + problems.size() + " niezgodności z manifestem (zgodnych plików: " + matching
                    + ").");
            problems.forEach(p -> lines.add("  " + p));
            return new Outcome(1, lines);
        } catch (IOException e) {
            return unreadable("Nie można odczytać paczki " + zipFile + ": to nie jest poprawny plik ZIP albo jest uszkodzony.");
        }
    }

    private static String check(ZipFile zip, ZipEntry entry, Expected expected) {
        MessageDigest digest = AuditPackageWriter.sha256();
        long size;
        try (InputStream in = zip.getInputStream(entry);
             CountingSink sink = new CountingSink()) {
            in.transferTo(new DigestOutputStream(sink, digest));
            size = sink.count;
        } catch (IOException e) {
            return "Zmieniony: plik " + entry.getName() + " — nie da się go odczytać (zawartość uszkodzona).";
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        if (sha.equals(expected.sha256()) && size == expected.size()) {
            return null;
        }
        return "Zmieniony: plik " + entry.getName() + " — " + (size != expected.size()
                ? "rozmiar " + size + " B zamiast " + expected.size() + " B i SHA-256 niezgodny z manifestem."
                : "SHA-256 niezgodny z manifestem (rozmiar bez zmian).");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Expected> expectedFiles(String manifest) {
        Object parsed = Json.parse(manifest);
        Map<String, Object> root = (Map<String, Object>) parsed;
        List<Object> files = (List<Object>) root.get("pliki");
        if (files == null) {
            throw new IllegalArgumentException("no files");
        }
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (Object item : files) {
            Map<String, Object> file = (Map<String, Object>) item;
            String name = (String) file.get("nazwa");
            Number size = (Number) file.get("rozmiar");
            String sha = (String) file.get("sha256");
            if (name == null || size == null || sha == null) {
                throw new IllegalArgumentException("incomplete file entry");
            }
            expected.put(name, new Expected(size.longValue(), sha.toLowerCase(java.util.Locale.ROOT)));
        }
        return expected;
    }

    private static Outcome unreadable(String message) {
        return new Outcome(2, List.of(message));
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
