package pl.mops.reports.mrpips03;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Rule;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.Failure;
import pl.mops.reports.mrpips03.Readiness.RuleState;
import pl.mops.reports.mrpips03.ReturnRepository.RuleResult;

/**
 * Evaluates the control rules of a layout on the computed cells. A pure function of the cells (and, for
 * {@code POPRZEDNI_OKRES}, of the cells of the latest half-year return of the same year): every condition
 * checked is counted, every failed one is listed with its cells and values. Nothing here stops the job.
 */
final class ControlRules {

    /** the half-year return an annual one is compared with */
    record FirstHalf(String description, Map<CellKey, BigDecimal> cells) {
    }

    record Outcome(List<RuleResult> results, List<Failure> failures) {
        int checked() {
            return results.stream().mapToInt(RuleResult::checked).sum();
        }
    }

    private final Layout layout;
    private final Map<CellKey, BigDecimal> cells;
    private final List<Failure> failures = new ArrayList<>();
    private int checked;
    private int failed;

    private ControlRules(Layout layout, Map<CellKey, BigDecimal> cells) {
        this.layout = layout;
        this.cells = cells;
    }

    /**
     * @param firstHalf for an annual return: the latest half-year return of the year, or {@code null} when
     *                  there is none; ignored for a half-year return
     */
    static Outcome evaluate(Layout layout, Map<CellKey, BigDecimal> cells, ReturnPeriod period, FirstHalf firstHalf) {
        return new ControlRules(layout, cells).run(period, firstHalf);
    }

    private Outcome run(ReturnPeriod period, FirstHalf firstHalf) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : layout.rules()) {
            checked = 0;
            failed = 0;
            String note = null;
            RuleState state = null;
            switch (rule.kind()) {
                case W_TYM -> partOfParent(rule);
                case KOLUMNY -> columns(rule);
                case WIERSZE -> rows(rule);
                case POPRZEDNI_OKRES -> {
                    if (!period.annual()) {
                        note = "Nie dotyczy sprawozdania półrocznego.";
                        state = RuleState.NIE_DOTYCZY;
                    } else if (firstHalf == null) {
                        note = "Brak sprawozdania za I półrocze " + period.year() + ", z którym można by porównać "
                                + "sprawozdanie roczne.";
                        state = RuleState.NIESPRAWDZONA;
                    } else {
                        note = "Porównano ze sprawozdaniem " + firstHalf.description() + ".";
                        notSmallerThanFirstHalf(rule, firstHalf);
                    }
                }
            }
            if (state == null) {
                state = failed > 0 ? RuleState.NIESPELNIONA : RuleState.SPELNIONA;
            }
            results.add(new RuleResult(rule.code(), checked, failed, note, state));
        }
        return new Outcome(results, failures);
    }

    private void partOfParent(Rule rule) {
        for (Section section : layout.sections()) {
            for (Row row : section.rows()) {
                if (row.parent() == null) {
                    continue;
                }
                for (Column column : section.columns()) {
                    CellKey part = new CellKey(section.code(), row.code(), column.code());
                    CellKey whole = new CellKey(section.code(), row.parent(), column.code());
                    check(rule, List.of(part), "<=", List.of(whole), value(part), value(whole));
                }
            }
        }
    }

    private void columns(Rule rule) {
        for (String sectionCode : rule.sections()) {
            Section section = layout.section(sectionCode).orElseThrow();
            for (Row row : section.rows()) {
                List<CellKey> left = rule.left().stream().map(c -> new CellKey(sectionCode, row.code(), c)).toList();
                List<CellKey> right = rule.right().stream().map(c -> new CellKey(sectionCode, row.code(), c)).toList();
                check(rule, left, rule.relation(), right, sum(left), sum(right));
            }
        }
    }

    private void rows(Rule rule) {
        for (String column : rule.columns()) {
            List<CellKey> left = rule.left().stream().map(ref -> cell(ref, column)).toList();
            List<CellKey> right = rule.right().stream().map(ref -> cell(ref, column)).toList();
            check(rule, left, rule.relation(), right, sum(left), sum(right));
        }
    }

    /** R ≥ P for rows whose predicate (with its section's and column's) can only grow with the period */
    private void notSmallerThanFirstHalf(Rule rule, FirstHalf firstHalf) {
        for (Section section : layout.sections()) {
            if (section.predicate().mayShrink()) {
                continue;
            }
            for (Row row : section.rows()) {
                if (row.predicate().mayShrink()) {
                    continue;
                }
                for (String columnCode : rule.columns()) {
                    Column column = section.column(columnCode).orElse(null);
                    if (column == null || column.predicate().mayShrink()) {
                        continue;
                    }
                    CellKey key = new CellKey(section.code(), row.code(), columnCode);
                    BigDecimal previous = firstHalf.cells().get(key);
                    if (previous == null) {
                        continue; // a row the half-year layout did not have
                    }
                    checked++;
                    BigDecimal current = value(key);
                    if (current.compareTo(previous) < 0) {
                        failed++;
                        failures.add(new Failure(rule.code(), "R: " + key, ">=", "P: " + key, current, previous));
                    }
                }
            }
        }
    }

    private CellKey cell(String reference, String column) {
        String[] parts = reference.split("/", 2);
        return new CellKey(parts[0], parts[1], column);
    }

    private BigDecimal value(CellKey key) {
        BigDecimal value = cells.get(key);
        if (value == null) {
            throw new IllegalStateException("Brak komórki " + key + " w policzonym sprawozdaniu");
        }
        return value;
    }

    private BigDecimal sum(List<CellKey> keys) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CellKey key : keys) {
            sum = sum.add(value(key));
        }
        return sum;
    }

    private void check(Rule rule, List<CellKey> leftCells, String relation, List<CellKey> rightCells, BigDecimal left,
                       BigDecimal right) {
        checked++;
        int c = left.compareTo(right);
        boolean holds = switch (relation) {
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            default -> c == 0;
        };
        if (!holds) {
            failed++;
            failures.add(new Failure(rule.code(), names(leftCells), relation, names(rightCells), left, right));
        }
    }

    private static String names(List<CellKey> keys) {
        return String.join(" + ", keys.stream().map(CellKey::toString).toList());
    }
}
