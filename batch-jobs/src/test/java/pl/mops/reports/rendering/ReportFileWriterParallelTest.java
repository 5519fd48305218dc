package pl.mops.reports.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.rendering.model.ReportDocument;

/** The formats of one document are rendered at the same time; the set is still written whole or not at all. */
class ReportFileWriterParallelTest {

    @TempDir
    Path dir;

    @Test
    void theFormatsAreRenderedAtTheSameTimeAndWrittenInTheirOrder() throws IOException {
        // each format waits until every format has started: rendered one after another, the first would wait in vain
        CountDownLatch allStarted = new CountDownLatch(3);
        List<DocumentRenderer> renderers = List.of(new Waiting("xlsx", allStarted), new Waiting("pdf", allStarted),
                new Waiting("csv", allStarted));

        List<WrittenFile> files = new ReportFileWriter().write(document(), dir, "raport", renderers);

        assertThat(files).extracting(f -> f.path().getFileName().toString())
                .containsExactly("raport.xlsx", "raport.pdf", "raport.csv");
        assertThat(dir.resolve("raport.pdf")).hasContent("pdf: wszystkie formaty naraz");
    }

    @Test
    void aFormatThatFailsInItsOwnThreadLeavesNoFileOfTheSetAndItsFailureIsTheOneThrown() {
        List<DocumentRenderer> renderers = List.of(new Waiting("xlsx", new CountDownLatch(0)),
                new Failing("pdf"), new Waiting("csv", new CountDownLatch(0)));

        assertThatThrownBy(() -> new ReportFileWriter().write(document(), dir, "raport", renderers))
                .isInstanceOf(IOException.class).hasMessage("pdf: czcionka nieczytelna");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Waiting(String extension, CountDownLatch allStarted) implements DocumentRenderer {
        @Override
        public void render(ReportDocument document, OutputStream out) throws IOException {
            allStarted.countDown();
            try {
                if (!allStarted.await(20, TimeUnit.SECONDS)) {
                    throw new IOException(extension + ": pozostałe formaty nie ruszyły w tym samym czasie");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            out.write((extension + ": wszystkie formaty naraz").getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Failing(String extension) implements DocumentRenderer {
        @Override
        public void render(ReportDocument document, OutputStream out) throws IOException {
            throw new IOException(extension + ": czcionka nieczytelna");
        }
    }

    private static ReportDocument document() {
        return new ReportDocument("test", "2025-03", "Test", "MOPS", List.of(), List.of(), List.of(), List.of(),
                new DocumentMetadata(Instant.EPOCH, "MOPS", "test", "test"));
    }
}
