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
 * Generates the one statement that computes and stores every cell of a section from the fact table
 * {@code mrpips03_fakty}. Only fixed SQL from {@link Attribute}, {@link Measure} and {@link FactSet} goes into the
 * text; every value of the layout (attribute values, section, row and column codes) is a bound parameter.
 *
 * <p>Shape: {@code ev} = the section's events (of the fact sets its rows count) with one boolean flag per distinct
 * (fact set ∧ row ∧ column) predicate; {@code rodz} / {@code osob} = the flags OR-ed per family / per person; then one
 * aggregate per cell — {@code count(*) FILTER (WHERE flag)} over families or persons (a distinct count),
 * {@code sum(rozmiar)} over the flagged families (each family once), {@code sum(liczba)} / {@code sum(kwota)} /
 * {@code count(*)} / {@code sum(osoby_objete)} over the flagged events — unpivoted into {@code mrpips03_cell}. A total
 * row is its own distinct count, never a sum of rows. A row has only its own columns; a row whose fact set comes
 * from a file the snapshot does not have gets no cells at all.
 */
final class SectionSql {

    /** the statement and its parameters (for NamedParameterJdbcTemplate) */
    record Statement(String sql, Map<String, Object> parameters, int cells) {
    }

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, String> parameterByCondition = new LinkedHashMap<>();

    private SectionSql() {
    }

    /**
     * @param available the fact sets the snapshot can feed ({@link FactSet#available}); rows of the others get no cells
     * @return empty when no row of the section has cells
     */
    static Optional<Statement> insertCells(Section section, long returnId, Set<FactSet> available) {
        return new SectionSql().build(section, returnId, available);
    }

    /** the rows that get cells */
    private static List<Row> rows(Section section, Set<FactSet> available) {
        return section.rows().stream().filter(r -> available.contains(r.factSet())).toList();
    }

    private Optional<Statement> build(Section section, long returnId, Set<FactSet> available) {
        List<Row> rows = rows(section, available);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        parameters.put("returnId", returnId);
        parameters.put("section", section.code());
        Set<FactSet> sets = factSets(rows);

        // one flag per distinct (fact set ∧ row predicate ∧ column predicate); cells sharing a predicate share a flag
        Map<String, String> flagByCondition = new LinkedHashMap<>();
        List<String[]> cells = new ArrayList<>(); // row code, column code, value expression
        Map<Grain, List<String>> aggregates = new LinkedHashMap<>();
        for (Grain grain : Grain.values()) {
            aggregates.put(grain, new ArrayList<>());
        }
        for (Row row : rows) {
            for (Column column : row.columns()) {
                String condition = and(sets.size() > 1 ? row.factSet() : null, row.predicate(), column.predicate());
                String flag = flagByCondition.computeIfAbsent(condition, c -> "w" + flagByCondition.size());
                String value = "v" + cells.size();
                String aggregate = switch (column.measure()) {
                    case RODZINY, OSOBY, KONTRAKTY -> "count(*) FILTER (WHERE " + flag + ")";
                    case OSOBY_W_RODZINACH -> "sum(rozmiar) FILTER (WHERE " + flag + ")";
                    case SWIADCZENIA -> "sum(liczba) FILTER (WHERE " + flag + ")";
                    case KWOTA -> "sum(kwota) FILTER (WHERE " + flag + ")";
                    case OSOBY_OBJETE -> "sum(osoby_objete) FILTER (WHERE " + flag + ")";
                };
                aggregates.get(column.measure().grain()).add(aggregate + " AS " + value);
                cells.add(new String[] {row.code(), column.code(), value});
            }
        }

        StringBuilder sql = new StringBuilder();
        sql.append("INSERT INTO mrpips03_cell (return_id, section, row_code, column_code, value)\n");
        appendEvents(sql, section, sets, flagByCondition);
        List<String> sources = new ArrayList<>();
        if (!aggregates.get(Grain.FAMILY).isEmpty()) {
            sql.append(",\nrodz AS (\n    SELECT max(rozmiar) AS rozmiar").append(orFlags(flagByCondition))
                    .append("\n      FROM ev GROUP BY rodzina_id\n)");
            sql.append(",\na AS (SELECT ").append(String.join(",\n             ", aggregates.get(Grain.FAMILY)))
                    .append(" FROM rodz)");
            sources.add("a");
        }
        if (!aggregates.get(Grain.PERSON).isEmpty()) {
            sql.append(",\nosob AS (\n    SELECT 0 AS dummy").append(orFlags(flagByCondition))
                    .append("\n      FROM ev WHERE osoba_id IS NOT NULL GROUP BY osoba_id\n)");
            sql.append(",\nb AS (SELECT ").append(String.join(",\n             ", aggregates.get(Grain.PERSON)))
                    .append(" FROM osob)");
            sources.add("b");
        }
        if (!aggregates.get(Grain.EVENT).isEmpty()) {
            sql.append(",\nc AS (SELECT ").append(String.join(",\n             ", aggregates.get(Grain.EVENT)))
                    .append(" FROM ev)");
            sources.add("c");
        }
        sql.append("\nSELECT :returnId, :section, x.row_code, x.column_code, coalesce(x.value, 0)\n  FROM ")
                .append(String.join(" CROSS JOIN ", sources))
                .append("\n CROSS JOIN LATERAL (VALUES");
        StringJoiner values = new StringJoiner(",");
        for (int i = 0; i < cells.size(); i++) {
            String[] cell = cells.get(i);
            parameters.put("r" + i, cell[0]);
            parameters.put("k" + i, cell[1]);
            values.add("\n        (CAST(:r" + i + " AS text), CAST(:k" + i + " AS text), CAST(" + cell[2] + " AS numeric))");
        }
        sql.append(values).append("\n ) AS x(row_code, column_code, value)");
        return Optional.of(new Statement(sql.toString(), Map.copyOf(parameters), cells.size()));
    }

    private static Set<FactSet> factSets(List<Row> rows) {
        Set<FactSet> sets = EnumSet.noneOf(FactSet.class);
        rows.forEach(r -> sets.add(r.factSet()));
        return sets;
    }

    /**
     * {@code WITH ev AS (…)}: the events of the given fact sets that meet the section's predicate, with one boolean
     * column per flag
     */
    private void appendEvents(StringBuilder sql, Section section, Set<FactSet> sets, Map<String, String> flagByCondition) {
        sql.append("WITH ev AS (\n    SELECT f.rodzina_id, f.osoba_id, f.rozmiar, f.liczba, f.kwota, f.osoby_objete");
        flagByCondition.forEach((condition, flag) ->
                sql.append(",\n           coalesce(").append(condition).append(", false) AS ").append(flag));
        sql.append("\n      FROM mrpips03_fakty f\n     WHERE ");
        sql.append(String.join(" OR ", sets.stream().map(s -> "(" + s.sql() + ")").toList()));
        if (!section.predicate().conditions().isEmpty()) {
            sql.append("\n       AND coalesce(").append(and(null, section.predicate(), Predicate.ALL)).append(", false)");
        }
        sql.append("\n)");
    }

    /**
     * The statement that inserts the cell lineage of a section into {@code pg_temp.audit_lineage (cell, kind,
     * source_id)}: for every cell that counts families ({@code RODZINY}; {@code OSOBY_W_RODZINACH}: the families whose
     * members it adds up; {@code KONTRAKTY} and {@code OSOBY_OBJETE}: the families of the contracts) or persons
     * ({@code OSOBY}), one row per counted family or person — the same flags, OR-ed per family / per person, as
     * {@link #insertCells}. Cell key {@code <section>/<row>/<column>}. Rows without cells have no lineage.
     *
     * @return empty when the section has no such cell
     */
    static Optional<Statement> insertLineage(Section section, Set<FactSet> available) {
        return new SectionSql().lineage(section, available);
    }

    private Optional<Statement> lineage(Section section, Set<FactSet> available) {
        List<Row> rows = rows(section, available);
        Set<FactSet> sets = factSets(rows);
        Map<String, String> flagByCondition = new LinkedHashMap<>();
        Map<Measure.Lineage, List<String>> values = new LinkedHashMap<>();
        values.put(Measure.Lineage.FAMILY, new ArrayList<>());
        values.put(Measure.Lineage.PERSON, new ArrayList<>());
        int cells = 0;
        for (Row row : rows) {
            for (Column column : row.columns()) {
                Measure.Lineage kind = column.measure().lineage();
                if (kind == Measure.Lineage.NONE) {
                    continue;
                }
                String condition = and(sets.size() > 1 ? row.factSet() : null, row.predicate(), column.predicate());
                String flag = flagByCondition.computeIfAbsent(condition, c -> "w" + flagByCondition.size());
                String name = "c" + cells++;
                parameters.put(name, section.code() + "/" + row.code() + "/" + column.code());
                values.get(kind).add("(CAST(:" + name + " AS text), u." + flag + ")");
            }
        }
        if (cells == 0) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO pg_temp.audit_lineage (cell, kind, source_id)\n");
        appendEvents(sql, section, sets, flagByCondition);
        List<String> parts = new ArrayList<>();
        if (!values.get(Measure.Lineage.FAMILY).isEmpty()) {
            parts.add("SELECT x.cell, 'rodzina', u.rodzina_id\n  FROM (SELECT rodzina_id" + orFlags(flagByCondition)
                    + " FROM ev GROUP BY rodzina_id) u\n CROSS JOIN LATERAL (VALUES "
                    + String.join(",\n        ", values.get(Measure.Lineage.FAMILY)) + ") AS x(cell, flag)\n WHERE x.flag");
        }
        if (!values.get(Measure.Lineage.PERSON).isEmpty()) {
            parts.add("SELECT x.cell, 'osoba', u.osoba_id\n  FROM (SELECT osoba_id" + orFlags(flagByCondition)
                    + " FROM ev WHERE osoba_id IS NOT NULL GROUP BY osoba_id) u\n CROSS JOIN LATERAL (VALUES "
                    + String.join(",\n        ", values.get(Measure.Lineage.PERSON)) + ") AS x(cell, flag)\n WHERE x.flag");
        }
        sql.append("\n").append(String.join("\nUNION ALL\n", parts));
        return Optional.of(new Statement(sql.toString(), Map.copyOf(parameters), cells));
    }

    /**
     * The statement that stores the layout's counters ({@code mrpips03_counter}): each the number of realisations of
     * the period (fact set SWIADCZENIA) that meet its predicate.
     *
     * @return empty when the layout has no counter
     */
    static Optional<Statement> insertCounters(List<Counter> counters, long returnId) {
        return new SectionSql().counters(counters, returnId);
    }

    private Optional<Statement> counters(List<Counter> counters, long returnId) {
        if (counters.isEmpty()) {
            return Optional.empty();
        }
        parameters.put("returnId", returnId);
        for (int i = 0; i < counters.size(); i++) {
            parameters.put("m" + i, counters.get(i).code());
        }
        // the aggregates over all realisations first, then unpivoted into one row per counter
        String sql = "INSERT INTO mrpips03_counter (return_id, ordinal, code, value)\nSELECT :returnId, x.ordinal, x.code, x.value\n"
                + "  FROM (SELECT " + String.join(", ", countersAggregates(counters)) + "\n          FROM mrpips03_fakty f WHERE "
                + FactSet.SWIADCZENIA.sql() + ") a\n CROSS JOIN LATERAL (VALUES" + countersValues(counters)
                + "\n ) AS x(ordinal, code, value)";
        return Optional.of(new Statement(sql, Map.copyOf(parameters), counters.size()));
    }

    private List<String> countersAggregates(List<Counter> counters) {
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < counters.size(); i++) {
            aggregates.add("count(*) FILTER (WHERE coalesce(" + and(null, counters.get(i).predicate(), Predicate.ALL)
                    + ", false)) AS n" + i);
        }
        return aggregates;
    }

    private static String countersValues(List<Counter> counters) {
        StringJoiner values = new StringJoiner(",");
        for (int i = 0; i < counters.size(); i++) {
            values.add("\n        (" + i + ", CAST(:m" + i + " AS text), a.n" + i + ")");
        }
        return values.toString();
    }

    private static String orFlags(Map<String, String> flags) {
        StringBuilder sql = new StringBuilder();
        for (String flag : flags.values()) {
            sql.append(", bool_or(").append(flag).append(") AS ").append(flag);
        }
        return sql.toString();
    }

    /**
     * the conjunction of the fact set's condition (when not {@code null}) and both predicates as SQL over {@code f};
     * {@code true} when all are empty
     */
    private String and(FactSet factSet, Predicate first, Predicate second) {
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
        // the same value of the same attribute reuses its parameter, so equal predicates give equal text
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
