package pl.mops.reports.assessment;

import java.util.ArrayList;
import java.util.List;

import pl.mops.reports.support.IntervalAttack;
import pl.mops.reports.support.PublicationJudge;
import pl.mops.reports.support.PublishedWorkbook;
import pl.mops.reports.support.PublishedWorkbook.Table;

/**
 * What a reader of a published assessment (OZPS) workbook knows about tables 10.1–10.8, written for the tests from
 * the tables' layout and the counting rules (docs/ozps.md, README), apart from the program's protection layout:
 * 10.3 helped = with benefits + only social work (a sum: a family is in one of them), with benefits covered by cash
 * and non-cash (a family may have both), social work ⊆ helped, only social work and contract ⊆ social work; the
 * families with a reason (10.4) ⊆ the families with benefits; 10.4 and 10.8 totals covered by the reasons (every
 * family of 10.4 has one, every refusal names one); 10.5, 10.6 totals: recipients covered by the forms, benefits and
 * amounts their sums; the same figures repeated in 10.1–10.3, 10.5, 10.6.
 */
final class OzpsAttack {

    static final String T10_1 = "10.1 Kadra pracowników socj.";
    static final String T10_2 = "10.2 Koszty i zasięg";
    static final String T10_3 = "10.3 Osoby i rodziny";
    static final String T10_4 = "10.4 Powody";
    static final String T10_5 = "10.5 Świadczenia pieniężne";
    static final String T10_6 = "10.6 Usługi i niepieniężne";
    static final String T10_8 = "10.8 Odmowy";
    static final int[] YEARS = {1, 2, 3};

    private final IntervalAttack attack;
    private final String small;

    private OzpsAttack(int threshold) {
        this.attack = new IntervalAttack(threshold);
        this.small = "<" + threshold;
    }

    private String id(Table t, int r, int c) {
        String id = t.id(r, c);
        Object value = t.cell(r, c);
        if (value instanceof Double d) {
            attack.published(id, d);
        } else if (small.equals(value)) {
            attack.hidden(id, IntervalAttack.Kind.SMALL);
        } else if ("x".equals(value)) {
            attack.hidden(id, isUnitCount(t, r) ? IntervalAttack.Kind.COUNT
                    : t.labels().get(r).contains("zł") ? IntervalAttack.Kind.AMOUNT : IntervalAttack.Kind.INTEGER);
        }
        return id;
    }

    static IntervalAttack build(PublishedWorkbook book, int threshold) {
        return new OzpsAttack(threshold).relations(book);
    }

    private IntervalAttack relations(PublishedWorkbook book) {
        Table t1 = book.table(T10_1);
        Table t2 = book.table(T10_2);
        Table t3 = book.table(T10_3);
        Table t4 = book.table(T10_4);
        Table t5 = book.table(T10_5);
        Table t6 = book.table(T10_6);
        for (int y : YEARS) {
            // 10.3 rows: 0–1 helped, 2–4 with benefits, 5–7 cash, 8–10 non-cash, 11–12 social work,
            // 13–14 only social work, 15–16 social contract (families, persons, recipients)
            for (int m = 0; m < 2; m++) {
                attack.sum(id(t3, m, y), List.of(id(t3, 2 + m, y), id(t3, 13 + m, y)));
                attack.subsets(id(t3, m, y), List.of(id(t3, 11 + m, y)));
                attack.subsets(id(t3, 11 + m, y), List.of(id(t3, 13 + m, y), id(t3, 15 + m, y)));
                attack.subsets(id(t3, 2 + m, y), List.of(id(t4, m, y)));
            }
            for (int m = 0; m < 3; m++) {
                attack.cover(id(t3, 2 + m, y), List.of(id(t3, 5 + m, y), id(t3, 8 + m, y)));
            }
            // 10.4 and 10.8: rows alternate (families, persons) and (decisions, families); the reasons cover the total
            for (String sheet : List.of(T10_4, T10_8)) {
                Table t = book.table(sheet);
                for (int first = 0; first < 2; first++) {
                    List<String> parts = new ArrayList<>();
                    for (int r = 2 + first; r < t.labels().size(); r += 2) {
                        parts.add(id(t, r, y));
                    }
                    attack.cover(id(t, first, y), parts);
                }
            }
            // 10.5: 3 total rows, then recipients, benefits, amount per form
            for (int m = 0; m < 3; m++) {
                List<String> parts = new ArrayList<>();
                for (int r = 3 + m; r < t5.labels().size(); r += 3) {
                    parts.add(id(t5, r, y));
                }
                if (m == 0) {
                    attack.cover(id(t5, m, y), parts);
                } else {
                    attack.sum(id(t5, m, y), parts);
                }
            }
            // 10.6: recipients and amount totals, then recipients, benefits, amount per form
            List<String> recipients = new ArrayList<>();
            List<String> amounts = new ArrayList<>();
            for (int r = 2; r < t6.labels().size(); r += 3) {
                recipients.add(id(t6, r, y));
                amounts.add(id(t6, r + 2, y));
            }
            attack.cover(id(t6, 0, y), recipients);
            attack.sum(id(t6, 1, y), amounts);
            // the same figures in several tables
            attack.equal(id(t3, 7, y), id(t5, 0, y));
            attack.equal(id(t3, 10, y), id(t6, 0, y));
            attack.equal(id(t2, 0, y), id(t3, 4, y));
            attack.sum(id(t2, 3, y), List.of(id(t5, 2, y), id(t6, 1, y)));
            attack.equal(id(t1, rowEndingWith(t1, "Rodziny objęte pracą socjalną (tab. 10.3)"), y), id(t3, 11, y));
        }
        return attack;
    }

    /** families, persons in families, recipients and refusals: the cells primary suppression applies to */
    static boolean isUnitCount(Table t, int r) {
        String label = t.labels().get(r);
        return switch (t.sheet()) {
            case T10_3, T10_4, T10_8 -> true;
            case T10_5, T10_6 -> label.endsWith("świadczeniobiorcy");
            case T10_1 -> label.endsWith("Rodziny objęte pracą socjalną (tab. 10.3)");
            case T10_2 -> label.endsWith("Świadczeniobiorcy (tab. 10.3)");
            default -> false;
        };
    }

    static int rowEndingWith(Table t, String label) {
        for (int r = 0; r < t.labels().size(); r++) {
            if (t.labels().get(r).endsWith(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label + " in " + t.sheet());
    }

    /** the judge's view: a group is a row group (a category of 10.3, a reason, a form) and a year */
    static final PublicationJudge.Layout LAYOUT = new PublicationJudge.Layout() {
        @Override
        public boolean unitCount(Table table, int row, int column) {
            return column <= 3 && isUnitCount(table, row);
        }

        @Override
        public String group(Table t, int r, int c) {
            if (c > 3) {
                return null; // forecasts: derived
            }
            int group = switch (t.sheet()) {
                case T10_3 -> r < 2 ? 0 : r < 5 ? 1 : r < 8 ? 2 : r < 11 ? 3 : r < 13 ? 4 : r < 15 ? 5 : 6;
                case T10_4, T10_8 -> r / 2;
                case T10_5 -> r < 3 ? 0 : (r - 3) / 3 + 1;
                case T10_6 -> r < 2 ? 0 : (r - 2) / 3 + 1;
                default -> -1; // 10.1, 10.2: the figures of 10.3, 10.5, 10.6 and indicators
            };
            return group < 0 ? null : t.sheet() + "|" + group + "|" + c;
        }
    };
}
