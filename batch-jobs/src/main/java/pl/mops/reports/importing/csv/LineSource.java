package pl.mops.reports.importing.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Physical lines of a text file with bounded memory: a line longer than {@link #MAX_LINE_CHARS}
 * is consumed to its end but only its beginning is kept (the caller rejects it as too long). LF, CRLF and a lone
 * CR (old Mac files) each end a line, also mixed in one file; the numbering is what a text editor shows (the
 * first line is 1).
 */
public final class LineSource {

    public static final int MAX_LINE_CHARS = 100_000;

    /**
     * One physical line; {@code text} is null when the line was too long, and then {@code head} holds its first
     * {@link #MAX_LINE_CHARS} characters (enough to read the row's id), else {@code head} is the text.
     */
    public record Line(long number, String text, long length, String head) {
        public Line(long number, String text, long length) {
            this(number, text, length, text);
        }

        public boolean tooLong() {
            return text == null;
        }
    }

    private final Reader reader;
    private final char[] buffer;
    private int position;
    private int limit;
    private long lineNumber;
    /** the previous line ended with a CR: a LF right after it belongs to that line end (CRLF) */
    private boolean skipLineFeed;
    private final StringBuilder current = new StringBuilder(256);

    public LineSource(Reader reader) {
        this(reader, 1 << 16);
    }

    /** with a buffer of the given size (tests: line ends falling on the buffer's edge) */
    LineSource(Reader reader, int bufferChars) {
        this.reader = reader;
        this.buffer = new char[bufferChars];
    }

    /** @return the next line, or null at the end of the file */
    public Line next() throws IOException {
        current.setLength(0);
        long length = 0;
        boolean any = false;
        while (true) {
            if (position >= limit) {
                limit = reader.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int count = position - start;
            int room = MAX_LINE_CHARS - current.length();
            if (room > 0) {
                current.append(buffer, start, Math.min(count, room));
            }
            length += count;
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++; // the line end
                break;
            }
        }
        lineNumber++;
        if (length > MAX_LINE_CHARS) {
            return new Line(lineNumber, null, length, current.toString());
        }
        String text = current.toString();
        return new Line(lineNumber, text, length, text);
    }
}
