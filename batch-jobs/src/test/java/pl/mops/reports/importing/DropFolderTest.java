package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.wymiana.ArchiveRetention;
import pl.mops.reports.importing.wymiana.DropFolder;
import pl.mops.reports.importing.wymiana.DropFolderSettings;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.SharedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pl.mops.reports.support.MovableClock;

/**
 * The drop folder, one {@link DropFolder#check} at a time, on a folder of its own per test and a clock the test sets
 * (the archive's names and its retention follow that clock). Exports are the base set of the import corpus with a
 * person no other test imports (so that each is a new snapshot), as a folder or as a ZIP. What each check must do was
 * worked out from the rules: a folder counts only with {@code GOTOWE}; a ZIP only when written at least 60 s ago and
 * whole; each complete export is imported once and archived ({@code przyjete/} or {@code odrzucone/} with the Polish
 * reason in a .txt of the same name), owner-only; the same content twice makes no new snapshot; the archive keeps 13
 * months.
 */
@org.springframework.boot.test.context.SpringBootTest
class DropFolderTest {

    /**
     * its own database: the drop folder's imports are compared with the newest snapshot (a file that lost more than
     * half of its rows is refused, {@code RowLoss}), and on the shared database that is another test's, unrelated set
     */
    private static final String OWN_DATABASE = SharedPostgres.freshDatabase("drop_folder");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> OWN_DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("mops.home", () -> DatabaseTest.home().toString());
    }

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    /** the archive's names: 5 December 2026 01:15:03 in Warsaw */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 5, 1, 15, 3, 0, WARSAW);

    @Autowired
    SnapshotJobs jobs;
    @Autowired
    SnapshotImporter importer;
    @Autowired
    MopsProperties properties;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    Path folder;
    MovableClock clock;
    DropFolder dropFolder;

    @BeforeEach
    void folder() throws IOException {
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("drop_folder");
        folder = Files.createDirectories(work.resolve("wymiana"));
        clock = new MovableClock(NOW);
        dropFolder = new DropFolder(jobs, importer, new DropFolderSettings(folder.toString(), Duration.ofSeconds(60), 13,
                DataSize.ofMegabytes(1), 1000), properties, clock);
    }

    private DropFolder.Check check() {
        return dropFolder.check("test", SnapshotImporter.Progress.NONE, outcome -> { }, Duration.ofHours(1));
    }

    /** the base set with a person of its own: a new snapshot */
    private Path export(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), dir.resolve(file));
        }
        ImportCorpusTest.rewrite(dir, "osoby.csv", StandardCharsets.UTF_8, Map.of(),
                List.of(ImportCorpusTest.uniquePerson()));
        return dir;
    }

    private static void zip(Path dir, Path zip, String inside, Map<String, byte[]> extra) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            if (dir != null) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.sorted().toList()) {
                        z.putNextEntry(new ZipEntry(inside + file.getFileName()));
                        z.write(Files.readAllBytes(file));
                        z.closeEntry();
                    }
                }
            }
            for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                z.putNextEntry(new ZipEntry(entry.getKey()));
                z.write(entry.getValue());
                z.closeEntry();
            }
        }
        age(zip);
    }

    /** written two minutes ago: no longer being written */
    private static void age(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(120)));
    }

    private long snapshots() {
        return jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class);
    }

    private List<String> runsOf(String source) {
        return jdbc.queryForList("""
                SELECT e.status FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                 WHERE i.job_name = 'snapshotImport' AND p.parameter_name = 'source' AND p.parameter_value = ?
                 ORDER BY e.job_execution_id""", String.class, source);
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aFolderWithoutTheMarkerIsLeftAlone() throws IOException {
        Path export = export(folder.resolve("eksport-bez-znacznika"));
        long before = snapshots();

        DropFolder.Check check = check();

        assertThat(check.exports()).extracting(DropFolder.Outcome::describe).containsExactly(
                "eksport-bez-znacznika: niekompletny (brak pliku GOTOWE, który eksport zapisuje na końcu) — czeka");
        assertThat(snapshots()).isEqualTo(before);
        assertThat(runsOf("wymiana:eksport-bez-znacznika")).isEmpty();
        assertThat(names(export)).contains("osoby.csv").doesNotContain("GOTOWE");
        assertThat(names(folder)).containsExactly(".blokada", "eksport-bez-znacznika");
    }

    @Test
    void aCompleteFolderIsImportedOnceWithItsStateDayAndArchivedForTheServiceAccountOnly() throws IOException {
        Path export = export(folder.resolve("eksport-2025-04"));
        Files.writeString(export.resolve("stan-na.txt"), "2025-04-30\n");
        Files.writeString(export.resolve("GOTOWE"), "");
        long before = snapshots();

        DropFolder.Check check = check();

        assertThat(check.exports()).hasSize(1);
        DropFolder.Outcome outcome = check.exports().get(0);
        assertThat(outcome.status()).isEqualTo(DropFolder.Status.ACCEPTED);
        Snapshot snapshot = outcome.result().snapshot();
        assertThat(snapshots()).isEqualTo(before + 1);
        assertThat(snapshot.source()).isEqualTo("wymiana:eksport-2025-04");
        assertThat(snapshot.coverage().asOf()).isEqualTo(LocalDate.of(2025, 4, 30)); // from stan-na.txt
        assertThat(outcome.describe()).isEqualTo("eksport-2025-04: przyjęty — nowa migawka nr " + snapshot.id()
                + " (zakres danych " + snapshot.coverage().span() + "); przeniesiony do przyjete/20261205-011503-eksport-2025-04");
        assertThat(runsOf("wymiana:eksport-2025-04")).containsExactly("COMPLETED");

        Path accepted = folder.resolve("przyjete");
        assertThat(names(folder)).containsExactly(".blokada", "przyjete");
        assertThat(names(accepted)).containsExactly("20261205-011503-eksport-2025-04", "20261205-011503-eksport-2025-04.txt");
        Path archived = accepted.resolve("20261205-011503-eksport-2025-04");
        assertThat(names(archived)).containsExactly("GOTOWE", "czlonkowie.csv", "decyzje.csv", "osoby.csv", "plan.csv",
                "praca_socjalna.csv", "rodziny.csv", "stan-na.txt", "swiadczenia.csv");
        assertThat(permissions(accepted)).isEqualTo("rwx------");
        assertThat(permissions(archived)).isEqualTo("rwx------");
        assertThat(permissions(archived.resolve("osoby.csv"))).isEqualTo("rw-------");
        assertThat(permissions(accepted.resolve("20261205-011503-eksport-2025-04.txt"))).isEqualTo("rw-------");
        assertThat(Files.readString(accepted.resolve("20261205-011503-eksport-2025-04.txt"))).isEqualTo(
                "Eksport: eksport-2025-04 (folder)\n"
                + "Przyjęto: 05.12.2026 01:15:03\n"
                + "Przeniesiono do: przyjete/20261205-011503-eksport-2025-04\n"
                + "Wynik: nowa migawka nr " + snapshot.id() + "\n"
                + "Zakres danych: " + snapshot.coverage().span() + "\n"
                + "Odcisk: " + snapshot.fingerprint() + "\n"
                + "Podsumowanie importu: " + importer.defaultOutputDir().resolve("import-" + snapshot.id() + ".txt") + "\n"
                + "Archiwum przechowuje eksport 13 mies. (mops.wymiana.przechowywanie-miesiecy), potem go usuwa.\n");

        // imported once: the next check finds nothing
        clock.advance(Duration.ofMinutes(15));
        assertThat(check().exports()).isEmpty();
        assertThat(snapshots()).isEqualTo(before + 1);
        assertThat(runsOf("wymiana:eksport-2025-04")).containsExactly("COMPLETED");
    }

    @Test
    void aWholeZipIsImportedOnceAndAZipStillBeingWrittenWaits() throws IOException {
        Path files = export(work.resolve("pliki"));
        // the files in a folder inside the ZIP, as zipping a folder makes them, with the export's day
        zip(files, folder.resolve("eksport.zip"), "eksport-2025-04/",
                Map.of("eksport-2025-04/stan-na.txt", "2025-04-30".getBytes(StandardCharsets.UTF_8)));
        Path fresh = folder.resolve("zapisywany.zip");
        zip(export(work.resolve("inne")), fresh, "", Map.of());
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now().minusSeconds(10)));
        long before = snapshots();

        DropFolder.Check check = check();

        assertThat(check.exports()).extracting(o -> o.name() + " " + o.status())
                .containsExactly("zapisywany.zip BEING_WRITTEN", "eksport.zip ACCEPTED");
        assertThat(check.exports().get(0).message()).matches("plik ZIP jest jeszcze zapisywany \\(zmieniony \\d+ s temu, "
                + "czeka 60 s\\) — czeka");
        Snapshot snapshot = check.exports().get(1).result().snapshot();
        assertThat(snapshots()).isEqualTo(before + 1);
        assertThat(snapshot.source()).isEqualTo("wymiana:eksport.zip");
        assertThat(snapshot.coverage().asOf()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(names(folder)).containsExactly(".blokada", "przyjete", "zapisywany.zip");
        assertThat(names(folder.resolve("przyjete"))).containsExactly("20261205-011503-eksport.txt",
                "20261205-011503-eksport.zip");
        assertThat(permissions(folder.resolve("przyjete/20261205-011503-eksport.zip"))).isEqualTo("rw-------");
        assertThat(runsOf("wymiana:eksport.zip")).containsExactly("COMPLETED");
        // nothing unpacked is left behind
        assertThat(folder.resolve(".rozpakowane")).doesNotExist();

        assertThat(check().exports()).extracting(o -> o.name() + " " + o.status()).containsExactly("zapisywany.zip BEING_WRITTEN");
        assertThat(snapshots()).isEqualTo(before + 1);
    }

    @Test
    void brokenExportsGoToTheRejectedFolderWithThePolishReasonAndNothingImported() throws IOException {
        // a ZIP cut short (its central directory missing)
        Path whole = work.resolve("caly.zip");
        zip(export(work.resolve("a")), whole, "", Map.of());
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(folder.resolve("uciety.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        age(folder.resolve("uciety.zip"));
        // a ZIP whose entry would land outside the folder ("zip slip")
        zip(null, folder.resolve("zlosliwy.zip"), "", Map.of("../../poza.csv", "x".getBytes(StandardCharsets.UTF_8)));
        // a ZIP that unpacks to more than the limit (1 MB in this test): a "ZIP bomb"
        zip(null, folder.resolve("bomba.zip"), "", Map.of("osoby.csv", new byte[2 * 1024 * 1024]));
        // a folder whose rodziny.csv lacks a required column
        Path missingColumn = export(folder.resolve("bez-kolumny"));
        Files.writeString(missingColumn.resolve("rodziny.csv"), "rodzina_id;filia\nR1;F6\n");
        Files.writeString(missingColumn.resolve("GOTOWE"), "");
        // a folder with a day that is not a date
        Path badDay = export(folder.resolve("zly-stan"));
        Files.writeString(badDay.resolve("stan-na.txt"), "30.04.2025\n");
        Files.writeString(badDay.resolve("GOTOWE"), "");
        long before = snapshots();

        DropFolder.Check check = check();

        assertThat(check.exports()).extracting(DropFolder.Outcome::status).containsOnly(DropFolder.Status.REJECTED);
        assertThat(check.exports()).extracting(DropFolder.Outcome::name)
                .containsExactlyInAnyOrder("uciety.zip", "zlosliwy.zip", "bomba.zip", "bez-kolumny", "zly-stan");
        assertThat(snapshots()).isEqualTo(before);
        assertThat(work.resolve("poza.csv")).doesNotExist();
        assertThat(folder.getParent().resolve("poza.csv")).doesNotExist();
        assertThat(names(folder)).containsExactly(".blokada", "odrzucone");
        Path rejected = folder.resolve("odrzucone");
        assertThat(names(rejected)).containsExactly("20261205-011503-bez-kolumny", "20261205-011503-bez-kolumny.txt",
                "20261205-011503-bomba.txt", "20261205-011503-bomba.zip", "20261205-011503-uciety.txt",
                "20261205-011503-uciety.zip", "20261205-011503-zlosliwy.txt", "20261205-011503-zlosliwy.zip",
                "20261205-011503-zly-stan", "20261205-011503-zly-stan.txt");
        assertThat(permissions(rejected)).isEqualTo("rwx------");
        assertThat(permissions(rejected.resolve("20261205-011503-bez-kolumny/osoby.csv"))).isEqualTo("rw-------");
        Map<String, String> reasons = Map.of(
                "uciety", "Powód: plik uciety.zip: nie da się odczytać jego spisu zawartości albo pozycji — plik ZIP jest "
                        + "uszkodzony, niepełny (np. przerwany zapis) albo to nie jest ZIP. Nic nie zostało zapisane.\n",
                "zlosliwy", "Powód: plik zlosliwy.zip: plik ZIP zawiera pozycję wychodzącą poza folder eksportu "
                        + "(„../../poza.csv”); takiego pliku nie rozpakowuję. Nic nie zostało zapisane.\n",
                "bomba", "Powód: plik bomba.zip: plik ZIP po rozpakowaniu przekracza dopuszczalne 1 MB "
                        + "(mops.wymiana.limit-rozpakowania) — możliwa „bomba ZIP”; rozpakowywanie przerwano. Nic nie "
                        + "zostało zapisane.\n",
                "bez-kolumny", "Powód: plik rodziny.csv: brak wymaganych kolumn: dzielnica (nagłówek: rodzina_id;filia). "
                        + "Nic nie zostało zapisane.\n",
                "zly-stan", "Powód: plik stan-na.txt: „30.04.2025” nie jest datą w postaci RRRR-MM-DD (plik podaje dzień, "
                        + "w którym wykonano eksport, np. 2025-11-30). Nic nie zostało zapisane.\n");
        for (Map.Entry<String, String> reason : reasons.entrySet()) {
            String note = Files.readString(rejected.resolve("20261205-011503-" + reason.getKey() + ".txt"));
            assertThat(note).as(reason.getKey()).startsWith("Eksport: " + reason.getKey())
                    .contains("Odrzucono: 05.12.2026 01:15:03\n", reason.getValue(),
                            "Co zrobić: popraw eksport i umieść go ponownie w folderze wymiany (" + folder + ")");
        }
        // each was a run of the import job, failed (and so notified), recorded with its reason
        assertThat(runsOf("wymiana:uciety.zip")).containsExactly("FAILED");
        assertThat(runsOf("wymiana:bez-kolumny")).containsExactly("FAILED");
        assertThat(check.exports()).filteredOn(o -> o.name().equals("bez-kolumny")).extracting(DropFolder.Outcome::message)
                .containsExactly("odrzucony — plik rodziny.csv: brak wymaganych kolumn: dzielnica (nagłówek: "
                        + "rodzina_id;filia). Nic nie zostało zapisane; przeniesiony do odrzucone/20261205-011503-bez-kolumny "
                        + "(powód w odrzucone/20261205-011503-bez-kolumny.txt)");
    }

    @Test
    void theSameContentTwiceMakesNoNewSnapshotAndIsStillArchivedWithANote() throws IOException {
        Path first = export(folder.resolve("pierwszy"));
        Files.writeString(first.resolve("GOTOWE"), "");
        DropFolder.Check one = check();
        Snapshot snapshot = one.exports().get(0).result().snapshot();
        long after = snapshots();
        // the same files again, as a ZIP and under another name, a second later
        clock.advance(Duration.ofSeconds(1));
        Path copy = work.resolve("kopia");
        Files.createDirectories(copy);
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(folder.resolve("przyjete/20261205-011503-pierwszy").resolve(file), copy.resolve(file));
        }
        zip(copy, folder.resolve("drugi.zip"), "", Map.of());

        DropFolder.Check two = check();

        assertThat(two.exports()).extracting(o -> o.name() + " " + o.status()).containsExactly("drugi.zip ACCEPTED_SAME");
        assertThat(snapshots()).isEqualTo(after);
        assertThat(two.exports().get(0).result().snapshot().id()).isEqualTo(snapshot.id());
        assertThat(two.exports().get(0).message()).isEqualTo("przyjęty bez nowej migawki — zawartość identyczna z migawką "
                + "nr " + snapshot.id() + " (zakres danych " + snapshot.coverage().span()
                + "); przeniesiony do przyjete/20261205-011504-drugi.zip");
        assertThat(Files.readString(folder.resolve("przyjete/20261205-011504-drugi.txt")))
                .contains("Wynik: nie utworzono nowej migawki — zawartość identyczna z migawką nr " + snapshot.id() + "\n")
                .doesNotContain("Podsumowanie importu");
        assertThat(runsOf("wymiana:drugi.zip")).containsExactly("COMPLETED");
    }

    @Test
    void theArchiveKeepsThirteenMonthsThenRemovesWithALogLineNamingOnlyTheEntry() throws IOException {
        Path accepted = Files.createDirectories(folder.resolve("przyjete"));
        Path rejected = Files.createDirectories(folder.resolve("odrzucone"));
        // 5 December 2026 01:15:03 minus 13 months = 5 November 2025 01:15:03: older entries go, newer stay
        Files.createDirectories(accepted.resolve("20251105-011502-stary"));
        Files.writeString(accepted.resolve("20251105-011502-stary/osoby.csv"), "osoba_id\nP1\n");
        Files.writeString(accepted.resolve("20251105-011502-stary.txt"), "notatka");
        Files.writeString(rejected.resolve("20250101-000000-zly.zip"), "zip");
        Files.writeString(rejected.resolve("20250101-000000-zly.txt"), "powód");
        Files.createDirectories(accepted.resolve("20251105-011504-nowszy"));
        Files.writeString(accepted.resolve("20251105-011504-nowszy.txt"), "notatka");
        Files.writeString(accepted.resolve("recznie-dodany.txt"), "bez znacznika czasu: zostaje");
        Logger logger = (Logger) LoggerFactory.getLogger(ArchiveRetention.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            DropFolder.Check check = check();
            assertThat(check.removedFromArchive()).containsExactly("przyjete/20251105-011502-stary",
                    "przyjete/20251105-011502-stary.txt", "odrzucone/20250101-000000-zly.txt",
                    "odrzucone/20250101-000000-zly.zip");
        } finally {
            logger.detachAppender(log);
        }
        assertThat(names(accepted)).containsExactly("20251105-011504-nowszy", "20251105-011504-nowszy.txt",
                "recznie-dodany.txt");
        assertThat(names(rejected)).isEmpty();
        List<String> lines = new ArrayList<>();
        log.list.forEach(e -> lines.add(e.getFormattedMessage()));
        assertThat(lines).containsExactly(
                "Archiwum folderu wymiany: usunięto przyjete/20251105-011502-stary (zarchiwizowane 05.11.2025 01:15:02, "
                        + "przechowywanie 13 mies.)",
                "Archiwum folderu wymiany: usunięto przyjete/20251105-011502-stary.txt (zarchiwizowane 05.11.2025 "
                        + "01:15:02, przechowywanie 13 mies.)",
                "Archiwum folderu wymiany: usunięto odrzucone/20250101-000000-zly.txt (zarchiwizowane 01.01.2025 "
                        + "00:00:00, przechowywanie 13 mies.)",
                "Archiwum folderu wymiany: usunięto odrzucone/20250101-000000-zly.zip (zarchiwizowane 01.01.2025 "
                        + "00:00:00, przechowywanie 13 mies.)");
        assertThat(lines).noneMatch(line -> line.contains("P1"));
    }
}
