package pl.mops.reports.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lines of at most {@link #WIDTH} characters for the listings and the help: wrapped, never cut. */
public final class TextWrap {

    /** every line a listing or the help prints fits in 120 columns */
    public static final int WIDTH = 120;

    private TextWrap() {
    }

    /** {@code text} wrapped at its spaces; see {@link #wrap(String, String, List, int)} */
    public static List<String> wrap(String firstPrefix, String nextPrefix, String text, int width) {
        return wrap(firstPrefix, nextPrefix, Arrays.stream(text.strip().split(" +")).filter(s -> !s.isEmpty()).toList(),
                width);
    }

    /**
     * The units joined by single spaces into lines of at most {@code width} characters: the first line starts with
     * {@code firstPrefix}, the next ones with {@code nextPrefix}. A unit is broken only when it alone does not fit
     * in a line (a long path): then it continues on the next line.
     */
    public static List<String> wrap(String firstPrefix, String nextPrefix, List<String> units, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstPrefix);
        int prefixLength = firstPrefix.length();
        for (String unit : units) {
            boolean empty = line.length() == prefixLength;
            if (!empty && line.length() + 1 + unit.length() <= width) {
                line.append(' ').append(unit);
                continue;
            }
            if (!empty) {
                lines.add(line.toString());
                line = new StringBuilder(nextPrefix);
                prefixLength = nextPrefix.length();
            }
            String rest = unit;
            while (line.length() + rest.length() > width) {
                int room = Math.max(1, width - line.length());
                line.append(rest, 0, room);
                lines.add(line.toString());
                line = new StringBuilder(nextPrefix);
                prefixLength = nextPrefix.length();
                rest = rest.substring(room);
            }
            line.append(rest);
        }
        if (line.length() > prefixLength || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
