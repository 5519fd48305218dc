package pl.mops.reports.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.support.IntervalAttack;
import pl.mops.reports.support.PublicationJudge;
import pl.mops.reports.support.PublishedWorkbook;
import pl.mops.reports.support.PublishedWorkbook.Table;

/**
 * What a reader of a published monthly statistics workbook knows, written for the tests from the tables' layout and
 * the counting rules of the README (not from the program's protection layout): the same figure in several tables,
 * the totals over districts, branches (from the districts in a branch's label), reasons, forms and months, each as
 * an exact sum (families, persons, benefits, amounts: a family has one district) or a distinct-count cover
 * (recipients: a person may have benefits for families in two districts; a recipient with two forms is once in the
 * area; the year's families had benefits in some month), and subsets (the month ⊆ the year to date; the families
 * with a reason ⊆ the area's families).
 */
final class MonthlyAttack {

    static final String T1 = "1 Miasto";
    static final String T2 = "2 Dzielnice";
    static final String T3 = "3 Filie";
    static final String T4 = "4 Powody x dzielnice";
    static final String T4N = "4a Powody x dzielnice narast.";
    static final String T5 = "5 Formy x dzielnice";
    static final String T6 = "6 Trend";
    static final String T7 = "7 Wykonanie planu";
    static final String OGOLEM = "Ogółem (bez powtórzeń)";
    static final List<String> UNIT_ROWS_T1 = List.of("Rodziny", "Osoby w rodzinach", "Świadczeniobiorcy");

    private final PublishedWorkbook book;
    private final IntervalAttack attack;
    private final String small;

    private MonthlyAttack(PublishedWorkbook book, int threshold) {
        this.book = book;
        this.attack = new IntervalAttack(threshold);
        this.small = "<" + threshold;
    }

    /** the cell's id, told to the attack as published or hidden (with what a reader knows of it) */
    private String id(Table t, int r, int c) {
        String id = t.id(r, c);
        Object value = t.cell(r, c);
        if (value instanceof Double d) {
            attack.published(id, d);
        } else if (small.equals(value)) {
            attack.hidden(id, IntervalAttack.Kind.SMALL);
        } else if ("x".equals(value)) {
            boolean amount = t.headers().get(c - 1).contains("zł") || t.labels().get(r).contains("zł");
            attack.hidden(id, isUnitCount(t, r, c) ? IntervalAttack.Kind.COUNT
                    : amount ? IntervalAttack.Kind.AMOUNT : IntervalAttack.Kind.INTEGER);
        }
        return id;
    }

    private List<String> ids(Table t, List<Integer> rows, int c) {
        return rows.stream().map(r -> id(t, r, c)).toList();
    }

    static IntervalAttack build(PublishedWorkbook book, int threshold) {
        return new MonthlyAttack(book, threshold).relations();
    }

    private IntervalAttack relations() {
        Table t1 = book.table(T1);
        Table t2 = book.table(T2);
        Table t3 = book.table(T3);
        // table 1: its month and year-to-date columns are the city row of table 2 (row r = measure r); month ⊆ YTD
        for (int r = 0; r < t1.labels().size(); r++) {
            attack.equal(id(t1, r, 1), id(t2, t2.row(OGOLEM), 1 + r));
            attack.equal(id(t1, r, 5), id(t2, t2.row(OGOLEM), 7 + r));
            attack.subsets(id(t1, r, 5), List.of(id(t1, r, 1)));
            attack.subsets(id(t1, r, 6), List.of(id(t1, r, 2)));
        }
        // tables 2 and 3: the city over districts and over branches; a branch over the districts in its label
        for (Table t : List.of(t2, t3)) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < t.labels().size(); r++) {
                if (r != t.row(OGOLEM)) {
                    rows.add(r);
                }
            }
            for (int c = 1; c <= 12; c++) {
                if (c % 6 == 0) {
                    continue; // per 1 000 residents
                }
                relation(c, id(t, t.row(OGOLEM), c), ids(t, rows, c));
                attack.equal(id(t, t.row(OGOLEM), c), id(t2, t2.row(OGOLEM), c));
                if (c <= 5) {
                    for (int r = 0; r < t.labels().size(); r++) {
                        attack.subsets(id(t, r, c + 6), List.of(id(t, r, c)));
                    }
                }
            }
        }
        for (int r = 0; r < t3.labels().size(); r++) {
            String label = t3.labels().get(r);
            if (label.equals(OGOLEM)) {
                continue;
            }
            String served = label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')'));
            List<Integer> rows = new ArrayList<>();
            for (String district : served.split(", ")) {
                rows.add(districtRow(t2, district));
            }
            for (int c = 1; c <= 12; c++) {
                if (c % 6 != 0) {
                    relation(c, id(t3, r, c), ids(t2, rows, c));
                }
            }
        }
        // tables 4 and 4a: the total column is the sum of the district columns (a family has one district); the
        // families with a reason are some of the district's (city's) families of table 2; month ⊆ year to date
        Table t4 = book.table(T4);
        Table t4n = book.table(T4N);
        for (Table t : List.of(t4, t4n)) {
            int familiesColumn = t == t4 ? 1 : 7;
            List<Integer> all = new ArrayList<>();
            for (int r = 0; r < t.labels().size(); r++) {
                all.add(r);
                List<String> parts = new ArrayList<>();
                for (int c = 1; c < t.columnCount(); c++) {
                    parts.add(id(t, r, c));
                }
                attack.sum(id(t, r, t.columnCount()), parts);
            }
            for (int c = 1; c < t.columnCount(); c++) {
                String district = t.headers().get(c - 1);
                attack.subsets(id(t2, districtRow(t2, district), familiesColumn), ids(t, all, c));
            }
            attack.subsets(id(t2, t2.row(OGOLEM), familiesColumn), ids(t, all, t.columnCount()));
        }
        for (int r = 0; r < t4.labels().size(); r++) {
            for (int c = 1; c <= t4.columnCount(); c++) {
                attack.subsets(id(t4n, r, c), List.of(id(t4, r, c)));
            }
        }
        // table 5: blocks headed by the city and the districts (rows of table 2), the forms under them (a form
        // without benefits has no row); a form in the city over the districts
        Table t5 = book.table(T5);
        Map<String, List<Integer>> formRowsByName = new LinkedHashMap<>();
        List<Integer> cityForms = new ArrayList<>();
        int head = -1;
        List<Integer> block = new ArrayList<>();
        int[] t2Columns = {3, 5, 9, 11};
        for (int r = 0; r <= t5.labels().size(); r++) {
            boolean isHead = r == t5.labels().size() || t5.labels().get(r).equals("Miasto ogółem")
                    || t2.labels().contains(t5.labels().get(r));
            if (isHead) {
                if (head >= 0) {
                    for (int c = 1; c <= 4; c++) {
                        formRelation(c, id(t5, head, c), ids(t5, block, c));
                    }
                }
                if (r == t5.labels().size()) {
                    break;
                }
                head = r;
                block = new ArrayList<>();
                String label = t5.labels().get(r);
                int t2Row = label.equals("Miasto ogółem") ? t2.row(OGOLEM) : t2.row(label);
                for (int c = 1; c <= 4; c++) {
                    attack.equal(id(t5, r, c), id(t2, t2Row, t2Columns[c - 1]));
                }
            } else {
                block.add(r);
                if (t5.labels().get(head).equals("Miasto ogółem")) {
                    cityForms.add(r);
                } else {
                    formRowsByName.computeIfAbsent(t5.labels().get(r), k -> new ArrayList<>()).add(r);
                }
            }
            if (r < t5.labels().size()) {
                attack.subsets(id(t5, r, 3), List.of(id(t5, r, 1)));
                attack.subsets(id(t5, r, 4), List.of(id(t5, r, 2)));
            }
        }
        for (int cityForm : cityForms) {
            List<Integer> inDistricts = formRowsByName.getOrDefault(t5.labels().get(cityForm), List.of());
            for (int c = 1; c <= 4; c++) {
                formRelation(c, id(t5, cityForm, c), ids(t5, inDistricts, c));
            }
        }
        // table 6: the months of each year: amounts add up to the year to date, families and recipients cover it;
        // the last month is the month of table 1
        Table t6 = book.table(T6);
        List<Integer> months = new ArrayList<>();
        for (int r = 0; r < t6.labels().size(); r++) {
            months.add(r);
        }
        int last = t6.labels().size() - 1;
        for (int year = 0; year < 2; year++) {
            attack.cover(id(t1, t1.row("Rodziny"), 5 + year), ids(t6, months, 1 + year));
            attack.cover(id(t1, t1.row("Świadczeniobiorcy"), 5 + year), ids(t6, months, 3 + year));
            attack.sum(id(t1, t1.row("Kwota świadczeń (zł)"), 5 + year), ids(t6, months, 5 + year));
        }
        String[] t1Rows = {"Rodziny", "Świadczeniobiorcy", "Kwota świadczeń (zł)"};
        for (int c = 1; c <= 6; c++) {
            attack.equal(id(t6, last, c), id(t1, t1.row(t1Rows[(c - 1) / 2]), c % 2 == 1 ? 1 : 2));
        }
        // table 7: the executed amount of a form is table 5's year to date; the total is their sum and the city's
        Table t7 = book.table(T7);
        List<String> executed = new ArrayList<>();
        for (int r = 0; r < t7.labels().size(); r++) {
            if (t7.labels().get(r).equals("Ogółem")) {
                continue;
            }
            executed.add(id(t7, r, 2));
            for (int cityForm : cityForms) {
                if (t5.labels().get(cityForm).equals(t7.labels().get(r))) {
                    attack.equal(id(t7, r, 2), id(t5, cityForm, 4));
                }
            }
        }
        attack.sum(id(t7, t7.row("Ogółem"), 2), executed);
        attack.equal(id(t7, t7.row("Ogółem"), 2), id(t2, t2.row(OGOLEM), 11));
        return attack;
    }

    /** tables 2 and 3, column c: recipients (3, 9) a cover, everything else a sum */
    private void relation(int c, String total, List<String> parts) {
        if (c == 3 || c == 9) {
            attack.cover(total, parts);
        } else {
            attack.sum(total, parts);
        }
    }

    /** table 5, column c: recipients (1, 3) a cover, amounts a sum */
    private void formRelation(int c, String total, List<String> parts) {
        if (parts.isEmpty()) {
            return;
        }
        if (c % 2 == 1) {
            attack.cover(total, parts);
        } else {
            attack.sum(total, parts);
        }
    }

    private static int districtRow(Table t2, String code) {
        for (int r = 0; r < t2.labels().size(); r++) {
            if (t2.labels().get(r).startsWith(code + " ")) {
                return r;
            }
        }
        throw new AssertionError("no district " + code);
    }

    /** families, persons in families and recipients: the cells primary suppression applies to */
    static boolean isUnitCount(Table t, int r, int c) {
        String header = t.headers().get(c - 1);
        return switch (t.sheet()) {
            case T1 -> UNIT_ROWS_T1.contains(t.labels().get(r)) && c % 4 != 3 && c % 4 != 0;
            case T2, T3 -> header.startsWith("Rodziny") || header.startsWith("Osoby")
                    || (header.startsWith("Świadczeniobiorcy") && !header.contains("na 1000"));
            case T4, T4N -> true;
            case T5 -> header.startsWith("Świadczenio");
            case T6 -> c <= 4;
            default -> false;
        };
    }

    /** the judge's view of the layout: a group is an area and period (a row of tables 2, 3, 5, a month of 6) */
    static final PublicationJudge.Layout LAYOUT = new PublicationJudge.Layout() {
        @Override
        public boolean unitCount(Table table, int row, int column) {
            return isUnitCount(table, row, column);
        }

        @Override
        public String group(Table t, int r, int c) {
            return switch (t.sheet()) {
                case T1 -> c % 4 == 3 || c % 4 == 0 ? null : t.sheet() + "|" + c;
                case T2, T3 -> t.sheet() + "|" + r + "|" + (c <= 6 ? "M" : "YTD");
                case T5 -> t.sheet() + "|" + r + "|" + (c <= 2 ? "M" : "YTD");
                case T6 -> t.sheet() + "|" + r + "|" + (c % 2);
                default -> null; // table 4: counts only; table 7: the amounts of table 5
            };
        }
    };
}
