package pl.mops.reports.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.Coverage;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.WrittenFile;

/**
 * The package written while the run's files are written in another thread
 * ({@link AuditPackageWriter#write(AuditPackageWriter.Request, pl.mops.reports.system.BackgroundTask.Work)}), with
 * the database's parts (the lineage table, the import summary) replaced by stand-ins.
 */
class AuditPackageWithFilesTest {

    private static final String LINEAGE_CSV = "\uFEFFkomorka;jednostka\r\nA1;p-1\r\n";

    @TempDir
    Path dir;

    private final LineageTable lineage = mock(LineageTable.class);
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final AuditPackageWriter writer = new AuditPackageWriter(lineage, jdbc,
            new MopsProperties(Path.of("."), "MOPS", "1261011", ZoneId.of("Europe/Warsaw")));
    private final StepExecution step = MetaDataInstanceFactory.createStepExecution();
    private final Snapshot snapshot = new Snapshot(7, OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, ZoneOffset.UTC),
            "csv:test", "f".repeat(64), new Coverage(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 5)), 2);

    @SuppressWarnings("unchecked")
    AuditPackageWithFilesTest() {
        when(jdbc.query(anyString(), any(ResultSetExtractor.class), any())).thenReturn("Import danych — migawka nr 7\n");
    }

    private AuditPackageWriter.Request request() {
        return new AuditPackageWriter.Request(step, snapshot, null, dir, "raport", List.of(), () -> { });
    }

    private void lineageWrites(Runnable whileWriting) {
        doAnswer(call -> {
            whileWriting.run();
            OutputStream out = call.getArgument(0);
            out.write(LINEAGE_CSV.getBytes(StandardCharsets.UTF_8));
            return 1L;
        }).when(lineage).writeCsv(any());
    }

    @Test
    void theFilesAreWrittenWhileTheLineageGoesIntoThePackageWhichHoldsThemAll() throws Exception {
        CountDownLatch lineageStarted = new CountDownLatch(1);
        CountDownLatch filesWritten = new CountDownLatch(1);
        lineageWrites(() -> {
            lineageStarted.countDown();
            try { // the files are written meanwhile, in the other thread: one after the other, this would wait out
                assertThat(filesWritten.await(30, TimeUnit.SECONDS)).as("files written during the lineage").isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });

        List<WrittenFile> written = writer.write(request(), () -> {
            try {
                assertThat(lineageStarted.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            List<WrittenFile> files = List.of(
                    ReportFileWriter.writeAtomically(dir.resolve("raport.xlsx"), "x".getBytes(StandardCharsets.UTF_8)),
                    ReportFileWriter.writeAtomically(dir.resolve("raport.pdf"), "p".getBytes(StandardCharsets.UTF_8)));
            filesWritten.countDown();
            return files;
        });

        assertThat(written).extracting(f -> f.path().getFileName().toString())
                .containsExactly("raport.xlsx", "raport.pdf", "raport-paczka.zip");
        Map<String, byte[]> entries = AuditPackageTest.entries(dir.resolve("raport-paczka.zip"));
        assertThat(entries.keySet()).containsExactly("pochodzenie.csv", "import-7.txt", "raport.pdf", "raport.xlsx",
                "manifest.json");
        assertThat(new String(entries.get("pochodzenie.csv"), StandardCharsets.UTF_8)).isEqualTo(LINEAGE_CSV);
        assertThat(new String(entries.get("raport.pdf"), StandardCharsets.UTF_8)).isEqualTo("p");
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"nazwa\": \"pochodzenie.csv\"", "\"nazwa\": \"raport.xlsx\"",
                AuditPackageWriter.sha256(LINEAGE_CSV.getBytes(StandardCharsets.UTF_8)));
        assertThat(names()).containsExactlyInAnyOrder("raport.xlsx", "raport.pdf", "raport-paczka.zip");
    }

    @Test
    void aFailedLineageWaitsForTheFilesAndLeavesNoPackage() throws IOException {
        AtomicBoolean filesEnded = new AtomicBoolean();
        lineageWrites(() -> {
            throw new IllegalStateException("COPY przerwane");
        });

        assertThatThrownBy(() -> writer.write(request(), () -> {
            try {
                Thread.sleep(300); // still writing when the lineage has already failed
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            List<WrittenFile> files = List.of(
                    ReportFileWriter.writeAtomically(dir.resolve("raport.xlsx"), "x".getBytes(StandardCharsets.UTF_8)));
            filesEnded.set(true);
            return files;
        })).isInstanceOf(IllegalStateException.class).hasMessage("COPY przerwane");

        assertThat(filesEnded).as("the files' thread ended before the failure was reported").isTrue();
        assertThat(names()).as("the complete file stays (as when the package failed after it), no package, no "
                + "temporary file").containsExactly("raport.xlsx");
    }

    @Test
    void aFileThatCouldNotBeWrittenIsReportedAsItselfAndLeavesNoPackage() throws IOException {
        lineageWrites(() -> { });
        FileSystemException full = new FileSystemException(dir.resolve("raport.pdf").toString(), null,
                "No space left on device");

        assertThatThrownBy(() -> writer.write(request(), () -> {
            throw full;
        })).isSameAs(full);

        assertThat(names()).isEmpty();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
