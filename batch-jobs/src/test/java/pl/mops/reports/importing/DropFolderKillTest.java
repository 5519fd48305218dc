package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.ChildJvm;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CrashTestDatabases;
import pl.mops.reports.support.SharedPostgres;

/**
 * {@code wymiana} killed with SIGKILL (kill -9) in the middle of an import: the child JVM is held by the test hook
 * after the first file was staged inside the import's uncommitted transaction, and killed there. While it is held, a
 * second process is refused the folder and the import with a Polish message (exit code 5). After the kill nothing is
 * committed and the export is still in the drop folder; the next check finds the run abandoned, imports the export
 * once (the same job instance: the killed execution marked FAILED, then COMPLETED) and archives it; the check after
 * that has nothing to do.
 */
class DropFolderKillTest {

    private static final String DATABASE = "drop_folder_kill";

    @TempDir
    Path home;

    @Test
    void killedInTheMiddleOfAnImportLeavesNoPartialSnapshotAndTheNextCheckImportsTheExportOnce() throws Exception {
        String url = SharedPostgres.freshDatabase(DATABASE);
        Path export = Files.createDirectories(home.resolve("wymiana").resolve("eksport"));
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), export.resolve(file));
        }
        Files.writeString(export.resolve("GOTOWE"), "");
        Path never = home.resolve("nigdy-nie-powstanie");

        ChildJvm killed = ChildJvm.start(home, url, Map.of("mops.test.wstrzymaj", "snapshotLoad:w-trakcie:" + never),
                "wymiana");
        killed.awaitOutput("[test] wstrzymano w trakcie kroku snapshotLoad", Duration.ofSeconds(120));
        assertThat(killed.output()).contains("osoby.csv: 9 wierszy");

        // meanwhile: the folder and the import belong to that process
        CommandLineRun.Outcome folderBusy = CommandLineRun.launchOn(url, home, "wymiana");
        assertThat(folderBusy.exitCode()).as(folderBusy.err()).isEqualTo(5);
        assertThat(folderBusy.out()).contains("Folder sprawdza właśnie inny proces (np. serve) — nic nie zrobiono.");
        Path other = Files.createDirectories(home.resolve("inny"));
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), other.resolve(file));
        }
        CommandLineRun.Outcome importBusy = CommandLineRun.launchOn(url, home, "import", "--dir", other.toString());
        assertThat(importBusy.exitCode()).as(importBusy.err()).isEqualTo(5);
        assertThat(importBusy.err()).contains("Błąd: Nowa migawka danych jest właśnie wczytywana (import albo pobranie z "
                + "bazy) przez inny proces: mops-reports ").contains("Poczekaj, aż skończy, i uruchom polecenie ponownie.");
        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM batch_job_instance WHERE job_name = "
                + "'snapshotImport'")).as("the refused import started no run").isEqualTo(1);

        killed.kill();
        assertThat(killed.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);

        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM snapshot")).as("no partial snapshot").isZero();
        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM osoby")).isZero();
        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM batch_job_execution WHERE status = 'STARTED'"))
                .as("the killed run is still marked running").isEqualTo(1);
        assertThat(names(home.resolve("wymiana"))).contains("eksport").doesNotContain("przyjete", "odrzucone");
        assertThat(names(export)).contains("GOTOWE", "osoby.csv");

        CommandLineRun.Outcome resumed = CommandLineRun.launchOn(url, home, "wymiana");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        long execution = CrashTestDatabases.count(DATABASE, "SELECT min(job_execution_id) FROM batch_job_execution");
        assertThat(resumed.out()).contains("Poprzednie uruchomienie nr " + execution + " zostało przerwane (proces nie "
                + "żyje) — wczytuję dane od nowa (przerwana transakcja niczego nie zapisała).");
        assertThat(resumed.out()).containsPattern("  eksport: przyjęty — nowa migawka nr \\d+ \\(zakres danych [^)]+\\); "
                + "przeniesiony do przyjete/\\d{8}-\\d{6}-eksport");
        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM snapshot")).isEqualTo(1);
        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM osoby")).isEqualTo(9);
        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM batch_job_instance WHERE job_name = "
                + "'snapshotImport'")).as("resumed, not a second run").isEqualTo(1);
        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM batch_job_execution WHERE status = 'FAILED' "
                + "AND end_time IS NOT NULL")).as("the killed run marked FAILED").isEqualTo(1);
        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM batch_job_execution WHERE status = 'COMPLETED'"))
                .isEqualTo(1);
        assertThat(names(home.resolve("wymiana"))).containsExactly(".blokada", "przyjete");
        assertThat(names(home.resolve("wymiana/przyjete"))).hasSize(2).allMatch(n -> n.matches("\\d{8}-\\d{6}-eksport(\\.txt)?"));

        CommandLineRun.Outcome again = CommandLineRun.launchOn(url, home, "wymiana");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Brak eksportów (folderu z plikiem GOTOWE albo pliku ZIP).");
        assertThat(CrashTestDatabases.count(DATABASE, "SELECT count(*) FROM snapshot")).isEqualTo(1);
        assertThat(Files.readString(home.resolve("logs/mops-reports.log"), StandardCharsets.UTF_8))
                .contains("ma status STARTED, a nikt nie trzyma blokady zadania: proces nie żyje, oznaczam FAILED");
    }

    private static List<String> names(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
