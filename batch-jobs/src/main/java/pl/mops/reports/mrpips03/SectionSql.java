package pl.mops.reports.mrpips03;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Condition;
import pl.mops.reports.mrpips03.Layout.Predicate;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.Measure.Grain;

/**
 * Generates the one statement that computes and stores every cell of a section from the fact table
 * {@code mrpips03_fakty}. Only fixed SQL from {@link Attribute} and {@link Measure} goes into the text;
 * every value of the layout (attribute values, section, row and column codes) is a bound parameter.
 *
 * <p>Shape: {@code ev} = the section's events with one boolean flag per distinct (row ∧ column) predicate;
 * {@code rodz} / {@code osob} = the flags OR-ed per family / per recipient; then one aggregate per cell —
 * {@code count(*) FILTER (WHERE flag)} over families or recipients (a distinct count), {@code sum(rozmiar)}
 * over the flagged families (each family once), {@code sum(liczba)} / {@code sum(kwota)} over the flagged
 * events — unpivoted into {@code mrpips03_cell}. A total row is its own distinct count, never a sum of rows.
 */
final class SectionSql {

    /** the statement and its parameters (for NamedParameterJdbcTemplate) */
    record Statement(String sql, Map<String, Object> parameters, int cells) {
    }

    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private SectionSql() {
    }

    static Statement insertCells(Section section, long returnId) {
        return new SectionSql().build(section, returnId);
    }

    private Statement build(Section section, long returnId) {
        parameters.put("returnId", returnId);
        parameters.put("section", section.code());

        // one flag per distinct (row predicate ∧ column predicate); rows sharing a predicate share a flag
        Map<String, String> flagByCondition = new LinkedHashMap<>();
        List<String[]> cells = new ArrayList<>(); // row code, column code, value expression
        Map<Grain, List<String>> aggregates = new LinkedHashMap<>();
        for (Grain grain : Grain.values()) {
            aggregates.put(grain, new ArrayList<>());
        }
        for (Row row : section.rows()) {
            for (Column column : section.columns()) {
                String condition = and(row.predicate(), column.predicate());
                String flag = flagByCondition.computeIfAbsent(condition, c -> "w" + flagByCondition.size());
                String value = "v" + cells.size();
                String aggregate = switch (column.measure()) {
                    case RODZINY, OSOBY -> "count(*) FILTER (WHERE " + flag + ")";
                    case OSOBY_W_RODZINACH -> "sum(rozmiar) FILTER (WHERE " + flag + ")";
                    case SWIADCZENIA -> "sum(liczba) FILTER (WHERE " + flag + ")";
                    case KWOTA -> "sum(kwota) FILTER (WHERE " + flag + ")";
                };
                aggregates.get(column.measure().grain()).add(aggregate + " AS " + value);
                cells.add(new String[] {row.code(), column.code(), value});
            }
        }

        StringBuilder sql = new StringBuilder();
        sql.append("INSERT INTO mrpips03_cell (return_id, section, row_code, column_code, value)\n");
        appendEvents(sql, section, flagByCondition);
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
        return new Statement(sql.toString(), Map.copyOf(parameters), cells.size());
    }

    /** {@code WITH ev AS (…)}: the section's events with one boolean column per flag */
    private void appendEvents(StringBuilder sql, Section section, Map<String, String> flagByCondition) {
        sql.append("WITH ev AS (\n    SELECT f.rodzina_id, f.osoba_id, f.rozmiar, f.liczba, f.kwota");
        flagByCondition.forEach((condition, flag) ->
                sql.append(",\n           coalesce(").append(condition).append(", false) AS ").append(flag));
        sql.append("\n      FROM mrpips03_fakty f\n     WHERE ");
        sql.append(section.factSet() == Layout.FactSet.SWIADCZENIA ? "f.zdarzenie = 'S'" : "true");
        if (!section.predicate().conditions().isEmpty()) {
            sql.append("\n       AND coalesce(").append(and(section.predicate(), Predicate.ALL)).append(", false)");
        }
        sql.append("\n)");
    }

    /**
     * The statement that inserts the cell lineage of a section into {@code pg_temp.audit_lineage (cell, kind,
     * source_id)}: for every cell that counts families ({@code RODZINY}, and {@code OSOBY_W_RODZINACH}: the families
     * whose members it adds up) or persons ({@code OSOBY}), one row per counted family or recipient — the same
     * flags, OR-ed per family / per recipient, as {@link #insertCells}. Cell key {@code <section>/<row>/<column>}.
     *
     * @return empty when the section has no such cell
     */
    static java.util.Optional<Statement> insertLineage(Section section) {
        return new SectionSql().lineage(section);
    }

    private java.util.Optional<Statement> lineage(Section section) {
        Map<String, String> flagByCondition = new LinkedHashMap<>();
        Map<Grain, List<String>> values = new LinkedHashMap<>();
        values.put(Grain.FAMILY, new ArrayList<>());
        values.put(Grain.PERSON, new ArrayList<>());
        int cells = 0;
        for (Row row : section.rows()) {
            for (Column column : section.columns()) {
                Grain grain = column.measure().grain();
                if (grain == Grain.EVENT) {
                    continue;
                }
                String condition = and(row.predicate(), column.predicate());
                String flag = flagByCondition.computeIfAbsent(condition, c -> "w" + flagByCondition.size());
                String name = "c" + cells++;
                parameters.put(name, section.code() + "/" + row.code() + "/" + column.code());
                values.get(grain).add("(CAST(:" + name + " AS text), u." + flag + ")");
            }
        }
        if (cells == 0) {
            return java.util.Optional.empty();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO pg_temp.audit_lineage (cell, kind, source_id)\n");
        appendEvents(sql, section, flagByCondition);
        List<String> parts = new ArrayList<>();
        if (!values.get(Grain.FAMILY).isEmpty()) {
            parts.add("SELECT x.cell, 'rodzina', u.rodzina_id\n  FROM (SELECT rodzina_id" + orFlags(flagByCondition)
                    + " FROM ev GROUP BY rodzina_id) u\n CROSS JOIN LATERAL (VALUES "
                    + String.join(",\n        ", values.get(Grain.FAMILY)) + ") AS x(cell, flag)\n WHERE x.flag");
        }
        if (!values.get(Grain.PERSON).isEmpty()) {
            parts.add("SELECT x.cell, 'osoba', u.osoba_id\n  FROM (SELECT osoba_id" + orFlags(flagByCondition)
                    + " FROM ev WHERE osoba_id IS NOT NULL GROUP BY osoba_id) u\n CROSS JOIN LATERAL (VALUES "
                    + String.join(",\n        ", values.get(Grain.PERSON)) + ") AS x(cell, flag)\n WHERE x.flag");
        }
        sql.append("\n").append(String.join("\nUNION ALL\n", parts));
        return java.util.Optional.of(new Statement(sql.toString(), Map.copyOf(parameters), cells));
    }

    private static String orFlags(Map<String, String> flags) {
        StringBuilder sql = new StringBuilder();
        for (String flag : flags.values()) {
            sql.append(", bool_or(").append(flag).append(") AS ").append(flag);
        }
        return sql.toString();
    }

    /** the conjunction of both predicates as SQL over {@code f}; {@code true} when both are empty */
    private String and(Predicate first, Predicate second) {
        List<String> parts = new ArrayList<>();
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

    private final Map<String, String> parameterByCondition = new LinkedHashMap<>();
}
