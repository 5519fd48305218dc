package pl.mops.reports.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.assessment.OzpsTestFiles;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CommandLineRun.Outcome;
import pl.mops.reports.support.ReadableText;
import pl.mops.reports.support.SharedPostgres;

/**
 * Issue 6, "Reproducibility": the same input files imported on two installations — each with a fresh database,
 * its own home folder, and on the second one a different snapshot id (another data set was imported there first),
 * other job ids, and another JVM time zone and locale — give byte-identical XLSX, PDF, CSV, XML and text files for
 * every job (monthly statistics, MRPiPS-03 P and R, OZPS). The auditors' packages of both differ only in the
 * manifest (times, run ids, snapshot id) and in the name and header of the import summary (snapshot id); both
 * installations are given the same pseudonymisation secret so that their {@code pochodzenie.csv} must agree too.
 * Both profiles (full and publication) are run. The same runs are also searched for the PESELs and source ids of the
 * input (issue 6, "Never in the open"): in every produced file (XLSX parts, PDF text, ZIP entries) and in the logs.
 */
class TwoInstallationsReproducibilityTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";

    @TempDir
    Path work;

    private Path data;
    private Path resources;

    @BeforeEach
    void generateInput() throws IOException {
        data = work.resolve("dane");
        new SyntheticDataGenerator().writeCsv(new GeneratorSettings(250, 3, 6011L, YearMonth.of(2025, 12)), data);
        resources = OzpsTestFiles.copyResource("zasoby-2025.yaml", Files.createDirectories(work.resolve("zasoby")));
    }

    @Test
    void everyDocumentIsByteIdenticalOnASecondInstallation() throws IOException {
        Path homeA = installation("repro_a", false);
        Path homeB = installation("repro_b", true);

        Map<String, byte[]> filesA = documents(homeA.resolve("out"));
        Map<String, byte[]> filesB = documents(homeB.resolve("out"));
        assertThat(filesA.keySet()).as("files of the first installation").contains(
                "statystyka/2025-12/statystyka-2025-12.xlsx", "statystyka/2025-12/statystyka-2025-12.pdf",
                "statystyka/2025-12/statystyka-2025-12.csv", "statystyka/2025-12/statystyka-2025-12-tabela-T1.csv",
                "statystyka/2025-12/statystyka-2025-12-tabela-T6.csv");
        assertThat(filesA.keySet().stream().filter(f -> f.endsWith(".xml"))).hasSize(2);
        assertThat(filesA.keySet().stream().filter(f -> f.startsWith("ozps"))).isNotEmpty();
        assertThat(filesA.keySet()).contains("statystyka/2025-12/statystyka-2025-12-publikacja.xlsx",
                "statystyka/2025-12/statystyka-2025-12-publikacja.csv",
                "statystyka/2025-12/statystyka-2025-12-publikacja-tabela-T2.csv");
        assertThat(filesB.keySet()).isEqualTo(filesA.keySet());
        for (String name : filesA.keySet()) {
            if (name.endsWith(AuditPackageWriter.SUFFIX)) {
                assertThat(comparableEntries(filesB.get(name))).as(name).isEqualTo(comparableEntries(filesA.get(name)));
            } else {
                assertThat(AuditPackageWriter.sha256(filesB.get(name))).as(name)
                        .isEqualTo(AuditPackageWriter.sha256(filesA.get(name)));
            }
        }
    }

    @Test
    void noPeselOrSourceIdOfTheInputAppearsInAnyProducedFileOrLog() throws IOException {
        Path home = installation("repro_c", false);
        Set<String> personal = new HashSet<>();
        for (String file : List.of("osoby.csv", "rodziny.csv", "decyzje.csv", "swiadczenia.csv")) {
            List<String> lines = Files.readAllLines(data.resolve(file), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(";", -1);
                personal.add(fields[0]);
                if (file.equals("osoby.csv") && !fields[1].isEmpty()) {
                    personal.add(fields[1]);
                }
            }
        }
        assertThat(personal).hasSizeGreaterThan(1000).anyMatch(v -> v.matches("\\d{11}"));
        // every token of a produced file or log that is shaped like an id or a PESEL of the input
        Pattern shaped = Pattern.compile("(?<![0-9A-Za-z])([RODS][0-9]{6,9}|[0-9]{11})(?![0-9A-Za-z])");
        // control: the scan finds the ids and PESELs where they are (the input file itself)
        Matcher control = shaped.matcher(ReadableText.of("osoby.csv", Files.readAllBytes(data.resolve("osoby.csv"))));
        long found = control.results().map(r -> r.group(1)).filter(personal::contains).count();
        assertThat(found).isGreaterThan(500);
        int scanned = 0;
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = home.relativize(file).toString();
                if (name.startsWith("pgdata") || name.startsWith("out/import/odrzucone-") || name.startsWith("cache/")
                        || name.equals(PseudonymSecret.FILE_NAME)) {
                    continue; // the database, the rejects list for the data team (names rows to fix), caches, the key
                }
                Matcher m = shaped.matcher(ReadableText.of(name, Files.readAllBytes(file)));
                while (m.find()) {
                    assertThat(personal).as("%s in %s", m.group(1), name).doesNotContain(m.group(1));
                }
                scanned++;
            }
        }
        assertThat(scanned).as("files and logs scanned").isGreaterThan(20);
    }

    /** imports the data (after a decoy set when {@code decoyFirst}) and runs every job; returns the home folder */
    private Path installation(String database, boolean decoyFirst) throws IOException {
        String url = SharedPostgres.freshDatabase(database);
        Path home = work.resolve(database);
        Files.createDirectories(home);
        Files.writeString(home.resolve("sekret-pseudonimizacji"), SECRET, StandardCharsets.US_ASCII);
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            if (decoyFirst) {
                TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
                Locale.setDefault(Locale.US);
                Path decoy = work.resolve("wabik");
                new SyntheticDataGenerator().writeCsv(new GeneratorSettings(20, 1, 99L, YearMonth.of(2025, 6)), decoy);
                launch(url, home, "import", "--dir", decoy.toString());
            }
            // the generated data end on 31 XII 2025: their "stan na", so the documents (which print the span) do not
            // depend on the day the test runs
            launch(url, home, "import", "--dir", data.toString(), "--stan-na", "2025-12-31");
            launch(url, home, "run", "monthly", "--month", "2025-12");
            launch(url, home, "run", "mrpips03", "--period", "2025-P");
            launch(url, home, "run", "mrpips03", "--period", "2025-R");
            launch(url, home, "run", "ozps", "--year", "2025", "--resources", resources.toString());
            launch(url, home, "run", "monthly", "--month", "2025-12", "--profil", "publikacja");
            launch(url, home, "run", "ozps", "--year", "2025", "--resources", resources.toString(), "--profil",
                    "publikacja");
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        return home;
    }

    private static void launch(String url, Path home, String... args) {
        Outcome outcome = CommandLineRun.launchOn(url, home, args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome.out() + outcome.err()).isZero();
    }

    /** every file under out/ except the import summaries (named by the installation's snapshot id) */
    private static Map<String, byte[]> documents(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith("import/")) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    /** the package entries that must not depend on the installation: all but the manifest and the import summary */
    private static Map<String, String> comparableEntries(byte[] zip) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                if (!entry.getName().equals(AuditPackageWriter.MANIFEST) && !entry.getName().startsWith("import-")) {
                    entries.put(entry.getName(), AuditPackageWriter.sha256(readAll(in)));
                }
            }
        }
        assertThat(names).contains(AuditPackageWriter.MANIFEST, AuditPackageWriter.LINEAGE);
        return entries;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
