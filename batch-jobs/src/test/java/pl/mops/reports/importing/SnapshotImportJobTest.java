package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.support.DatabaseTest;

/**
 * The import as the Spring Batch job {@code snapshotImport}, restarted as in the Spring Batch samples: a run that
 * fails (here its summary cannot be written: the output folder lies under a regular file) leaves no snapshot and a
 * FAILED execution; the same import again restarts that job instance (a second execution of it) and makes the snapshot
 * once; a third import of the same files is a new run of the source (run 2) that makes no new snapshot. Each run says
 * what it made in its exit description and records the files of a new snapshot, which {@code runs} shows.
 */
class SnapshotImportJobTest extends DatabaseTest {

    @Autowired
    SnapshotJobs jobs;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    /**
     * with the loss of rows confirmed ({@code --potwierdz-ubytek}): the check compares with the newest snapshot in the
     * database, which other test classes sharing it may have made much larger (then the first import was refused with
     * exit code 2 before it could fail on its output folder); this test is about the restart
     */
    private SnapshotJobs.ImportRequest request(Path in, Path out) {
        return new SnapshotJobs.ImportRequest(in, "csv:" + in, out, null, false, null, null, null, "test", true,
                SnapshotImporter.Progress.NONE);
    }

    private List<Map<String, Object>> runs(Path in) {
        return jdbc.queryForList("""
                SELECT e.job_instance_id, e.status, e.exit_message,
                       (SELECT p.parameter_value FROM batch_job_execution_params p
                         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'run') AS run
                  FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  JOIN batch_job_execution_params s ON s.job_execution_id = e.job_execution_id
                 WHERE i.job_name = 'snapshotImport' AND s.parameter_name = 'source' AND s.parameter_value = ?
                 ORDER BY e.job_execution_id""", "csv:" + in);
    }

    @Test
    void aFailedImportIsRestartedAsTheSameRunAndMakesItsSnapshotOnce() throws IOException {
        Path in = Files.createDirectories(work.resolve("in"));
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), in.resolve(file));
        }
        ImportCorpusTest.rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(), List.of(ImportCorpusTest.uniquePerson()));
        Path notAFolder = Files.writeString(work.resolve("plik.txt"), "to nie folder");
        long before = jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class);

        assertThatThrownBy(() -> jobs.importFiles(request(in, notAFolder.resolve("wyniki"))))
                .satisfies(e -> assertThat(FailureTranslator.toUserError(e).exitCode()).isEqualTo(4));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class)).as("rolled back").isEqualTo(before);
        assertThat(runs(in)).extracting(r -> r.get("status") + " run " + r.get("run")).containsExactly("FAILED run 1");

        Path out = work.resolve("wyniki");
        ImportResult restarted = jobs.importFiles(request(in, out));
        assertThat(restarted.reused()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class)).isEqualTo(before + 1);
        List<Map<String, Object>> runs = runs(in);
        assertThat(runs).extracting(r -> r.get("status") + " run " + r.get("run"))
                .containsExactly("FAILED run 1", "COMPLETED run 1");
        assertThat(runs.get(0).get("job_instance_id")).as("the same job instance, restarted")
                .isEqualTo(runs.get(1).get("job_instance_id"));
        long id = restarted.snapshot().id();
        assertThat((String) runs.get(1).get("exit_message")).isEqualTo("nowa migawka nr " + id + " (zakres danych "
                + restarted.snapshot().coverage().span() + "), wczytano " + ImportReportWriter.number(restarted.totalLoaded())
                + ", odrzucono 0 wierszy");
        assertThat(jdbc.queryForList("""
                SELECT f.path FROM run_file f JOIN batch_job_execution e ON e.job_execution_id = f.job_execution_id
                 WHERE e.job_instance_id = ? ORDER BY f.path""", String.class, runs.get(1).get("job_instance_id")))
                .containsExactly(out.resolve("import-" + id + ".txt").toString(), out.resolve("odrzucone-" + id + ".csv").toString());
        assertThat(out.resolve("import-" + id + ".txt")).isRegularFile();

        ImportResult again = jobs.importFiles(request(in, out));
        assertThat(again.reused()).isTrue();
        assertThat(again.snapshot().id()).isEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class)).isEqualTo(before + 1);
        runs = runs(in);
        assertThat(runs).extracting(r -> r.get("status") + " run " + r.get("run"))
                .containsExactly("FAILED run 1", "COMPLETED run 1", "COMPLETED run 2");
        assertThat((String) runs.get(2).get("exit_message")).isEqualTo("bez nowej migawki: dane identyczne z migawką nr "
                + id + " (zakres danych " + restarted.snapshot().coverage().span() + ")");
    }
}
