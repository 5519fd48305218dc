package pl.mops.reports.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pl.mops.reports.support.PublishedWorkbook.Table;

/**
 * Judges what an {@link IntervalAttack} found on a published workbook against the full run's true values (which the
 * attack itself never sees): a cell shown as {@code <T} — or a count 1…T−1 shown as {@code x} — must have at least
 * two possible whole values; a value hidden because a count of its group is small must be able to lie P % below
 * and above its true value. The tables' layout (which cells count families or persons, which cells form a group)
 * comes from the caller.
 */
public final class PublicationJudge {

    /** the layout knowledge the judge needs */
    public interface Layout {
        /** a count of families, persons, recipients or decisions */
        boolean unitCount(Table table, int row, int column);

        /** the group of a cell (same area, period, row group), or null when the cell is judged elsewhere or not at all */
        String group(Table table, int row, int column);
    }

    /** what the judge found: the cells that break the rule, and how many of each kind it looked at */
    public record Verdict(List<String> violations, int smallCells, int tiedCells) {
    }

    private PublicationJudge() {
    }

    /** runs the attack for the cells the judge looks at (small ones and values of small groups), then judges */
    public static Verdict judge(PublishedWorkbook published, PublishedWorkbook full, IntervalAttack attack,
                                int threshold, int level, Layout layout) {
        Set<String> small = smallGroups(full, threshold, layout);
        Set<String> wanted = new HashSet<>();
        for (Table t : published.tables().values()) {
            Table truth = full.table(t.sheet());
            for (int r = 0; r < t.labels().size(); r++) {
                for (int c = 1; c <= t.columnCount(); c++) {
                    Object shown = t.cell(r, c);
                    String group = layout.group(t, r, c);
                    if (("<" + threshold).equals(shown) || ("x".equals(shown) && (layout.unitCount(t, r, c)
                            || (group != null && small.contains(group)))) && truth.cell(r, c) instanceof Double) {
                        wanted.add(t.id(r, c));
                    }
                }
            }
        }
        return judge(published, full, attack.ranges(wanted::contains), threshold, level, layout);
    }

    private static Set<String> smallGroups(PublishedWorkbook full, int threshold, Layout layout) {
        Set<String> smallGroups = new HashSet<>();
        for (Table t : full.tables().values()) {
            for (int r = 0; r < t.labels().size(); r++) {
                for (int c = 1; c <= t.columnCount(); c++) {
                    if (t.cell(r, c) instanceof Double v && v >= 1 && v < threshold && layout.unitCount(t, r, c)) {
                        String group = layout.group(t, r, c);
                        if (group != null) {
                            smallGroups.add(group);
                        }
                    }
                }
            }
        }
        return smallGroups;
    }

    public static Verdict judge(PublishedWorkbook published, PublishedWorkbook full, Map<String, IntervalAttack.Range> ranges,
                                int threshold, int level, Layout layout) {
        String small = "<" + threshold;
        Set<String> smallGroups = smallGroups(full, threshold, layout);
        List<String> violations = new ArrayList<>();
        int smallCells = 0;
        int tiedCells = 0;
        BigDecimal p = BigDecimal.valueOf(level).movePointLeft(2);
        for (Table t : published.tables().values()) {
            Table truth = full.table(t.sheet());
            for (int r = 0; r < t.labels().size(); r++) {
                for (int c = 1; c <= t.columnCount(); c++) {
                    Object shown = t.cell(r, c);
                    if (!small.equals(shown) && !"x".equals(shown)) {
                        continue;
                    }
                    IntervalAttack.Range range = ranges.get(t.id(r, c));
                    double value = (Double) truth.cell(r, c);
                    boolean unit = layout.unitCount(t, r, c);
                    if (small.equals(shown) || (unit && value >= 1 && value < threshold)) {
                        if (range == null) {
                            continue; // in no relation: nothing narrows it
                        }
                        smallCells++;
                        if (threshold > 2 && range.possible().size() < 2) {
                            violations.add(t.id(r, c) + " " + shown + " possible " + range.possible());
                        }
                        continue;
                    }
                    String group = layout.group(t, r, c);
                    if (group == null || !smallGroups.contains(group) || range == null || value <= 0) {
                        continue;
                    }
                    tiedCells++;
                    BigDecimal v = BigDecimal.valueOf(value);
                    BigDecimal low = v.multiply(BigDecimal.ONE.subtract(p));
                    BigDecimal high = v.multiply(BigDecimal.ONE.add(p));
                    boolean whole = value == Math.rint(value) && !t.headers().get(c - 1).contains("zł")
                            && !t.labels().get(r).contains("zł");
                    if (whole) {
                        low = low.setScale(0, RoundingMode.FLOOR);
                        high = high.setScale(0, RoundingMode.CEILING);
                    }
                    double tolerance = 0.01;
                    if (range.min() > low.doubleValue() + tolerance || range.max() < high.doubleValue() - tolerance) {
                        violations.add(t.id(r, c) + " x [" + range.min() + ", " + range.max() + "] narrower than ±"
                                + level + " % of the hidden value");
                    }
                }
            }
        }
        return new Verdict(violations, smallCells, tiedCells);
    }
}
