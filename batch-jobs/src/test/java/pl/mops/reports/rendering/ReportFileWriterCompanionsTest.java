package pl.mops.reports.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.rendering.csv.LongFormCsvRenderer;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/** The CSV format's files beside the long form (one per table) are written, and removed, with the set. */
class ReportFileWriterCompanionsTest {

    @TempDir
    Path dir;

    @Test
    void theTablesFilesFollowTheLongFormInTheTablesOrder() throws IOException {
        List<WrittenFile> files = new ReportFileWriter().write(document(), dir, "raport",
                List.of(new LongFormCsvRenderer()));
        assertThat(files).extracting(f -> f.path().getFileName().toString())
                .containsExactly("raport.csv", "raport-tabela-T1.csv", "raport-tabela-T2.csv");
        for (WrittenFile file : files) {
            byte[] content = Files.readAllBytes(file.path());
            assertThat(file.sizeBytes()).isEqualTo(content.length);
            assertThat(file.sha256()).isEqualTo(ReportFileWriter.sha256(content));
        }
    }

    @Test
    void aFullDiskOnATablesFileLeavesNoFileOfTheSet() {
        System.setProperty("mops.test.brak-miejsca", "-tabela-T2");
        try {
            assertThatThrownBy(() -> new ReportFileWriter().write(document(), dir, "raport",
                    List.of(new LongFormCsvRenderer()))).isInstanceOf(FileSystemException.class)
                    .hasMessageContaining("raport-tabela-T2.csv");
        } finally {
            System.clearProperty("mops.test.brak-miejsca");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ReportDocument document() {
        List<ReportColumn> columns = List.of(new ReportColumn("rodziny", "Rodziny", ValueType.COUNT, 8));
        List<ReportTable> tables = List.of(
                new ReportTable("T1", "Tabela 1", "1", "miara", "Miara", columns,
                        List.of(new ReportRow("rodziny", "Rodziny", 0, false, List.of(BigDecimal.ONE))), List.of()),
                new ReportTable("T2", "Tabela 2", "2", "dzielnica", "Dzielnica", columns,
                        List.of(new ReportRow("I", "I Stare Miasto", 0, false, List.of(BigDecimal.TEN))), List.of()));
        return new ReportDocument("test", "2025-03", "Test", "MOPS", List.of(), tables, List.of(), List.of(),
                new DocumentMetadata(Instant.EPOCH, "MOPS", "test", "test"));
    }
}
