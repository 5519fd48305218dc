package pl.mops.reports.mrpips03;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the MRPiPS-03 form as read from its layout file ({@code report-templates/mrpips03/*.yaml}):
 * symbol, version, sections with columns and rows, each with a predicate over whitelisted
 * {@link Attribute}s, the control rules and the counters. Everything a user may change between years lives here.
 *
 * @param symbol        form symbol, e.g. {@code MRPiPS-03}
 * @param version       layout version, e.g. {@code 2025.1}
 * @param fromYear      the first year the layout applies to (the newest layout with {@code fromYear ≤ year} is the default)
 * @param title         Polish title of the return
 * @param sha256        SHA-256 of the layout file: a changed file is a different layout even under the same version
 * @param source        where the file was read from (for messages)
 * @param cashBySubtype {@code pieniezne} is read per (form, sub-type) ({@code pieniezne_wedlug: FORMA_I_PODTYP}),
 *                      else per form
 * @param counters      counts of realisations printed with the return (not cells), e.g. zasiłek stały classified by
 *                      family size
 */
public record Layout(String symbol, String version, int fromYear, String title, String sha256, String source,
                     boolean cashBySubtype, List<Section> sections, List<Rule> rules, List<Counter> counters) {

    public Layout {
        sections = List.copyOf(sections);
        rules = List.copyOf(rules);
        counters = List.copyOf(counters);
    }

    /**
     * Which events a row counts (its {@code zbior}, or its section's). Each is a fixed part of the fact table
     * ({@code zdarzenie}); the optional ones come from a file an export may lack, and a row fed by a file that the
     * snapshot does not have gets no cells (0 would be a false figure).
     */
    public enum FactSet {
        /** realisations only (sections 1A, 1B) */
        SWIADCZENIA("f.zdarzenie = 'S'", null, EnumSet.of(Measure.OSOBY, Measure.SWIADCZENIA, Measure.KWOTA,
                Measure.RODZINY, Measure.OSOBY_W_RODZINACH)),
        /** realisations and social work of families (sections 2, 3, 4) */
        RODZINY("f.zdarzenie IN ('S', 'P')", null, EnumSet.of(Measure.RODZINY, Measure.OSOBY_W_RODZINACH)),
        /** social contracts in force on any day of the period, one event per contract (kontrakty.csv) */
        KONTRAKTY("f.zdarzenie = 'K'", "kontrakty.csv", "kontraktach socjalnych", EnumSet.of(Measure.KONTRAKTY,
                Measure.OSOBY_OBJETE, Measure.RODZINY, Measure.OSOBY)),
        /** help given without a decision, one event per row of wsparcie.csv */
        WSPARCIE("f.zdarzenie = 'W'", "wsparcie.csv", "wsparciu udzielonym bez decyzji (interwencja kryzysowa, "
                + "poradnictwo specjalistyczne)", EnumSet.of(Measure.RODZINY, Measure.OSOBY));

        private final String sql;
        private final String sourceFile;
        private final String sourceData;
        private final Set<Measure> measures;

        FactSet(String sql, String sourceFile, Set<Measure> measures) {
            this(sql, sourceFile, null, measures);
        }

        FactSet(String sql, String sourceFile, String sourceData, Set<Measure> measures) {
            this.sql = sql;
            this.sourceFile = sourceFile;
            this.sourceData = sourceData;
            this.measures = measures;
        }

        /** the fixed SQL condition on the fact table {@code f} */
        String sql() {
            return sql;
        }

        /** the optional interchange file the events come from, or {@code null} when they come from required files */
        public String sourceFile() {
            return sourceFile;
        }

        /**
         * what the optional file holds, in plain Polish for the clerks, in the locative after "dane o …"
         * ("kontraktach socjalnych"), or {@code null} when the events come from required files
         */
        public String sourceData() {
            return sourceData;
        }

        /** the measures a column of a row of this set may have */
        Set<Measure> measures() {
            return measures;
        }

        /** the fact sets a snapshot with these files can feed */
        public static Set<FactSet> available(Collection<String> suppliedFiles) {
            Set<FactSet> available = EnumSet.noneOf(FactSet.class);
            for (FactSet set : values()) {
                if (set.sourceFile == null || suppliedFiles.contains(set.sourceFile)) {
                    available.add(set);
                }
            }
            return available;
        }
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
     * @param nr      the official row number as users fill it in (text)
     * @param parent  code of the parent row of a "w tym" row, or {@code null}
     * @param total   printed bold (an "ogółem" row)
     * @param level   0 for a main row, 1 for its "w tym" row, …
     * @param factSet the events the row counts (its own {@code zbior}, else its section's)
     * @param columns the row's columns (its own {@code kolumny}, else its section's {@code kolumny_wiersza}), in the
     *                order of the section's columns
     */
    public record Row(String code, String nr, String name, String parent, boolean total, int level, Predicate predicate,
                      FactSet factSet, List<Column> columns) {

        public Row {
            columns = List.copyOf(columns);
        }

        public Optional<Column> column(String code) {
            return columns.stream().filter(c -> c.code().equals(code)).findFirst();
        }

        public boolean hasColumn(String code) {
            return column(code).isPresent();
        }
    }

    /**
     * @param columns every column of the section's table, in order (a row has all of them or the subset it declares)
     */
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
    public enum RuleKind { W_TYM, KOLUMNY, WIERSZE, KOMORKI, POPRZEDNI_OKRES }

    /**
     * A control rule.
     *
     * @param sections for KOLUMNY: the sections whose every row (that has the rule's columns) is checked
     * @param left     KOLUMNY: column codes; WIERSZE: row references {@code SECTION/ROW}; KOMORKI: cells
     *                 {@code SECTION/ROW/COLUMN}
     * @param relation {@code <=}, {@code =} or {@code >=}
     * @param right    as {@code left}
     * @param columns  WIERSZE and POPRZEDNI_OKRES: the columns checked
     * @param review   a condition that does not hold is reported for review ({@code do_przegladu: true}), not a failure:
     *                 the rule's state is then "do przeglądu" and the return's readiness does not depend on it
     * @param counter  the code of a counter whose value the report gives when a condition does not hold, or {@code null}
     */
    public record Rule(String code, RuleKind kind, String description, String explanation, List<String> sections,
                       List<String> left, String relation, List<String> right, List<String> columns, boolean review,
                       String counter) {

        public Rule {
            sections = List.copyOf(sections);
            left = List.copyOf(left);
            right = List.copyOf(right);
            columns = List.copyOf(columns);
        }
    }

    /**
     * A count of realisations of the period printed with the return (first page, control report, the command's
     * summary), not a cell of the form.
     *
     * @param description Polish, e.g. "Zasiłek stały bez podtypu w decyzji — zaliczony według liczby osób w rodzinie"
     */
    public record Counter(String code, String description, Predicate predicate) {
    }

    public Optional<Section> section(String code) {
        return sections.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Counter> counter(String code) {
        return counters.stream().filter(c -> c.code().equals(code)).findFirst();
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

    /** the optional fact sets some row of this layout counts */
    public Set<FactSet> optionalFactSets() {
        Set<FactSet> sets = EnumSet.noneOf(FactSet.class);
        for (Section section : sections) {
            for (Row row : section.rows()) {
                if (row.factSet().sourceFile() != null) {
                    sets.add(row.factSet());
                }
            }
        }
        return sets;
    }
}
