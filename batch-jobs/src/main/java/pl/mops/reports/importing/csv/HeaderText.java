package pl.mops.reports.importing.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What messages may say about a header line without quoting case data. The first line of a file is quoted, and the
 * names of unknown columns are listed, only when every field of it looks like a column name (letters, digits, space,
 * {@code _ . - ( ) / %}, at most 40 characters, starting with a letter or {@code _}, no run of 3 digits): a line that
 * is not a header (a file without one, or rows joined to the header by a line end the contract does not know) holds
 * ids, PESEL numbers and dates, and is then only counted, never quoted.
 */
public final class HeaderText {

    /** at most this many unknown column names are listed */
    static final int MAX_NAMES = 10;
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_ .()/%-]{0,39}");
    private static final Pattern THREE_DIGITS = Pattern.compile("\\d{3}");
    private static final Pattern FIELD_SEPARATORS = Pattern.compile("[;,\\t]");
    private static final int MAX_QUOTED_CHARS = 120;

    private HeaderText() {
    }

    /** a header field that may be quoted: it looks like a column name (an empty field too: it is named by number) */
    public static boolean looksLikeName(String field) {
        String name = field.strip();
        return name.isEmpty() || NAME.matcher(name).matches() && !THREE_DIGITS.matcher(name).find();
    }

    /** the header line as a message may quote it (shortened), or null when it does not look like a header */
    public static String quotable(String headerLine) {
        for (String field : FIELD_SEPARATORS.split(headerLine.replace("\"", ""), -1)) {
            if (!looksLikeName(field)) {
                return null;
            }
        }
        return headerLine.length() <= MAX_QUOTED_CHARS ? headerLine : headerLine.substring(0, MAX_QUOTED_CHARS) + "…";
    }

    /**
     * The summary's remark about unknown columns: their names (the first {@value #MAX_NAMES}) when the header looks
     * like one, else only how many there are.
     *
     * @param unknown   the unknown fields of the header (as read, not trimmed)
     * @param positions their column numbers (1-based)
     * @param header    every field of the header
     */
    public static String unknownColumns(List<String> unknown, List<Integer> positions, List<String> header) {
        if (!header.stream().allMatch(HeaderText::looksLikeName)) {
            return "pominięto nieznane kolumny: " + unknown.size() + " — ich nazw nie cytuję, bo nagłówek zawiera "
                    + "wartości wyglądające na dane, a nie nazwy kolumn (sprawdź, czy plik zaczyna się wierszem "
                    + "nagłówka i czy wiersze kończą się znakiem LF, CRLF albo CR)";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < unknown.size() && i < MAX_NAMES; i++) {
            String name = unknown.get(i).strip();
            names.add(name.isEmpty() ? "(kolumna nr " + positions.get(i) + " bez nazwy)" : name);
        }
        String more = unknown.size() > MAX_NAMES ? " i " + (unknown.size() - MAX_NAMES) + " innych" : "";
        return "pominięto nieznane kolumny: " + String.join(", ", names) + more;
    }
}
