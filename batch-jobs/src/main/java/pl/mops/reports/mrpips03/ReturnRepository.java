package pl.mops.reports.mrpips03;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The stored returns ({@code mrpips03_return}), their cells and control-rule outcomes. */
@Repository
public class ReturnRepository {

    /** a stored return */
    public record StoredReturn(long id, long jobInstanceId, long jobExecutionId, ReturnPeriod period, long snapshotId,
                               String formSymbol, String layoutVersion, String layoutSha256, int correction,
                               Integer checksTotal, Integer checksFailed, Boolean readyToSend, boolean filesWritten) {
    }

    /** a cell address: section, row code, column code */
    public record CellKey(String section, String row, String column) {
        @Override
        public String toString() {
            return section + "/" + row + "/" + column;
        }
    }

    /** a failed condition of a control rule */
    public record Failure(String ruleCode, String leftCells, String relation, String rightCells, BigDecimal left,
                          BigDecimal right) {
    }

    /** the outcome of one rule */
    public record RuleResult(String ruleCode, int checked, int failed, String note) {
    }

    private static final RowMapper<StoredReturn> MAPPER = (rs, i) -> new StoredReturn(rs.getLong("id"),
            rs.getLong("job_instance_id"), rs.getLong("job_execution_id"),
            new ReturnPeriod(rs.getInt("year"), rs.getString("half").charAt(0)), rs.getLong("snapshot_id"),
            rs.getString("form_symbol"), rs.getString("layout_version"), rs.getString("layout_sha256"),
            rs.getInt("correction"), (Integer) rs.getObject("checks_total"), (Integer) rs.getObject("checks_failed"),
            (Boolean) rs.getObject("ready_to_send"), rs.getBoolean("files_written"));

    private final JdbcTemplate jdbc;

    public ReturnRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the return row of a job instance (replacing what a failed attempt of the same instance left)
     * and assigns its correction number: a return of a period, snapshot and layout already stored keeps
     * that return's number (a rerun is a recomputation, not a correction); any other gets the period's
     * highest number + 1 (0 for the first return of the period).
     */
    public StoredReturn create(long jobInstanceId, long jobExecutionId, Mrpips03JobParameters parameters, Layout layout) {
        jdbc.update("DELETE FROM mrpips03_return WHERE job_instance_id = ?", jobInstanceId);
        ReturnPeriod period = parameters.period();
        Integer same = jdbc.query("""
                SELECT max(correction) FROM mrpips03_return
                 WHERE year = ? AND half = ? AND snapshot_id = ? AND layout_version = ? AND layout_sha256 = ?""",
                rs -> rs.next() ? (Integer) rs.getObject(1) : null,
                period.year(), String.valueOf(period.half()), parameters.snapshotId(), layout.version(), layout.sha256());
        int correction;
        if (same != null) {
            correction = same;
        } else {
            Integer highest = jdbc.query("SELECT max(correction) FROM mrpips03_return WHERE year = ? AND half = ?",
                    rs -> rs.next() ? (Integer) rs.getObject(1) : null, period.year(), String.valueOf(period.half()));
            correction = highest == null ? 0 : highest + 1;
        }
        long id = jdbc.queryForObject("""
                INSERT INTO mrpips03_return (job_instance_id, job_execution_id, year, half, snapshot_id, form_symbol,
                                             layout_version, layout_sha256, correction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
                jobInstanceId, jobExecutionId, period.year(), String.valueOf(period.half()), parameters.snapshotId(),
                layout.symbol(), layout.version(), layout.sha256(), correction);
        return find(id).orElseThrow();
    }

    public Optional<StoredReturn> find(long id) {
        return jdbc.query("SELECT * FROM mrpips03_return WHERE id = ?", MAPPER, id).stream().findFirst();
    }

    public Optional<StoredReturn> ofInstance(long jobInstanceId) {
        return jdbc.query("SELECT * FROM mrpips03_return WHERE job_instance_id = ?", MAPPER, jobInstanceId)
                .stream().findFirst();
    }

    /** the latest return of the period: highest correction, then the newest computation */
    public Optional<StoredReturn> latest(ReturnPeriod period) {
        return jdbc.query("""
                SELECT * FROM mrpips03_return WHERE year = ? AND half = ?
                 ORDER BY correction DESC, id DESC LIMIT 1""", MAPPER, period.year(), String.valueOf(period.half()))
                .stream().findFirst();
    }

    /** the version a correction is compared with: the newest return of the period with correction - 1 */
    public Optional<StoredReturn> previousVersion(StoredReturn current) {
        if (current.correction() == 0) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT * FROM mrpips03_return WHERE year = ? AND half = ? AND correction = ?
                 ORDER BY id DESC LIMIT 1""", MAPPER, current.period().year(), String.valueOf(current.period().half()),
                current.correction() - 1).stream().findFirst();
    }

    public Map<CellKey, BigDecimal> cells(long returnId) {
        Map<CellKey, BigDecimal> cells = new LinkedHashMap<>();
        jdbc.query("SELECT section, row_code, column_code, value FROM mrpips03_cell WHERE return_id = ?",
                rs -> {
                    cells.put(new CellKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getBigDecimal(4));
                }, returnId);
        return cells;
    }

    public int cellCount(long returnId) {
        return jdbc.queryForObject("SELECT count(*) FROM mrpips03_cell WHERE return_id = ?", Integer.class, returnId);
    }

    public void saveChecks(long returnId, List<RuleResult> results, List<Failure> failures) {
        jdbc.update("DELETE FROM mrpips03_rule_result WHERE return_id = ?", returnId);
        jdbc.update("DELETE FROM mrpips03_check_failure WHERE return_id = ?", returnId);
        int ordinal = 0;
        for (RuleResult result : results) {
            jdbc.update("INSERT INTO mrpips03_rule_result (return_id, ordinal, rule_code, checked, failed, note) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", returnId, ordinal++, result.ruleCode(), result.checked(),
                    result.failed(), result.note());
        }
        ordinal = 0;
        for (Failure f : failures) {
            jdbc.update("""
                    INSERT INTO mrpips03_check_failure (return_id, ordinal, rule_code, left_cells, relation, right_cells,
                                                        left_value, right_value)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", returnId, ordinal++, f.ruleCode(), f.leftCells(), f.relation(),
                    f.rightCells(), f.left(), f.right());
        }
        int total = results.stream().mapToInt(RuleResult::checked).sum();
        jdbc.update("UPDATE mrpips03_return SET checks_total = ?, checks_failed = ?, ready_to_send = ? WHERE id = ?",
                total, failures.size(), failures.isEmpty(), returnId);
    }

    public List<RuleResult> ruleResults(long returnId) {
        return jdbc.query("SELECT rule_code, checked, failed, note FROM mrpips03_rule_result WHERE return_id = ? ORDER BY ordinal",
                (rs, i) -> new RuleResult(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)), returnId);
    }

    public List<Failure> failures(long returnId) {
        return jdbc.query("""
                SELECT rule_code, left_cells, relation, right_cells, left_value, right_value
                  FROM mrpips03_check_failure WHERE return_id = ? ORDER BY ordinal""",
                (rs, i) -> new Failure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)), returnId);
    }

    public void markFilesWritten(long returnId) {
        jdbc.update("UPDATE mrpips03_return SET files_written = true WHERE id = ?", returnId);
    }
}
