package pl.mops.reports.importing.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into fields (RFC 4180 quoting: {@code "} around a field, {@code ""} inside).
 * No value of the contract contains a line break, so a quoted field may not span lines: a quote
 * still open at the end of the line is reported for that line ({@link Split#openQuote()}); the reader decides whether
 * the following lines close it into one (rejected) record or are records of their own.
 */
public final class CsvLineSplitter {

    /**
     * The fields of a line, or the reason it could not be split (then {@code fields} holds the
     * fields read before the problem).
     */
    public record Split(List<String> fields, String problem, boolean openQuote) {
        public Split(List<String> fields, String problem) {
            this(fields, problem, false);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    private final char separator;

    public CsvLineSplitter(char separator) {
        this.separator = separator;
    }

    public char separator() {
        return separator;
    }

    public Split split(String line) {
        List<String> fields = new ArrayList<>(12);
        StringBuilder field = null; // only quoted fields need one (a "" inside stands for one quote)
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                if (field == null) {
                    field = new StringBuilder();
                }
                field.setLength(0);
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                if (!closed) {
                    return new Split(fields, "niezamknięty cudzysłów (pole zaczyna się w kolumnie nr " + (fields.size() + 1) + ")",
                            true);
                }
                if (i < n && line.charAt(i) != separator) {
                    return new Split(fields, "znak „" + line.charAt(i) + "” po zamykającym cudzysłowie (pole nr "
                            + (fields.size() + 1) + ")");
                }
                fields.add(field.toString());
            } else {
                // an unquoted field: the text up to the next separator, taken as one substring (the import's
                // hottest loop: appending it char by char was the largest part of reading a file)
                int end = line.indexOf(separator, i);
                if (end < 0) {
                    end = n;
                }
                fields.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return new Split(fields, null);
            }
            i++; // separator
            if (i == n) {
                fields.add("");
                return new Split(fields, null);
            }
        }
    }

    /**
     * The separator of a file, detected from its header line: {@code ;} or {@code ,}, whichever
     * occurs more often outside quotes; null when the header has neither.
     */
    public static Character detectSeparator(String header) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        if (semicolons == 0 && commas == 0) {
            return null;
        }
        return semicolons >= commas ? ';' : ',';
    }
}
