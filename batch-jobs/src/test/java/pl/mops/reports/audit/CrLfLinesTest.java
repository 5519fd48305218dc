package pl.mops.reports.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** COPY's LF line ends turned into CRLF for the lineage file, whatever pieces the driver hands over. */
class CrLfLinesTest {

    /** written by hand: a line end inside a quoted field stays LF, a doubled quote inside one does not end it */
    private static final String COPY_OUTPUT = "a;rodzina;R-1\n\"x\ny\";osoba;\"q\"\"r\"\n\"'=1;2\";decyzja;D-ź😀\nlast;rodzina;R-2\n";
    private static final String EXPECTED = "a;rodzina;R-1\r\n\"x\ny\";osoba;\"q\"\"r\"\r\n\"'=1;2\";decyzja;D-ź😀\r\nlast;rodzina;R-2\r\n";

    @Test
    void lineEndsOutsideQuotesBecomeCrLfForEverySplitOfTheInput() throws IOException {
        byte[] input = COPY_OUTPUT.getBytes(StandardCharsets.UTF_8);
        for (int piece = 1; piece <= input.length; piece++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LineageTable.CrLfLines lines = new LineageTable.CrLfLines(out);
            for (int from = 0; from < input.length; from += piece) {
                lines.write(input, from, Math.min(piece, input.length - from));
            }
            lines.flush();
            assertThat(out.toString(StandardCharsets.UTF_8)).as("pieces of %d bytes", piece).isEqualTo(EXPECTED);
        }
    }

    @Test
    void singleBytesAndOneArrayGiveTheSame() throws IOException {
        byte[] input = COPY_OUTPUT.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineageTable.CrLfLines lines = new LineageTable.CrLfLines(out);
        for (byte b : input) {
            lines.write(b);
        }
        lines.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(EXPECTED);
    }

    @Test
    void moreThanTheBufferIsWrittenWhole() throws IOException {
        // 200 000 lines of 20 bytes (4 MB, many times the 64 KiB buffer); a CR before each of the 200 000 LFs
        String line = "2025/10.3/X;osoba;O\n";
        byte[] input = line.repeat(200_000).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineageTable.CrLfLines lines = new LineageTable.CrLfLines(out);
        lines.write(input, 0, 1_000_003);
        lines.write(input, 1_000_003, input.length - 1_000_003);
        lines.flush();
        assertThat(out.size()).isEqualTo(input.length + 200_000);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2025/10.3/X;osoba;O\r\n".repeat(200_000));
    }
}
