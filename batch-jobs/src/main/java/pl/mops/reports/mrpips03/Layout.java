package pl.mops.reports.mrpips03;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the MRPiPS-03 form as read from its layout file ({@code report-templates/mrpips03/*.yaml}):
 * symbol, version, sections with columns and rows, each with a predicate over whitelisted
 * {@link Attribute}s, and the control rules. Everything a user may change between years lives here.
 *
 * @param symbol   form symbol, e.g. {@code MRPiPS-03}
 * @param version  layout version, e.g. {@code 2025.1}
 * @param fromYear the first year the layout applies to (the newest layout with {@code fromYear ≤ year} is the default)
 * @param title    Polish title of the return
 * @param sha256   SHA-256 of the layout file: a changed file is a different layout even under the same version
 * @param source   where the file was read from (for messages)
 */
public record Layout(String symbol, String version, int fromYear, String title, String sha256, String source,
                     List<Section> sections, List<Rule> rules) {

    public Layout {
        sections = List.copyOf(sections);
        rules = List.copyOf(rules);
    }

    /** which events a section counts */
    public enum FactSet {
        /** realisations only (sections 1A, 1B) */
        SWIADCZENIA,
        /** realisations and social work of families (sections 2, 3, 4) */
        RODZINY
    }

    /** a conjunction of attribute conditions; empty = every event */
    public record Predicate(List<Condition> conditions) {

        public static final Predicate ALL = new Predicate(List.of());

        public Predicate {
            conditions = List.copyOf(conditions);
        }

        /** depends on family composition or on an absence: the count may shrink when the period grows */
        public boolean mayShrink() {
            return conditions.stream().anyMatch(c -> c.attribute().dependence() != Attribute.Dependence.NONE);
        }
    }

    /**
     * @param value a String, Integer or Boolean (by the attribute's kind), or a non-empty list of Strings
     */
    public record Condition(Attribute attribute, Object value) {
    }

    public record Column(String code, Measure measure, String name, Predicate predicate) {
    }

    /**
     * @param nr     the official row number as users fill it in (text)
     * @param parent code of the parent row of a "w tym" row, or {@code null}
     * @param total  printed bold (an "ogółem" row)
     * @param level  0 for a main row, 1 for its "w tym" row, …
     */
    public record Row(String code, String nr, String name, String parent, boolean total, int level, Predicate predicate) {
    }

    public record Section(String code, String name, FactSet factSet, Predicate predicate, List<Column> columns,
                          List<Row> rows) {

        public Section {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        public Optional<Row> row(String code) {
            return rows.stream().filter(r -> r.code().equals(code)).findFirst();
        }

        public Optional<Column> column(String code) {
            return columns.stream().filter(c -> c.code().equals(code)).findFirst();
        }
    }

    /** kinds of control rules (see the comment above "reguly" in the layout file) */
    public enum RuleKind { W_TYM, KOLUMNY, WIERSZE, POPRZEDNI_OKRES }

    /**
     * A control rule.
     *
     * @param sections for KOLUMNY: the sections whose every row is checked
     * @param left     KOLUMNY: column codes; WIERSZE: row references {@code SECTION/ROW}
     * @param relation {@code <=}, {@code =} or {@code >=}
     * @param right    as {@code left}
     * @param columns  WIERSZE and POPRZEDNI_OKRES: the columns checked
     */
    public record Rule(String code, RuleKind kind, String description, String explanation, List<String> sections,
                       List<String> left, String relation, List<String> right, List<String> columns) {

        public Rule {
            sections = List.copyOf(sections);
            left = List.copyOf(left);
            right = List.copyOf(right);
            columns = List.copyOf(columns);
        }
    }

    public Optional<Section> section(String code) {
        return sections.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** every measure type by column code, for formatting (a column code means the same in every section) */
    public Map<String, Measure> measures() {
        Map<String, Measure> measures = new java.util.LinkedHashMap<>();
        for (Section section : sections) {
            for (Column column : section.columns()) {
                measures.putIfAbsent(column.code(), column.measure());
            }
        }
        return measures;
    }
}
