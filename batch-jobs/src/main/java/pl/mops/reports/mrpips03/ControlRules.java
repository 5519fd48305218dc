package pl.mops.reports.mrpips03;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Rule;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.Readiness.RuleState;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.CounterValue;
import pl.mops.reports.mrpips03.ReturnRepository.Failure;
import pl.mops.reports.mrpips03.ReturnRepository.RuleResult;

/**
 * Evaluates the control rules of a layout on the computed cells. A pure function of the cells and counters (and,
 * for {@code POPRZEDNI_OKRES}, of the cells of the latest half-year return of the same year): every condition
 * checked is counted, every one that does not hold is listed with its cells and values. A condition on a cell of a
 * row without data (its file was not supplied) is skipped and the rule says so; a rule none of whose conditions could
 * be checked is "niesprawdzona". A rule {@code do_przegladu} whose condition does not hold is "do przeglądu", not
 * "niespełniona". Nothing here stops the job.
 */
final class ControlRules {

    /**
     * the half-year return an annual one is compared with
     *
     * @param description how the notes name it after "Porównano ze sprawozdaniem ": "za I półrocze 2025 (sprawozdaniem
     *                    pierwotnym, złożonym; migawka …, układ …)"
     * @param layout the layout the half-year return was computed with ({@code null} when it is no longer available):
     *               only cells defined the same way in both layouts are compared
     */
    record FirstHalf(String description, Map<CellKey, BigDecimal> cells, Layout layout) {

        FirstHalf(String description, Map<CellKey, BigDecimal> cells) {
            this(description, cells, null);
        }
    }

    record Outcome(List<RuleResult> results, List<Failure> failures) {
        int checked() {
            return results.stream().mapToInt(RuleResult::checked).sum();
        }
    }

    private final Layout layout;
    private final Map<CellKey, BigDecimal> cells;
    private final List<CounterValue> counters;
    private final MissingData missing;
    private final List<Failure> failures = new ArrayList<>();
    private int checked;
    private int failed;
    private int skipped;

    private ControlRules(Layout layout, Map<CellKey, BigDecimal> cells, List<CounterValue> counters) {
        this.layout = layout;
        this.cells = cells;
        this.counters = counters;
        this.missing = MissingData.of(layout, cells);
    }

    /**
     * @param firstHalf for an annual return: the latest half-year return of the year, or {@code null} when it
     *                  there is none; ignored for a half-year return
     */
    static Outcome evaluate(Layout layout, Map<CellKey, BigDecimal> cells, ReturnPeriod period, FirstHalf firstHalf) {
        return evaluate(layout, cells, List.of(), period, firstHalf);
    }

    static Outcome evaluate(Layout layout, Map<CellKey, BigDecimal> cells, List<CounterValue> counters,
                            ReturnPeriod period, FirstHalf firstHalf) {
        return new ControlRules(layout, cells, counters).run(period, firstHalf);
    }

    private Outcome run(ReturnPeriod period, FirstHalf firstHalf) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : layout.rules()) {
            checked = 0;
            failed = 0;
            skipped = 0;
            List<String> notes = new ArrayList<>();
            RuleState state = null;
            switch (rule.kind()) {
                case W_TYM -> partOfParent(rule);
                case KOLUMNY -> columns(rule);
                case WIERSZE -> rows(rule);
                case KOMORKI -> cellsRule(rule);
                case POPRZEDNI_OKRES -> {
                    if (!period.annual()) {
                        notes.add("Nie dotyczy sprawozdania półrocznego.");
                        state = RuleState.NIE_DOTYCZY;
                    } else if (firstHalf == null) {
                        notes.add("Brak sprawozdania za I półrocze " + period.year() + ", z którym można by porównać "
                                + "sprawozdanie roczne.");
                        state = RuleState.NIESPRAWDZONA;
                    } else {
                        notes.add("Porównano ze sprawozdaniem " + firstHalf.description() + ".");
                        notSmallerThanFirstHalf(rule, firstHalf);
                    }
                }
            }
            if (skipped > 0) {
                notes.add("Pominięto warunki z komórkami bez wartości (" + missing.sentence() + "): "
                        + skipped + ".");
            }
            if (failed > 0 && rule.counter() != null) {
                layout.counter(rule.counter()).ifPresent(counter -> notes.add(counter.description() + ": "
                        + counters.stream().filter(c -> c.code().equals(counter.code())).mapToLong(CounterValue::value)
                        .sum() + "."));
            }
            if (state == null) {
                if (failed > 0) {
                    state = rule.review() ? RuleState.DO_PRZEGLADU : RuleState.NIESPELNIONA;
                } else if (checked == 0 && skipped > 0) {
                    state = RuleState.NIESPRAWDZONA;
                } else {
                    state = RuleState.SPELNIONA;
                }
            }
            results.add(new RuleResult(rule.code(), checked, failed, notes.isEmpty() ? null : String.join(" ", notes),
                    state));
        }
        return new Outcome(results, failures);
    }

    /** every "w tym" row ≤ its parent, in every column both rows have */
    private void partOfParent(Rule rule) {
        for (Section section : layout.sections()) {
            for (Row row : section.rows()) {
                if (row.parent() == null) {
                    continue;
                }
                Row parent = section.row(row.parent()).orElseThrow();
                for (Column column : row.columns()) {
                    if (!parent.hasColumn(column.code())) {
                        continue;
                    }
                    CellKey part = new CellKey(section.code(), row.code(), column.code());
                    CellKey whole = new CellKey(section.code(), row.parent(), column.code());
                    check(rule, List.of(part), "<=", List.of(whole));
                }
            }
        }
    }

    /** in every row of the sections that has all the rule's columns */
    private void columns(Rule rule) {
        for (String sectionCode : rule.sections()) {
            Section section = layout.section(sectionCode).orElseThrow();
            for (Row row : section.rows()) {
                if (!rule.left().stream().allMatch(row::hasColumn) || !rule.right().stream().allMatch(row::hasColumn)) {
                    continue;
                }
                List<CellKey> left = rule.left().stream().map(c -> new CellKey(sectionCode, row.code(), c)).toList();
                List<CellKey> right = rule.right().stream().map(c -> new CellKey(sectionCode, row.code(), c)).toList();
                check(rule, left, rule.relation(), right);
            }
        }
    }

    private void rows(Rule rule) {
        for (String column : rule.columns()) {
            List<CellKey> left = rule.left().stream().map(ref -> cell(ref + "/" + column)).toList();
            List<CellKey> right = rule.right().stream().map(ref -> cell(ref + "/" + column)).toList();
            check(rule, left, rule.relation(), right);
        }
    }

    private void cellsRule(Rule rule) {
        check(rule, rule.left().stream().map(ControlRules::cell).toList(), rule.relation(),
                rule.right().stream().map(ControlRules::cell).toList());
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
                    Column column = row.column(columnCode).orElse(null);
                    if (column == null || column.predicate().mayShrink()) {
                        continue;
                    }
                    CellKey key = new CellKey(section.code(), row.code(), columnCode);
                    BigDecimal previous = firstHalf.cells().get(key);
                    if (previous == null) {
                        continue; // a row the half-year layout did not have, or had without data
                    }
                    if (firstHalf.layout() != null && !Objects.equals(definition(layout, key),
                            definition(firstHalf.layout(), key))) {
                        continue; // the same codes, counted another way in the half-year's layout
                    }
                    if (missing.withoutData(key)) {
                        skipped++;
                        continue;
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

    /**
     * what a cell counts in a layout: the fact sets and predicates of its section, row and column (and how the layout
     * reads "pieniezne"); {@code null} when the layout has no such cell
     */
    private static List<Object> definition(Layout layout, CellKey key) {
        Section section = layout.section(key.section()).orElse(null);
        Row row = section == null ? null : section.row(key.row()).orElse(null);
        Column column = row == null ? null : row.column(key.column()).orElse(null);
        if (column == null) {
            return null;
        }
        boolean cash = java.util.stream.Stream.of(section.predicate(), row.predicate(), column.predicate())
                .flatMap(p -> p.conditions().stream()).anyMatch(c -> c.attribute() == Attribute.PIENIEZNE);
        return java.util.Arrays.asList(section.predicate(), row.factSet(), row.predicate(), column.measure(),
                column.predicate(), cash && layout.cashBySubtype());
    }

    private static CellKey cell(String reference) {
        String[] parts = reference.split("/", 3);
        return new CellKey(parts[0], parts[1], parts[2]);
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

    private void check(Rule rule, List<CellKey> leftCells, String relation, List<CellKey> rightCells) {
        if (java.util.stream.Stream.concat(leftCells.stream(), rightCells.stream()).anyMatch(missing::withoutData)) {
            skipped++;
            return;
        }
        BigDecimal left = sum(leftCells);
        BigDecimal right = sum(rightCells);
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
