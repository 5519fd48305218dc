package pl.mops.reports.importing.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Physical lines of a text file with bounded memory: a line longer than {@link #MAX_LINE_CHARS}
 * is consumed to its end but not kept (the caller rejects it as too long). LF and CRLF end a
 * line; the numbering is what a text editor shows (the first line is 1).
 */
public final class LineSource {

    public static final int MAX_LINE_CHARS = 100_000;

    /** One physical line; {@code text} is null when the line was too long. */
    public record Line(long number, String text, long length) {
        public boolean tooLong() {
            return text == null;
        }
    }

    private final Reader reader;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long lineNumber;
    private final StringBuilder current = new StringBuilder(256);

    public LineSource(Reader reader) {
        this.reader = reader;
    }

    /** @return the next line, or null at the end of the file */
    public Line next() throws IOException {
        current.setLength(0);
        long length = 0;
        boolean any = false;
        char last = 0;
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
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int count = position - start;
            if (count > 0) {
                last = buffer[position - 1];
            }
            length += count;
            if (length <= MAX_LINE_CHARS + 1) { // + 1: the CR of a CRLF line
                current.append(buffer, start, count);
            }
            if (position < limit) {
                position++; // the '\n'
                break;
            }
        }
        lineNumber++;
        if (last == '\r') { // CRLF: the CR is not part of the line, nor of its length
            length--;
            if (current.length() > 0 && current.charAt(current.length() - 1) == '\r') {
                current.setLength(current.length() - 1);
            }
        }
        if (length > MAX_LINE_CHARS) {
            return new Line(lineNumber, null, length);
        }
        return new Line(lineNumber, current.toString(), length);
    }
}
