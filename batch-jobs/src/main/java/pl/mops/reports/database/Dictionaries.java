package pl.mops.reports.database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Read access to the dictionary tables, in dictionary order. */
@Component
public class Dictionaries {

    public record District(String code, int number, String name, String branch) {
        /** "XIV Czyżyny" */
        public String label() {
            return code + " " + name;
        }
    }

    public record Entry(String code, String name) {
    }

    /**
     * A benefit form: its default task, whether it is cash, and the version of the interchange contract that added it
     * (1, or 2 for the forms of contract version 2, listed in config/slowniki/formy-wersja-2.csv).
     */
    public record Form(String code, String name, String task, boolean cash, int contractVersion) {
    }

    private final JdbcTemplate jdbc;

    public Dictionaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<District> districts() {
        return jdbc.query("SELECT code, number, name, branch FROM dict_district ORDER BY ordinal",
                (rs, i) -> new District(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
    }

    public List<Entry> branches() {
        return jdbc.query("SELECT code, name FROM dict_branch ORDER BY ordinal",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2)));
    }

    public List<Entry> reasons() {
        return jdbc.query("SELECT code, name FROM dict_reason ORDER BY ordinal",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2)));
    }

    public List<Form> forms() {
        return jdbc.query("SELECT code, name, task, cash, contract_version FROM dict_form ORDER BY ordinal",
                (rs, i) -> new Form(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)));
    }

    /**
     * A sub-type allowed for a form.
     *
     * @param cashOverride    the sub-type's own cash flag (config/slowniki/podtypy.csv, column {@code pieniezna}),
     *                        {@code null} = the form's flag
     * @param cash            cash or not per (form, sub-type): the override, else the form's flag (layout 2025.2 reads
     *                        cash this way; 2025.1 keeps the form's flag)
     * @param contractVersion the version of the interchange contract that added the sub-type (1, or 2 for those of
     *                        config/slowniki/podtypy-wersja-2.csv)
     */
    public record Subtype(String form, String code, String name, Boolean cashOverride, boolean cash, int contractVersion) {
    }

    /** sub-types by form (forms in code order), each form's in dictionary order */
    public List<Subtype> subtypes() {
        return jdbc.query("""
                SELECT s.form, s.code, s.name, s.cash, coalesce(s.cash, f.cash, false), s.contract_version
                  FROM dict_subtype s LEFT JOIN dict_form f ON f.code = s.form
                 ORDER BY s.form, s.ordinal""",
                (rs, i) -> new Subtype(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6)));
    }

    /**
     * Markers of a realisation ({@code swiadczenia.cechy}, contract version 2; config/slowniki/cechy.csv), in
     * dictionary order. Every marker belongs to contract version 2.
     */
    public List<Entry> markers() {
        return jdbc.query("SELECT code, name FROM dict_marker ORDER BY ordinal",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2)));
    }

    /**
     * Population of each district for {@code year}: the figure of that year, else of the nearest
     * earlier year, else of the earliest year available (documented in config/README.md).
     */
    public Map<String, DistrictPopulation> populations(int year) {
        Map<String, DistrictPopulation> result = new LinkedHashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (district) district, year, population
                  FROM district_population
                 ORDER BY district, (year <= ?) DESC, CASE WHEN year <= ? THEN -year ELSE year END
                """, rs -> {
            result.put(rs.getString(1), new DistrictPopulation(rs.getInt(2), rs.getInt(3)));
        }, year, year);
        return result;
    }

    public record DistrictPopulation(int year, int population) {
    }
}
