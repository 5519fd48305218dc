package pl.mops.reports.mrpips03;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pl.mops.reports.database.SessionTables;
import pl.mops.reports.mrpips03.Measure.Grain;

/**
 * The statements that compute and store every cell of a return, and its auditors' lineage, from the fact table
 * {@code mrpips03_fakty}, for all the layout's sections ({@link SectionSql}) at once:
 * <ol>
 *   <li>{@link #prepare}: the events of any section into one work table ({@link SessionTables}: unlogged, so read in
 *       parallel), each with every section's masks (a section's bits are set only on the events it counts); then the
 *       masks OR-ed ({@code bit_or}) per family ({@code max(rozmiar)} with them: the fact table carries one size per
 *       family) and per person, each grouping done once, into two more work tables;</li>
 *   <li>{@link #cells}: one aggregate per cell over those three tables, unpivoted into one row per cell (stored in
 *       {@code mrpips03_cell} by {@link ReturnComputation#insertCells});</li>
 *   <li>{@link #insertLineage}: for every cell that counts families or persons, one lineage row per family or person
 *       whose mask has the cell's bit — the very groupings the cells were counted from.</li>
 * </ol>
 * Issue 17: per section, the fact table was read, its events written and grouped by family and by person once for
 * each of the five sections, and their lineage drawn in a statement each; at 150 000 families (psql, three pairs
 * alternately) 13.9 / 18.1 / 14.7 s for the sections and their lineage, against 13.5 / 15.1 / 10.9 s together, with the
 * same cells and lineage rows.
 */
final class SectionsSql {

    /** the statement and its parameters (for NamedParameterJdbcTemplate) */
    record Statement(String sql, Map<String, Object> parameters) {
    }

    private final List<SectionSql> sections;
    /** the suffix of this session's work tables ({@link SessionTables#suffix}) */
    private final String work;

    SectionsSql(List<SectionSql> sections, String work) {
        this.sections = List.copyOf(sections);
        this.work = work;
    }

    List<SectionSql> sections() {
        return sections;
    }

    /** the number of cells of all sections */
    int cellCount() {
        return sections.stream().mapToInt(SectionSql::cellCount).sum();
    }

    private String events() {
        return "mrpips03_ev" + work;
    }

    private String families() {
        return "mrpips03_rodz" + work;
    }

    private String persons() {
        return "mrpips03_osob" + work;
    }

    private boolean needs(Grain grain, Measure.Lineage lineage) {
        return sections.stream().anyMatch(s -> s.needs(grain, lineage));
    }

    private List<String> masks() {
        return sections.stream().flatMap(s -> s.masks().stream()).toList();
    }

    /**
     * The statements that make the work tables (dropped by {@link #drop}, or by a rollback): the events with the
     * sections' masks, and the masks per family and per person (each when a cell or its lineage needs it). Run in
     * order, while the fact table exists; nothing to do when no section has cells.
     */
    List<Statement> prepare() {
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement(drop(), Map.of()));
        if (sections.isEmpty()) {
            return statements;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(List.of("f.rodzina_id", "f.osoba_id", "f.rozmiar", "f.liczba", "f.kwota",
                "f.osoby_objete"));
        List<String> filters = new ArrayList<>();
        for (SectionSql section : sections) {
            columns.addAll(section.maskExpressions());
            filters.add("(" + section.filter() + ")");
            parameters.putAll(section.predicateParameters());
        }
        statements.add(new Statement(SessionTables.CREATE + events() + " AS\n    SELECT " + String.join(",\n           ", columns)
                + "\n      FROM " + WorkTables.FACTS + work + " f\n     WHERE " + String.join("\n        OR ", filters),
                parameters));
        String bitOr = masks().stream().map(m -> ", bit_or(" + m + ") AS " + m).reduce("", String::concat);
        if (needs(Grain.FAMILY, Measure.Lineage.FAMILY)) {
            statements.add(new Statement(SessionTables.CREATE + families()
                    + " AS\n    SELECT rodzina_id, max(rozmiar) AS rozmiar" + bitOr + "\n      FROM "
                    + events() + " GROUP BY rodzina_id", Map.of()));
        }
        if (needs(Grain.PERSON, Measure.Lineage.PERSON)) {
            statements.add(new Statement(SessionTables.CREATE + persons()
                    + " AS\n    SELECT osoba_id" + bitOr + "\n      FROM " + events()
                    + " WHERE osoba_id IS NOT NULL GROUP BY osoba_id", Map.of()));
        }
        return statements;
    }

    /** drops the events (after the {@link #cells}: the lineage needs only the families and persons) */
    String dropEvents() {
        return "DROP TABLE IF EXISTS " + events();
    }

    /** drops all the work tables */
    String drop() {
        return "DROP TABLE IF EXISTS " + events() + ", " + families() + ", " + persons();
    }

    /**
     * the query of every cell: return id, section, row and column code, value; after
     * {@link #prepare}; empty when no section has cells
     */
    Optional<Statement> cells(long returnId) {
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("returnId", returnId);
        Map<Grain, String> tables = Map.of(Grain.FAMILY, families(), Grain.PERSON, persons(), Grain.EVENT, events());
        List<String> definitions = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Grain grain : Grain.values()) {
            List<String> aggregates = sections.stream().flatMap(s -> s.aggregates(grain).stream()).toList();
            if (!aggregates.isEmpty()) {
                String name = "g_" + grain.name().toLowerCase(java.util.Locale.ROOT);
                definitions.add(name + " AS (SELECT " + String.join(",\n             ", aggregates) + "\n  FROM "
                        + tables.get(grain) + ")");
                sources.add(name);
            }
        }
        List<String> values = new ArrayList<>();
        sections.forEach(s -> values.addAll(s.cellValues(parameters)));
        String sql = "WITH " + String.join(",\n", definitions)
                + "\nSELECT :returnId, x.section, x.row_code, x.column_code, coalesce(x.value, 0)\n  FROM "
                + String.join(" CROSS JOIN ", sources) + "\n CROSS JOIN LATERAL (VALUES\n        "
                + String.join(",\n        ", values) + "\n ) AS x(section, row_code, column_code, value)";
        return Optional.of(new Statement(sql, Map.copyOf(parameters)));
    }

    /**
     * The query of the cell lineage (cell, kind, source id), after {@link #prepare}: for every cell that counts
     * families ({@code RODZINY}; {@code OSOBY_W_RODZINACH}: the families whose members it adds up; {@code KONTRAKTY}
     * and {@code OSOBY_OBJETE}: the families of the contracts) or persons ({@code OSOBY}), one row per counted family
     * or person — from the same per-family and per-person masks as the {@link #cells}. Each family or person gives
     * an array of the keys of the cells it is counted in ({@code <section>/<row>/<column>}; NULL where its bit is not
     * set), unnested without the NULLs — only the rows written are made, not one per (unit × cell).
     *
     * @return empty when no cell has a lineage
     */
    Optional<Statement> lineage() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> familyKeys = new ArrayList<>();
        List<String> personKeys = new ArrayList<>();
        for (SectionSql section : sections) {
            familyKeys.addAll(section.lineageKeys(Measure.Lineage.FAMILY, parameters));
            personKeys.addAll(section.lineageKeys(Measure.Lineage.PERSON, parameters));
        }
        List<String> parts = new ArrayList<>();
        if (!familyKeys.isEmpty()) {
            parts.add(unnest("'rodzina'", "u.rodzina_id", families(), familyKeys));
        }
        if (!personKeys.isEmpty()) {
            parts.add(unnest("'osoba'", "u.osoba_id", persons(), personKeys));
        }
        return parts.isEmpty() ? Optional.empty()
                : Optional.of(new Statement(String.join("\nUNION ALL\n", parts), Map.copyOf(parameters)));
    }

    /** the statement that inserts the {@link #lineage} rows into {@code pg_temp.audit_lineage (cell, kind, source_id)} */
    Optional<Statement> insertLineage() {
        return lineage().map(query -> new Statement("INSERT INTO pg_temp.audit_lineage (cell, kind, source_id)\n"
                + query.sql(), query.parameters()));
    }

    /**
     * The statement that inserts the units of the {@link #lineage} — every family and person of the groupings the
     * lineage rows are drawn from (a superset: some may count in no cell) — into {@code pg_temp.audit_lineage_units}
     * ({@code LineageTable.UNITS}), after {@link #prepare}: the package numbers these few instead of looking for the
     * distinct units among all the lineage rows (issue 17).
     *
     * @return empty when no cell has a lineage
     */
    Optional<String> insertLineageUnits() {
        List<String> parts = new ArrayList<>();
        if (sections.stream().anyMatch(s -> s.hasLineage(Measure.Lineage.FAMILY))) {
            parts.add("SELECT 'rodzina', rodzina_id FROM " + families());
        }
        if (sections.stream().anyMatch(s -> s.hasLineage(Measure.Lineage.PERSON))) {
            parts.add("SELECT 'osoba', osoba_id FROM " + persons());
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(
                "INSERT INTO pg_temp.audit_lineage_units (kind, source_id)\n" + String.join("\nUNION\n", parts));
    }

    private static String unnest(String kind, String id, String table, List<String> keys) {
        return "SELECT x.cell, " + kind + ", " + id + "\n  FROM " + table + " u\n CROSS JOIN LATERAL unnest(ARRAY["
                + String.join(",\n        ", keys) + "]) AS x(cell)\n WHERE x.cell IS NOT NULL";
    }
}
