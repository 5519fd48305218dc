package pl.mops.reports.assessment;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import pl.mops.reports.assessment.resources.ResourcesFile;

/** What a run stores ({@code ozps_run}, {@code ozps_resource}, {@code ozps_resource_source}) and reads back. */
@Repository
public class OzpsRepository {

    private final JdbcTemplate jdbc;

    public OzpsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** replaces what an earlier attempt of the same job instance stored */
    public void storeResources(long instanceId, OzpsJobParameters parameters, ResourcesFile resources, byte[] content) {
        jdbc.update("DELETE FROM ozps_resource_source WHERE job_instance_id = ?", instanceId);
        jdbc.update("DELETE FROM ozps_resource WHERE job_instance_id = ?", instanceId);
        jdbc.update("DELETE FROM ozps_run WHERE job_instance_id = ?", instanceId);
        jdbc.update("""
                INSERT INTO ozps_run (job_instance_id, year, snapshot_id, resources_file, resources_sha256, resources_content)
                VALUES (?, ?, ?, ?, ?, ?)""", instanceId, parameters.year(), parameters.snapshotId(), resources.fileName(),
                resources.sha256(), content);
        resources.values().forEach((chapter, positions) -> {
            int ordinal = 0;
            for (Map.Entry<String, Map<Integer, BigDecimal>> position : positions.entrySet()) {
                ordinal++;
                for (Map.Entry<Integer, BigDecimal> year : position.getValue().entrySet()) {
                    jdbc.update("""
                            INSERT INTO ozps_resource (job_instance_id, chapter, position, ordinal, year, value)
                            VALUES (?, ?, ?, ?, ?, ?)""", instanceId, chapter, position.getKey(), ordinal, year.getKey(),
                            year.getValue());
                }
            }
        });
        resources.sources().forEach((chapter, source) -> jdbc.update(
                "INSERT INTO ozps_resource_source (job_instance_id, chapter, source) VALUES (?, ?, ?)",
                instanceId, chapter, source));
    }

    /** the validated resources file of a run, as stored */
    public ResourcesFile loadResources(long instanceId) {
        Map<String, Object> run = jdbc.queryForMap(
                "SELECT year, resources_file, resources_sha256 FROM ozps_run WHERE job_instance_id = ?", instanceId);
        Map<String, Map<String, Map<Integer, BigDecimal>>> values = new LinkedHashMap<>();
        jdbc.query("""
                SELECT chapter, position, year, value FROM ozps_resource
                 WHERE job_instance_id = ? ORDER BY chapter, ordinal, year""", rs -> {
            values.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
                    .put(rs.getInt(3), rs.getBigDecimal(4));
        }, instanceId);
        Map<String, String> sources = new LinkedHashMap<>();
        jdbc.query("SELECT chapter, source FROM ozps_resource_source WHERE job_instance_id = ? ORDER BY chapter",
                rs -> {
                    sources.put(rs.getString(1), rs.getString(2));
                }, instanceId);
        return new ResourcesFile((String) run.get("resources_file"), ((String) run.get("resources_sha256")).trim(),
                ((Number) run.get("year")).intValue(), values, sources);
    }

    /** the resources file of a run exactly as it was read (for the auditors' package) */
    public byte[] resourcesContent(long instanceId) {
        return jdbc.queryForObject("SELECT resources_content FROM ozps_run WHERE job_instance_id = ?", byte[].class,
                instanceId);
    }

    public OzpsFigures loadFigures(long instanceId) {
        Map<OzpsFigures.Key, OzpsFigures.Stat> stats = new HashMap<>();
        jdbc.query("""
                SELECT table_code, row_code, year, families, persons_in_families, recipients, benefits, amount, decisions
                  FROM ozps_stat WHERE job_instance_id = ?""", rs -> {
            stats.put(new OzpsFigures.Key(rs.getString(1), rs.getString(2), rs.getInt(3)),
                    new OzpsFigures.Stat(rs.getObject(4, Long.class), rs.getObject(5, Long.class),
                            rs.getObject(6, Long.class), rs.getObject(7, Long.class), rs.getBigDecimal(8),
                            rs.getObject(9, Long.class)));
        }, instanceId);
        Set<Integer> years = new HashSet<>(jdbc.queryForList("""
                SELECT year FROM ozps_year
                 WHERE job_instance_id = ? AND realisations + decisions + social_work > 0""", Integer.class, instanceId));
        return new OzpsFigures(stats, years);
    }
}
