package pl.mops.reports.importing.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Line ends: LF, CRLF and a lone CR (old Mac) are each one line end, also mixed and across the buffer's edge. */
class LineSourceTest {

    private static List<String> lines(String text, int bufferChars) throws IOException {
        LineSource source = new LineSource(new StringReader(text), bufferChars);
        List<String> lines = new ArrayList<>();
        LineSource.Line line;
        long expectedNumber = 1;
        while ((line = source.next()) != null) {
            assertThat(line.number()).isEqualTo(expectedNumber++);
            lines.add(line.text());
        }
        return lines;
    }

    @Test
    void everyKindOfLineEndEndsALine() throws IOException {
        for (int buffer : new int[] {1, 2, 3, 5, 1 << 16}) {
            assertThat(lines("a;b\nc;d\n", buffer)).as("LF, buffer %d", buffer).containsExactly("a;b", "c;d");
            assertThat(lines("a;b\r\nc;d\r\n", buffer)).as("CRLF, buffer %d", buffer).containsExactly("a;b", "c;d");
            assertThat(lines("a;b\rc;d\r", buffer)).as("CR, buffer %d", buffer).containsExactly("a;b", "c;d");
            assertThat(lines("a;b\rc;d", buffer)).as("CR, no end at the end, buffer %d", buffer).containsExactly("a;b", "c;d");
            assertThat(lines("a\rb\nc\r\nd", buffer)).as("mixed, buffer %d", buffer).containsExactly("a", "b", "c", "d");
            // two CRs are two line ends (an empty line between), CR CR LF too; LF CR is LF then CR
            assertThat(lines("a\r\rb", buffer)).as("CR CR, buffer %d", buffer).containsExactly("a", "", "b");
            assertThat(lines("a\r\r\nb", buffer)).as("CR CRLF, buffer %d", buffer).containsExactly("a", "", "b");
            assertThat(lines("a\n\rb", buffer)).as("LF CR, buffer %d", buffer).containsExactly("a", "", "b");
            assertThat(lines("", buffer)).isEmpty();
            assertThat(lines("\r", buffer)).containsExactly("");
            assertThat(lines("\r\n", buffer)).containsExactly("");
        }
    }

    @Test
    void aCrlfSplitByTheBufferIsOneLineEnd() throws IOException {
        // buffer of 4: "abc\r" fills it, the LF comes with the next read
        assertThat(lines("abc\r\ndef\r\n", 4)).containsExactly("abc", "def");
        assertThat(lines("abc\r" + "\n", 4)).containsExactly("abc");
    }

    @Test
    void theLengthOfALineEndedByCrExcludesTheCr() throws IOException {
        String atLimit = "x".repeat(LineSource.MAX_LINE_CHARS);
        LineSource source = new LineSource(new StringReader(atLimit + "\r" + atLimit + "y\r" + "z"));
        LineSource.Line first = source.next();
        assertThat(first.tooLong()).isFalse();
        assertThat(first.length()).isEqualTo(LineSource.MAX_LINE_CHARS);
        LineSource.Line second = source.next();
        assertThat(second.tooLong()).isTrue();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.length()).isEqualTo(LineSource.MAX_LINE_CHARS + 1);
        assertThat(second.head()).hasSize(LineSource.MAX_LINE_CHARS).startsWith("xxx");
        LineSource.Line third = source.next();
        assertThat(third.number()).isEqualTo(3);
        assertThat(third.text()).isEqualTo("z");
        assertThat(source.next()).isNull();
    }
}
