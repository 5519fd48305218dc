package pl.mops.reports.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import pl.mops.reports.assessment.resources.TypedResources;

/**
 * The drafts of the resources typed in the console's form ({@code ozps_resources_draft}): one per assessment year,
 * saved whole. A save names the version it started from ({@code 0}: no draft yet) and is refused when someone saved
 * meanwhile, so no clerk overwrites another's figures unknowingly.
 */
@Repository
public class ResourcesDrafts {

    /**
     * @param problems how many problems the validator found when it was saved
     * @param version  1 at the first save, +1 at every later one
     */
    public record Draft(int year, TypedResources values, int problems, long version, String savedBy, Instant savedAt) {
    }

    private final JdbcTemplate jdbc;

    public ResourcesDrafts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Draft> find(int year) {
        return jdbc.query("SELECT * FROM ozps_resources_draft WHERE year = ?", (rs, i) -> draft(rs), year).stream()
                .findFirst();
    }

    /** every draft, the newest year first */
    public List<Draft> all() {
        return jdbc.query("SELECT * FROM ozps_resources_draft ORDER BY year DESC", (rs, i) -> draft(rs));
    }

    /**
     * @param startedFrom the version the clerk's page showed ({@code 0}: no draft)
     * @return the new version, or empty when someone saved (or first saved) meanwhile
     */
    public Optional<Long> save(TypedResources values, int problems, long startedFrom, String savedBy, Instant at) {
        int year = values.year();
        int changed;
        if (startedFrom == 0) {
            changed = jdbc.update("""
                    INSERT INTO ozps_resources_draft (year, typed_values, problems, version, saved_by, saved_at)
                    VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (year) DO NOTHING""",
                    year, values.serialize(), problems, savedBy, Timestamp.from(at));
        } else {
            changed = jdbc.update("""
                    UPDATE ozps_resources_draft SET typed_values = ?, problems = ?, version = version + 1, saved_by = ?,
                    saved_at = ? WHERE year = ? AND version = ?""",
                    values.serialize(), problems, savedBy, Timestamp.from(at), year, startedFrom);
        }
        return changed == 1 ? Optional.of(startedFrom + 1) : Optional.empty();
    }

    private static Draft draft(java.sql.ResultSet rs) throws java.sql.SQLException {
        int year = rs.getInt("year");
        return new Draft(year, TypedResources.parse(year, rs.getString("typed_values")), rs.getInt("problems"),
                rs.getLong("version"), rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant());
    }
}
