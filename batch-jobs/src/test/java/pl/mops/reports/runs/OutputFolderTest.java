package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.DatabaseTest;

/**
 * The output folder is not part of what makes a run the same: an unwritable one is refused before anything is
 * computed (exit 4, the folder and the reason in Polish), and the files of a run already computed are copied to the
 * folder asked for. (A resumed run writing to the folder given now: {@code MonthlyStatisticsJobTest},
 * {@code OzpsAssessmentJobTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputFolderTest extends DatabaseTest {

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    MonthlyStatisticsService monthly;
    @Autowired
    JdbcTemplate jdbc;

    long snapshot;
    Path work;

    @BeforeAll
    void load() throws Exception {
        work = Files.createTempDirectory("output-folder");
        // a snapshot of its own (the monthly set with another plan): other tests' runs of the same months are not found
        Path data = Files.createDirectories(work.resolve("dane"));
        Path fixture = Path.of(getClass().getResource("/statistics/monthly-small").toURI());
        try (var files = Files.list(fixture)) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        Files.writeString(data.resolve("plan.csv"), "rok;forma;kwota_planu\n2025;ZASILEK_OKRESOWY;10001.00\n");
        snapshot = loader.load(data, "test:output-folder").snapshot().id();
    }

    @Test
    void anUnwritableFolderIsRefusedBeforeAnyComputationForEveryJob() throws Exception {
        Path file = Files.writeString(work.resolve("plik.txt"), "a file, not a folder");
        Path inside = file.resolve("wyniki");
        long instances = jdbc.queryForObject("SELECT count(*) FROM batch_job_instance", Long.class);
        for (String[] command : new String[][] {
                {"run", "monthly", "--month", "2025-01"},
                {"run", "mrpips03", "--period", "2025-P", "--layout", "2025.1"},
                {"run", "ozps", "--year", "2025", "--resources", resources().toString()}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--snapshot", String.valueOf(snapshot), "--out", inside.toString()))
                    .toArray(String[]::new);
            CommandLineRun.Outcome refused = CommandLineRun.launch(home(), args);
            assertThat(refused.exitCode()).as(String.join(" ", command) + ": " + refused.err()).isEqualTo(4);
            assertThat(refused.err()).startsWith("Błąd: Nie można zapisywać plików w folderze wyników " + inside
                    + ": taka ścieżka istnieje, ale nie jest folderem").contains("Nic nie zostało policzone")
                    .doesNotContain("null").doesNotContain("Exception");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_instance", Long.class)).isEqualTo(instances);
    }

    @Test
    void askingForTheFilesOfAComputedRunWithOutCopiesThemThere() throws Exception {
        Path first = work.resolve("pierwszy");
        MonthlyStatisticsService.Result computed = monthly.run(java.time.YearMonth.of(2025, 2), snapshot, first, false,
                "test");
        assertThat(computed.copiedTo()).isNull();
        // the version counts the month's runs of every snapshot: another test class may have computed 2025-02 before
        long version = computed.parameters().version();
        String name = "statystyka-2025-02" + (version == 1 ? "" : "-v" + version);
        Path second = work.resolve("drugi");
        CommandLineRun.Outcome again = CommandLineRun.launch(home(), "run", "monthly", "--month", "2025-02", "--snapshot",
                String.valueOf(snapshot), "--out", second.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("była już policzona (wersja " + version + "); nic nie liczono ponownie",
                "Pliki gotowego przebiegu skopiowano do folderu " + second + ".",
                second.resolve(name + ".xlsx").toString());
        for (String file : new String[] {name + ".xlsx", name + ".pdf", name + ".csv", name + "-paczka.zip"}) {
            assertThat(second.resolve(file)).hasSameBinaryContentAs(first.resolve(file));
        }
        // the run still lists its own files where it wrote them
        assertThat(CommandLineRun.launch(home(), "runs").out()).contains(first.resolve(name + ".xlsx").toString());
        // without --out nothing is copied: the run's files are named where they are
        MonthlyStatisticsService.Result plain = monthly.run(java.time.YearMonth.of(2025, 2), snapshot, null, false, "test");
        assertThat(plain.copiedTo()).isNull();
        assertThat(plain.files()).allSatisfy(f -> assertThat(f.path()).startsWith(first));
    }

    private Path resources() throws Exception {
        Path target = work.resolve("zasoby-2025.yaml");
        if (!Files.exists(target)) {
            pl.mops.reports.assessment.OzpsTestFiles.copyResource("zasoby-2025.yaml", work);
        }
        return target;
    }
}
