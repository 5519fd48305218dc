package pl.mops.reports.mrpips03;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import pl.mops.reports.database.SessionTables;
import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Condition;
import pl.mops.reports.mrpips03.Layout.Counter;
import pl.mops.reports.mrpips03.Layout.FactSet;
import pl.mops.reports.mrpips03.Layout.Predicate;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.Measure.Grain;

/**
 * Generates the statements that compute and store every cell of a section, and its auditors' lineage, from the fact
 * table {@code mrpips03_fakty}. Only fixed SQL from {@link Attribute}, {@link Measure} and {@link FactSet} goes into
 * the text; every value of the layout (attribute values, section, row and column codes) is a bound parameter.
 *
 * <p>Shape (issue 17: the sections' groupings by family and by person were done twice — for the cells and again for
 * the lineage — with one {@code bool_or} per predicate, 45 in section 1B; at the country's scale that was 190 s of the
 * annual return):
 * <ol>
 *   <li>{@link #prepare}: the section's events (of the fact sets its rows count, meeting the section's predicate) into
 *       a work table ({@link SessionTables}: unlogged, so read in parallel), with the section's distinct (fact set ∧
 *       row ∧ column) predicates as the bits of one or more {@code bigint} masks ({@code m0}: predicates 0–62, {@code m1}: 63–125, …; a predicate that is NULL is not met);
 *       then the masks OR-ed ({@code bit_or}) per family ({@code max(rozmiar)} with them) and per person, each
 *       grouping done once, into two more work tables;</li>
 *   <li>{@link #insertCells}: one aggregate per cell — {@code count(*)} of the families or persons whose mask has the
 *       cell's bit (a distinct count), {@code sum(rozmiar)} over such families (each family once),
 *       {@code sum(liczba)} / {@code sum(kwota)} / {@code count(*)} / {@code sum(osoby_objete)} over such events —
 *       unpivoted into {@code mrpips03_cell};</li>
 *   <li>{@link #insertLineage}: for every cell that counts families or persons, one lineage row per family or person
 *       whose mask has the cell's bit — the very groupings the cells were counted from.</li>
 * </ol>
 * A total row is its own distinct count, never a sum of rows. A row has only its own columns; a row whose fact set
 * comes from a file the snapshot does not have gets no cells at all.
 */
final class SectionSql {

    /** the statement and its parameters (for NamedParameterJdbcTemplate) */
    record Statement(String sql, Map<String, Object> parameters, int cells) {
    }

    /** bits used per mask: a {@code bigint}'s 63 non-negative ones */
    static final int BITS = 63;

    /** a cell of the section: its codes, what it counts and the index of its predicate */
    private record Cell(String row, String column, Measure measure, int flag) {

        String key(String section) {
            return section + "/" + row + "/" + column;
        }
    }

    private final Section section;
    private final int ordinal;
    /** bits per mask ({@link #BITS}; fewer only in tests, to have several masks with a small layout) */
    private final int bits;
    /** the suffix of this session's work tables ({@link SessionTables#suffix}) */
    private final String work;
    private final Set<FactSet> sets;
    /** the distinct predicates as SQL over {@code f}, in the order of the cells that first use them */
    private final List<String> flags = new ArrayList<>();
    private final List<Cell> cells = new ArrayList<>();
    /** the predicates' SQL and parameters (attribute values) */
    private final PredicateSql predicates = new PredicateSql();

    private SectionSql(Section section, int ordinal, List<Row> rows, int bits, String work) {
        this.section = section;
        this.ordinal = ordinal;
        this.bits = bits;
        this.work = work;
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
    }

    /**
     * @param ordinal   the section's position in the layout (names its work tables)
     * @param available the fact sets the snapshot can feed ({@link FactSet#available}); rows of the others get no cells
     * @return empty when no row of the section has cells
     */
    private static Optional<SectionSql> of(Section section, int ordinal, Set<FactSet> available, int bits, String work) {
        List<Row> rows = section.rows().stream().filter(r -> available.contains(r.factSet())).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new SectionSql(section, ordinal, rows, bits, work));
    }

    /**
     * the plans of every section of the layout that has cells, in the layout's order
     *
     * @param available the fact sets the snapshot can feed ({@link FactSet#available}); rows of the others get no cells
     * @param work      the suffix of this session's work tables ({@link SessionTables#suffix}): the fact table's and the
     *                  section's
     */
    static List<SectionSql> of(Layout layout, Set<FactSet> available, String work) {
        return of(layout, available, BITS, work);
    }

    static List<SectionSql> of(Layout layout, Set<FactSet> available, int bits, String work) {
        if (bits < 1 || bits > BITS) {
            throw new IllegalArgumentException("bits " + bits);
        }
        List<SectionSql> plans = new ArrayList<>();
        for (int i = 0; i < layout.sections().size(); i++) {
            of(layout.sections().get(i), i, available, bits, work).ifPresent(plans::add);
        }
        return plans;
    }

    String sectionCode() {
        return section.code();
    }

    private String events() {
        return "mrpips03_ev_" + ordinal + work;
    }

    private String families() {
        return "mrpips03_rodz_" + ordinal + work;
    }

    private String persons() {
        return "mrpips03_osob_" + ordinal + work;
    }

    private boolean needs(Grain grain, Measure.Lineage lineage) {
        return cells.stream().anyMatch(c -> c.measure().grain() == grain || c.measure().lineage() == lineage);
    }

    private List<String> masks() {
        List<String> masks = new ArrayList<>();
        for (int i = 0; i * bits < flags.size(); i++) {
            masks.add("m" + i);
        }
        return masks;
    }

    /** {@code (u.m1 & 4) <> 0}: the flag's bit is set in the mask of {@code alias} */
    private String has(String alias, int flag) {
        return "(" + alias + "m" + flag / bits + " & " + (1L << (flag % bits)) + ") <> 0";
    }

    /**
     * The statements that make the section's work tables (dropped by {@link #drop}, or by a rollback): its events with
     * the predicates' masks, and the masks per family and per person (each when a cell or its lineage needs it). Run
     * in order, while the fact table exists.
     */
    List<Statement> prepare() {
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement(drop(), Map.of(), 0));
        StringBuilder sql = new StringBuilder(SessionTables.CREATE).append(events())
                .append(" AS\n    SELECT f.rodzina_id, f.osoba_id, f.rozmiar, f.liczba, f.kwota, f.osoby_objete");
        List<String> masks = masks();
        for (int m = 0; m < masks.size(); m++) {
            StringJoiner mask = new StringJoiner("\n             | ");
            for (int flag = m * bits; flag < Math.min(flags.size(), (m + 1) * bits); flag++) {
                mask.add("CASE WHEN " + flags.get(flag) + " THEN CAST(" + (1L << (flag % bits)) + " AS bigint) ELSE 0 END");
            }
            sql.append(",\n           ").append(mask).append(" AS ").append(masks.get(m));
        }
        sql.append("\n      FROM ").append(WorkTables.FACTS).append(work).append(" f\n     WHERE ");
        sql.append(String.join(" OR ", sets.stream().map(s -> "(" + s.sql() + ")").toList()));
        if (!section.predicate().conditions().isEmpty()) {
            sql.append("\n       AND coalesce(").append(predicates.and(null, section.predicate(), Predicate.ALL)).append(", false)");
        }
        statements.add(new Statement(sql.toString(), Map.copyOf(predicates.parameters), 0));
        String bitOr = masks.stream().map(m -> ", bit_or(" + m + ") AS " + m).reduce("", String::concat);
        if (needs(Grain.FAMILY, Measure.Lineage.FAMILY)) {
            statements.add(new Statement(SessionTables.CREATE + families()
                    + " AS\n    SELECT rodzina_id, max(rozmiar) AS rozmiar" + bitOr + "\n      FROM "
                    + events() + " GROUP BY rodzina_id", Map.of(), 0));
        }
        if (needs(Grain.PERSON, Measure.Lineage.PERSON)) {
            statements.add(new Statement(SessionTables.CREATE + persons()
                    + " AS\n    SELECT osoba_id" + bitOr + "\n      FROM " + events()
                    + " WHERE osoba_id IS NOT NULL GROUP BY osoba_id", Map.of(), 0));
        }
        return statements;
    }

    /** drops the section's events (after {@link #insertCells}: the lineage needs only the families and persons) */
    String dropEvents() {
        return "DROP TABLE IF EXISTS " + events();
    }

    /** drops all the section's work tables */
    String drop() {
        return "DROP TABLE IF EXISTS " + events() + ", " + families() + ", " + persons();
    }

    /**
     * the query of every cell of the section: return id, section, row and column code, value ({@link #insertCells});
     * after {@link #prepare}
     */
    Statement cells(long returnId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("returnId", returnId);
        parameters.put("section", section.code());
        Map<Grain, List<String>> aggregates = new LinkedHashMap<>();
        for (Grain grain : Grain.values()) {
            aggregates.put(grain, new ArrayList<>());
        }
        StringJoiner values = new StringJoiner(",");
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            String filter = " FILTER (WHERE " + has("", cell.flag()) + ")";
            String aggregate = switch (cell.measure()) {
                case RODZINY, OSOBY, KONTRAKTY -> "count(*)" + filter;
                case OSOBY_W_RODZINACH -> "sum(rozmiar)" + filter;
                case SWIADCZENIA -> "sum(liczba)" + filter;
                case KWOTA -> "sum(kwota)" + filter;
                case OSOBY_OBJETE -> "sum(osoby_objete)" + filter;
            };
            aggregates.get(cell.measure().grain()).add(aggregate + " AS v" + i);
            parameters.put("r" + i, cell.row());
            parameters.put("k" + i, cell.column());
            values.add("\n        (CAST(:r" + i + " AS text), CAST(:k" + i + " AS text), CAST(v" + i + " AS numeric))");
        }
        StringBuilder sql = new StringBuilder();
        List<String> sources = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        Map<Grain, String> tables = Map.of(Grain.FAMILY, families(), Grain.PERSON, persons(), Grain.EVENT, events());
        for (Grain grain : Grain.values()) {
            if (!aggregates.get(grain).isEmpty()) {
                String name = "g_" + grain.name().toLowerCase(java.util.Locale.ROOT);
                definitions.add(name + " AS (SELECT " + String.join(",\n             ", aggregates.get(grain)) + "\n  FROM "
                        + tables.get(grain) + ")");
                sources.add(name);
            }
        }
        sql.append("WITH ").append(String.join(",\n", definitions));
        sql.append("\nSELECT :returnId, :section, x.row_code, x.column_code, coalesce(x.value, 0)\n  FROM ")
                .append(String.join(" CROSS JOIN ", sources))
                .append("\n CROSS JOIN LATERAL (VALUES").append(values).append("\n ) AS x(row_code, column_code, value)");
        return new Statement(sql.toString(), Map.copyOf(parameters), cells.size());
    }

    /** the statement that inserts every cell of the section into {@code mrpips03_cell}; after {@link #prepare} */
    Statement insertCells(long returnId) {
        Statement query = cells(returnId);
        return new Statement("INSERT INTO mrpips03_cell (return_id, section, row_code, column_code, value)\n" + query.sql(),
                query.parameters(), query.cells());
    }

    private static Set<FactSet> factSets(List<Row> rows) {
        Set<FactSet> sets = EnumSet.noneOf(FactSet.class);
        rows.forEach(r -> sets.add(r.factSet()));
        return sets;
    }

    /**
     * The query of the cell lineage of the section (cell, kind, source id), after {@link #prepare}: for every cell that counts families ({@code RODZINY}; {@code
     * OSOBY_W_RODZINACH}: the families whose members it adds up; {@code KONTRAKTY} and {@code OSOBY_OBJETE}: the
     * families of the contracts) or persons ({@code OSOBY}), one row per counted family or person — from the same
     * per-family and per-person masks as {@link #insertCells}. Each family or person gives an array of the keys of the
     * cells it is counted in ({@code <section>/<row>/<column>}; NULL where its bit is not set), unnested without the
     * NULLs — only the rows written are made, not one per (unit × cell). Rows without cells have no lineage.
     *
     * @return empty when the section has no such cell
     */
    Optional<Statement> lineage() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<Measure.Lineage, List<String>> keys = new LinkedHashMap<>();
        keys.put(Measure.Lineage.FAMILY, new ArrayList<>());
        keys.put(Measure.Lineage.PERSON, new ArrayList<>());
        for (Cell cell : cells) {
            Measure.Lineage kind = cell.measure().lineage();
            if (kind == Measure.Lineage.NONE) {
                continue;
            }
            String name = "c" + parameters.size();
            parameters.put(name, cell.key(section.code()));
            keys.get(kind).add("CASE WHEN " + has("u.", cell.flag()) + " THEN CAST(:" + name + " AS text) END");
        }
        if (parameters.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (!keys.get(Measure.Lineage.FAMILY).isEmpty()) {
            parts.add(unnest("'rodzina'", "u.rodzina_id", families(), keys.get(Measure.Lineage.FAMILY)));
        }
        if (!keys.get(Measure.Lineage.PERSON).isEmpty()) {
            parts.add(unnest("'osoba'", "u.osoba_id", persons(), keys.get(Measure.Lineage.PERSON)));
        }
        return Optional.of(new Statement(String.join("\nUNION ALL\n", parts), Map.copyOf(parameters), parameters.size()));
    }

    /**
     * The statement that inserts the units of the sections' {@link #lineage} — every family and person of the groupings
     * the lineage rows are drawn from (a superset: some may count in no cell) — into {@code pg_temp.audit_lineage_units}
     * ({@code LineageTable.UNITS}), after {@link #prepare}: the package numbers these few instead of looking for the
     * distinct units among all the lineage rows (issue 17).
     *
     * @return empty when no section has a lineage
     */
    static Optional<String> insertLineageUnits(List<SectionSql> sections) {
        List<String> parts = new ArrayList<>();
        for (SectionSql section : sections) {
            if (section.hasLineage(Measure.Lineage.FAMILY)) {
                parts.add("SELECT 'rodzina', rodzina_id FROM " + section.families());
            }
            if (section.hasLineage(Measure.Lineage.PERSON)) {
                parts.add("SELECT 'osoba', osoba_id FROM " + section.persons());
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(
                "INSERT INTO pg_temp.audit_lineage_units (kind, source_id)\n" + String.join("\nUNION\n", parts));
    }

    /** some cell of the section has a lineage of this kind ({@link #lineage} draws rows of it) */
    private boolean hasLineage(Measure.Lineage kind) {
        return cells.stream().anyMatch(c -> c.measure().lineage() == kind);
    }

    /** the statement that inserts the {@link #lineage} rows into {@code pg_temp.audit_lineage (cell, kind, source_id)} */
    Optional<Statement> insertLineage() {
        return lineage().map(query -> new Statement("INSERT INTO pg_temp.audit_lineage (cell, kind, source_id)\n"
                + query.sql(), query.parameters(), query.cells()));
    }

    private static String unnest(String kind, String id, String table, List<String> keys) {
        return "SELECT x.cell, " + kind + ", " + id + "\n  FROM " + table + " u\n CROSS JOIN LATERAL unnest(ARRAY["
                + String.join(",\n        ", keys) + "]) AS x(cell)\n WHERE x.cell IS NOT NULL";
    }

    /**
     * The statement that stores the layout's counters ({@code mrpips03_counter}): each the number of realisations of
     * the period (fact set SWIADCZENIA) that meet its predicate.
     *
     * @return empty when the layout has no counter
     */
    static Optional<Statement> insertCounters(List<Counter> counters, long returnId, String work) {
        if (counters.isEmpty()) {
            return Optional.empty();
        }
        PredicateSql predicates = new PredicateSql();
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
        return Optional.of(new Statement(sql, Map.copyOf(parameters), counters.size()));
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

        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final Map<String, String> parameterByCondition = new LinkedHashMap<>();

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
                name = "p" + parameterByCondition.size();
                parameterByCondition.put(key, name);
                parameters.put(name, condition.value());
            }
            return condition.attribute().sql(name, condition.value() instanceof List<?>);
        }
    }
}
