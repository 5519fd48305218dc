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

    public record Form(String code, String name, String task, boolean cash) {
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
        return jdbc.query("SELECT code, name, task, cash FROM dict_form ORDER BY ordinal",
                (rs, i) -> new Form(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
    }

    public record Subtype(String form, String code, String name) {
    }

    public List<Subtype> subtypes() {
        return jdbc.query("SELECT form, code, name FROM dict_subtype ORDER BY form, ordinal",
                (rs, i) -> new Subtype(rs.getString(1), rs.getString(2), rs.getString(3)));
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
