package pl.mops.reports.mrpips03;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Condition;
import pl.mops.reports.mrpips03.Layout.Counter;
import pl.mops.reports.mrpips03.Layout.FactSet;
import pl.mops.reports.mrpips03.Layout.Predicate;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.Measure.Grain;

/**
 * One section of the layout as SQL fragments over the fact table {@code mrpips03_fakty}: the events it counts (its
 * filter), its distinct predicates as the bits of one or more {@code bigint} masks, its cells as aggregates over those
 * masks and its lineage keys. {@link SectionsSql} puts the fragments of every section into one statement each, so that
 * the fact table is read once, the events grouped by family and by person once, and the cells and the lineage drawn
 * in one pass (issue 17). Only fixed SQL from {@link Attribute}, {@link Measure} and {@link FactSet} goes into the
 * text; every value of the layout (attribute values, section, row and column codes) is a bound parameter, named with
 * the section's prefix ({@code s2p0}, {@code s2r5}) so that the sections' parameters never meet.
 *
 * <p>A predicate that is NULL is not met. A total row is its own distinct count, never a sum of rows. A row has only
 * its own columns; a row whose fact set comes from a file the snapshot does not have gets no cells at all.
 */
final class SectionSql {

    /** bits used per mask: a {@code bigint}'s 63 non-negative ones */
    static final int BITS = 63;

    /** a cell of the section: its codes, what it counts and the index of its predicate */
    private record Cell(String row, String column, Measure measure, int flag) {

        String key(String section) {
            return section + "/" + row + "/" + column;
        }
    }

    private final Section section;
    /** {@code s<position in the layout>}: names the section's masks, aggregates and parameters */
    private final String prefix;
    /** bits per mask ({@link #BITS}; fewer only in tests, to have several masks with a small layout) */
    private final int bits;
    private final Set<FactSet> sets;
    /** the distinct predicates as SQL over {@code f}, in the order of the cells that first use them */
    private final List<String> flags = new ArrayList<>();
    private final List<Cell> cells = new ArrayList<>();
    /** the predicates' SQL and parameters (attribute values) */
    private final PredicateSql predicates;
    /** {@link #filter}, made with the other predicates (its parameters among theirs) */
    private final String filter;

    private SectionSql(Section section, int ordinal, List<Row> rows, int bits) {
        this.section = section;
        this.prefix = "s" + ordinal;
        this.bits = bits;
        this.predicates = new PredicateSql(prefix);
        this.sets = factSets(rows);
        // one predicate per distinct (fact set ∧ row predicate ∧ column predicate); cells sharing it share its bit
        Map<String, Integer> flagByCondition = new LinkedHashMap<>();
        for (Row row : rows) {
            for (Column column : row.columns()) {
                String condition = predicates.and(sets.size() > 1 ? row.factSet() : null, row.predicate(), column.predicate());
                int flag = flagByCondition.computeIfAbsent(condition, c -> {
                    flags.add(c);
                    return flags.size() - 1;
                });
                cells.add(new Cell(row.code(), column.code(), column.measure(), flag));
            }
        }
        String events = String.join(" OR ", sets.stream().map(s -> "(" + s.sql() + ")").toList());
        this.filter = section.predicate().conditions().isEmpty() ? events
                : "(" + events + ") AND coalesce(" + predicates.and(null, section.predicate(), Predicate.ALL) + ", false)";
    }

    /**
     * @param ordinal   the section's position in the layout (names its masks and parameters)
     * @param available the fact sets the snapshot can feed ({@link FactSet#available}); rows of the others get no cells
     * @return empty when no row of the section has cells
     */
    private static Optional<SectionSql> of(Section section, int ordinal, Set<FactSet> available, int bits) {
        List<Row> rows = section.rows().stream().filter(r -> available.contains(r.factSet())).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new SectionSql(section, ordinal, rows, bits));
    }

    /**
     * the sections of the layout that have cells, in the layout's order
     *
     * @param available the fact sets the snapshot can feed ({@link FactSet#available}); rows of the others get no cells
     */
    static List<SectionSql> of(Layout layout, Set<FactSet> available) {
        return of(layout, available, BITS);
    }

    static List<SectionSql> of(Layout layout, Set<FactSet> available, int bits) {
        if (bits < 1 || bits > BITS) {
            throw new IllegalArgumentException("bits " + bits);
        }
        List<SectionSql> sections = new ArrayList<>();
        for (int i = 0; i < layout.sections().size(); i++) {
            of(layout.sections().get(i), i, available, bits).ifPresent(sections::add);
        }
        return sections;
    }

    String sectionCode() {
        return section.code();
    }

    int cellCount() {
        return cells.size();
    }

    /** some cell of the section counts at this grain or lists units of this kind in its lineage */
    boolean needs(Grain grain, Measure.Lineage lineage) {
        return cells.stream().anyMatch(c -> c.measure().grain() == grain || c.measure().lineage() == lineage);
    }

    /** some cell of the section lists units of this kind in its lineage */
    boolean hasLineage(Measure.Lineage kind) {
        return cells.stream().anyMatch(c -> c.measure().lineage() == kind);
    }

    /** the section's mask columns: {@code s2m0} (predicates 0–62), {@code s2m1} (63–125), … */
    List<String> masks() {
        List<String> masks = new ArrayList<>();
        for (int i = 0; i * bits < flags.size(); i++) {
            masks.add(prefix + "m" + i);
        }
        return masks;
    }

    /** {@code (u.s2m1 & 4) <> 0}: the flag's bit is set in the mask of {@code alias} */
    private String has(String alias, int flag) {
        return "(" + alias + prefix + "m" + flag / bits + " & " + (1L << (flag % bits)) + ") <> 0";
    }

    /** the events the section counts: those of its rows' fact sets that meet the section's own predicate */
    String filter() {
        return filter;
    }

    /**
     * the expressions of the section's {@link #masks} over an event {@code f}, each as {@code <expression> AS s2m0}:
     * the bits of the predicates the event meets, and none for an event outside the section's {@link #filter}
     */
    List<String> maskExpressions() {
        List<String> expressions = new ArrayList<>();
        List<String> masks = masks();
        for (int m = 0; m < masks.size(); m++) {
            StringJoiner mask = new StringJoiner("\n             | ");
            for (int flag = m * bits; flag < Math.min(flags.size(), (m + 1) * bits); flag++) {
                mask.add("CASE WHEN " + flags.get(flag) + " THEN CAST(" + (1L << (flag % bits)) + " AS bigint) ELSE 0 END");
            }
            expressions.add("CASE WHEN " + filter + "\n           THEN " + mask + "\n           ELSE 0 END AS "
                    + masks.get(m));
        }
        return expressions;
    }

    /** the parameters of {@link #filter} and {@link #maskExpressions} (the attribute values) */
    Map<String, Object> predicateParameters() {
        return Map.copyOf(predicates.parameters);
    }

    /**
     * the aggregates of the section's cells that count at {@code grain}, each {@code … AS s2v7} (the value of cell 7):
     * {@code count(*)} of the families or persons whose mask has the cell's bit (a distinct count),
     * {@code sum(rozmiar)} over such families (each family once), {@code sum(liczba)} / {@code sum(kwota)} /
     * {@code count(*)} / {@code sum(osoby_objete)} over such events
     */
    List<String> aggregates(Grain grain) {
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.measure().grain() != grain) {
                continue;
            }
            String filter = " FILTER (WHERE " + has("", cell.flag()) + ")";
            String aggregate = switch (cell.measure()) {
                case RODZINY, OSOBY, KONTRAKTY -> "count(*)" + filter;
                case OSOBY_W_RODZINACH -> "sum(rozmiar)" + filter;
                case SWIADCZENIA -> "sum(liczba)" + filter;
                case KWOTA -> "sum(kwota)" + filter;
                case OSOBY_OBJETE -> "sum(osoby_objete)" + filter;
            };
            aggregates.add(aggregate + " AS " + prefix + "v" + i);
        }
        return aggregates;
    }

    /**
     * the section's cells as rows of a {@code VALUES} list (section, row and column code, value: the
     * {@link #aggregates} by name), with their parameters added to {@code parameters}
     */
    List<String> cellValues(Map<String, Object> parameters) {
        parameters.put(prefix + "section", section.code());
        List<String> values = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            parameters.put(prefix + "r" + i, cell.row());
            parameters.put(prefix + "k" + i, cell.column());
            values.add("(CAST(:" + prefix + "section AS text), CAST(:" + prefix + "r" + i + " AS text), CAST(:" + prefix + "k"
                    + i + " AS text), CAST(" + prefix + "v" + i + " AS numeric))");
        }
        return values;
    }

    /**
     * the lineage keys of the section's cells whose lineage lists units of {@code kind}, over a family or person
     * {@code u}: {@code CASE WHEN <its bit is set> THEN '<section>/<row>/<column>' END} (the key a bound parameter,
     * added to {@code parameters})
     */
    List<String> lineageKeys(Measure.Lineage kind, Map<String, Object> parameters) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.measure().lineage() == kind) {
                String name = prefix + "c" + i;
                parameters.put(name, cell.key(section.code()));
                keys.add("CASE WHEN " + has("u.", cell.flag()) + " THEN CAST(:" + name + " AS text) END");
            }
        }
        return keys;
    }

    private static Set<FactSet> factSets(List<Row> rows) {
        Set<FactSet> sets = EnumSet.noneOf(FactSet.class);
        rows.forEach(r -> sets.add(r.factSet()));
        return sets;
    }

    /**
     * The statement that stores the layout's counters ({@code mrpips03_counter}): each the number of realisations of
     * the period (fact set SWIADCZENIA) that meet its predicate.
     *
     * @return empty when the layout has no counter
     */
    static Optional<SectionsSql.Statement> insertCounters(List<Counter> counters, long returnId, String work) {
        if (counters.isEmpty()) {
            return Optional.empty();
        }
        PredicateSql predicates = new PredicateSql("");
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < counters.size(); i++) {
            aggregates.add("count(*) FILTER (WHERE coalesce(" + predicates.and(null, counters.get(i).predicate(),
                    Predicate.ALL) + ", false)) AS n" + i);
        }
        Map<String, Object> parameters = new LinkedHashMap<>(predicates.parameters);
        parameters.put("returnId", returnId);
        for (int i = 0; i < counters.size(); i++) {
            parameters.put("m" + i, counters.get(i).code());
        }
        // the aggregates over all realisations first, then unpivoted into one row per counter
        String sql = "INSERT INTO mrpips03_counter (return_id, ordinal, code, value)\nSELECT :returnId, x.ordinal, x.code, x.value\n"
                + "  FROM (SELECT " + String.join(", ", aggregates) + "\n          FROM " + WorkTables.FACTS + work + " f WHERE "
                + FactSet.SWIADCZENIA.sql() + ") a\n CROSS JOIN LATERAL (VALUES" + countersValues(counters)
                + "\n ) AS x(ordinal, code, value)";
        return Optional.of(new SectionsSql.Statement(sql, Map.copyOf(parameters)));
    }

    private static String countersValues(List<Counter> counters) {
        StringJoiner values = new StringJoiner(",");
        for (int i = 0; i < counters.size(); i++) {
            values.add("\n        (" + i + ", CAST(:m" + i + " AS text), a.n" + i + ")");
        }
        return values.toString();
    }

    /**
     * Layout predicates as SQL over {@code f}: the same value of the same attribute reuses its parameter, so equal
     * predicates give equal text (and share a bit).
     */
    private static final class PredicateSql {

        /** the section's prefix of the parameter names ({@code s2}) */
        private final String prefix;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final Map<String, String> parameterByCondition = new LinkedHashMap<>();

        PredicateSql(String prefix) {
            this.prefix = prefix;
        }

        /**
         * the conjunction of the fact set's condition (when not {@code null}) and both predicates; {@code true} when
         * all are empty
         */
        String and(FactSet factSet, Predicate first, Predicate second) {
            List<String> parts = new ArrayList<>();
            if (factSet != null) {
                parts.add("(" + factSet.sql() + ")");
            }
            for (Predicate predicate : List.of(first, second)) {
                for (Condition condition : predicate.conditions()) {
                    parts.add(condition(condition));
                }
            }
            return parts.isEmpty() ? "true" : "(" + String.join(" AND ", parts) + ")";
        }

        private String condition(Condition condition) {
            String key = condition.attribute().name() + "=" + condition.value();
            String name = parameterByCondition.get(key);
            if (name == null) {
                name = prefix + "p" + parameterByCondition.size();
                parameterByCondition.put(key, name);
                parameters.put(name, condition.value());
            }
            return condition.attribute().sql(name, condition.value() instanceof List<?>);
        }
    }
}
