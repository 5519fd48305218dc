package pl.mops.reports.mrpips03;

import pl.mops.reports.system.ExitCode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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

    /**
     * A stored return.
     *
     * @param correction 0 = the return, N = korekta kN (the number of versions already submitted for the period)
     * @param draft      the draft (wersja robocza) of that correction number: 1, 2, …
     * @param readiness  {@code null} until the control rules ran
     * @param incompletePeriod the snapshot does not cover the whole period (computed with --niepelny-okres)
     */
    public record StoredReturn(long id, long jobInstanceId, long jobExecutionId, ReturnPeriod period, long snapshotId,
                               String formSymbol, String layoutVersion, String layoutSha256, int correction, int draft,
                               Integer checksTotal, Integer checksFailed, Readiness readiness, List<String> readinessReasons,
                               boolean incompletePeriod, boolean filesWritten) {

        public boolean readyToSend() {
            return readiness == Readiness.GOTOWE;
        }

        /** file name without extension: mrpips03-2025-R, -k1, -v2, -k1-v2 */
        public String baseFileName() {
            return Mrpips03JobParameters.baseFileName(period, correction, draft);
        }

        /** in Polish, nominative: "sprawozdanie pierwotne", "korekta nr 1", "… , wersja robocza 2" */
        public String versionName() {
            return (correction == 0 ? "sprawozdanie pierwotne" : "korekta nr " + correction)
                    + (draft > 1 ? ", wersja robocza " + draft : "");
        }

        /**
         * the version's name in the genitive, for "względem …", "wartości …": "sprawozdania pierwotnego",
         * "korekty nr 1", "… , wersji roboczej 2"
         */
        public String versionNameGenitive() {
            return (correction == 0 ? "sprawozdania pierwotnego" : "korekty nr " + correction)
                    + (draft > 1 ? ", wersji roboczej " + draft : "");
        }

        /**
         * the version's name in the instrumental, for "porównano z …": "sprawozdaniem pierwotnym", "korektą nr 1",
         * "… , wersją roboczą 2"
         */
        public String versionNameInstrumental() {
            return (correction == 0 ? "sprawozdaniem pierwotnym" : "korektą nr " + correction)
                    + (draft > 1 ? ", wersją roboczą " + draft : "");
        }

        /**
         * "złożonym" or "jeszcze niezłożonym" (or "złożoną", "jeszcze niezłożoną") agreeing with
         * {@link #versionNameInstrumental()}: neuter after "sprawozdaniem pierwotnym", feminine after "korektą" and
         * "wersją roboczą"
         */
        public String submittedInstrumental(boolean submitted) {
            String ending = correction == 0 && draft <= 1 ? "ym" : "ą";
            return (submitted ? "złożon" : "jeszcze niezłożon") + ending;
        }
    }

    /** a return marked as sent: who, when, which run */
    public record Submission(long returnId, ReturnPeriod period, int correction, long jobExecutionId,
                             OffsetDateTime submittedAt, String submittedBy) {
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

    /**
     * the outcome of one rule
     *
     * @param failed the conditions that do not hold (for a rule "do przeglądu": those reported for review)
     */
    public record RuleResult(String ruleCode, int checked, int failed, String note, Readiness.RuleState state) {
    }

    /** the value of one of the layout's counters on a return */
    public record CounterValue(String code, long value) {
    }

    private static final RowMapper<StoredReturn> MAPPER = (rs, i) -> new StoredReturn(rs.getLong("id"),
            rs.getLong("job_instance_id"), rs.getLong("job_execution_id"),
            new ReturnPeriod(rs.getInt("year"), rs.getString("half").charAt(0)), rs.getLong("snapshot_id"),
            rs.getString("form_symbol"), rs.getString("layout_version"), rs.getString("layout_sha256"),
            rs.getInt("correction"), rs.getInt("draft"), (Integer) rs.getObject("checks_total"),
            (Integer) rs.getObject("checks_failed"),
            rs.getString("readiness") == null ? null : Readiness.valueOf(rs.getString("readiness")),
            rs.getString("readiness_reasons") == null ? List.of() : List.of(rs.getString("readiness_reasons").split("\n")),
            rs.getBoolean("incomplete_period"), rs.getBoolean("files_written"));

    private static final RowMapper<Submission> SUBMISSION = (rs, i) -> new Submission(rs.getLong("return_id"),
            new ReturnPeriod(rs.getInt("year"), rs.getString("half").charAt(0)), rs.getInt("correction"),
            rs.getLong("job_execution_id"), rs.getObject("submitted_at", OffsetDateTime.class),
            rs.getString("submitted_by"));

    private final JdbcTemplate jdbc;

    public ReturnRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the return row of a job instance (replacing what a failed attempt of the same instance left) and
     * assigns its version. The correction number is the number of versions of the period already submitted
     * ({@code zloz}): 0 before the first submission, N + 1 after correction N was submitted. Within one correction
     * number every computation is a new draft (wersja robocza 1, 2, …), so no run ever writes over another run's
     * files. (Whether a recomputation after a submission really changes anything is decided once its cells are
     * known: {@link #keepAsDraftOfSubmittedIfUnchanged}.)
     */
    public StoredReturn create(long jobInstanceId, long jobExecutionId, Mrpips03JobParameters parameters, Layout layout,
                               boolean incompletePeriod) {
        jdbc.update("DELETE FROM mrpips03_return WHERE job_instance_id = ?", jobInstanceId);
        ReturnPeriod period = parameters.period();
        int correction = latestSubmission(period).map(s -> s.correction() + 1).orElse(0);
        long id = jdbc.queryForObject("""
                INSERT INTO mrpips03_return (job_instance_id, job_execution_id, year, half, snapshot_id, form_symbol,
                                             layout_version, layout_sha256, correction, draft, incomplete_period)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
                jobInstanceId, jobExecutionId, period.year(), String.valueOf(period.half()), parameters.snapshotId(),
                layout.symbol(), layout.version(), layout.sha256(), correction, nextDraft(period, correction),
                incompletePeriod);
        return find(id).orElseThrow();
    }

    private int nextDraft(ReturnPeriod period, int correction) {
        return jdbc.queryForObject("SELECT coalesce(max(draft), 0) + 1 FROM mrpips03_return WHERE year = ? AND half = ? "
                + "AND correction = ?", Integer.class, period.year(), String.valueOf(period.half()), correction);
    }

    /**
     * A recomputation after a submission whose cells equal the submitted version's (same layout) corrects nothing:
     * it becomes the next draft of the submitted correction number instead of correction N + 1.
     *
     * @return the return as stored now
     */
    public StoredReturn keepAsDraftOfSubmittedIfUnchanged(StoredReturn created) {
        if (created.correction() == 0) {
            return created;
        }
        Submission submitted = latestSubmission(created.period()).orElseThrow();
        StoredReturn sent = find(submitted.returnId()).orElseThrow();
        if (!sent.layoutVersion().equals(created.layoutVersion()) || !sameCells(sent.id(), created.id())) {
            return created;
        }
        jdbc.update("UPDATE mrpips03_return SET correction = ?, draft = ? WHERE id = ?", sent.correction(),
                nextDraft(created.period(), sent.correction()), created.id());
        return find(created.id()).orElseThrow();
    }

    /**
     * A draft of a correction number that a submission has since closed (a version of the same number, or a later
     * one, was submitted) and whose cells differ from the submitted version's: its data would now be a correction.
     */
    public boolean isStaleDraft(StoredReturn stored) {
        Optional<Submission> latest = latestSubmission(stored.period());
        return latest.isPresent() && stored.correction() <= latest.get().correction()
                && stored.id() != latest.get().returnId() && !sameCells(stored.id(), latest.get().returnId());
    }

    private boolean sameCells(long a, long b) {
        return jdbc.queryForObject("""
                SELECT NOT EXISTS (
                    (SELECT section, row_code, column_code, value FROM mrpips03_cell WHERE return_id = ?
                     EXCEPT SELECT section, row_code, column_code, value FROM mrpips03_cell WHERE return_id = ?)
                    UNION ALL
                    (SELECT section, row_code, column_code, value FROM mrpips03_cell WHERE return_id = ?
                     EXCEPT SELECT section, row_code, column_code, value FROM mrpips03_cell WHERE return_id = ?))""",
                Boolean.class, a, b, b, a);
    }

    public Optional<StoredReturn> find(long id) {
        return jdbc.query("SELECT * FROM mrpips03_return WHERE id = ?", MAPPER, id).stream().findFirst();
    }

    public Optional<StoredReturn> ofInstance(long jobInstanceId) {
        return jdbc.query("SELECT * FROM mrpips03_return WHERE job_instance_id = ?", MAPPER, jobInstanceId)
                .stream().findFirst();
    }

    /** a computed return with its run (the newest execution of its job instance) and when that run started */
    public record Listed(StoredReturn stored, long run, java.time.LocalDateTime computedAt) {
    }

    /** every return whose files were written, newest period first, then by correction and draft */
    public List<Listed> listed() {
        return jdbc.query("""
                SELECT r.*, e.job_execution_id AS run, e.start_time AS computed_at
                  FROM mrpips03_return r
                  JOIN LATERAL (SELECT job_execution_id, start_time FROM batch_job_execution
                                 WHERE job_instance_id = r.job_instance_id
                                 ORDER BY job_execution_id DESC LIMIT 1) e ON true
                 WHERE r.files_written
                 ORDER BY r.year DESC, r.half DESC, r.correction, r.draft""",
                (rs, i) -> new Listed(MAPPER.mapRow(rs, i), rs.getLong("run"),
                        rs.getObject("computed_at", java.time.LocalDateTime.class)));
    }

    /** the latest return of the period: highest correction, then the newest computation */
    public Optional<StoredReturn> latest(ReturnPeriod period) {
        return jdbc.query("""
                SELECT * FROM mrpips03_return WHERE year = ? AND half = ?
                 ORDER BY correction DESC, id DESC LIMIT 1""", MAPPER, period.year(), String.valueOf(period.half()))
                .stream().findFirst();
    }

    /** the version a correction corrects: the submitted return with correction number - 1 */
    public Optional<StoredReturn> previousVersion(StoredReturn current) {
        if (current.correction() == 0) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT r.* FROM mrpips03_return r JOIN mrpips03_submission s ON s.return_id = r.id
                 WHERE s.year = ? AND s.half = ? AND s.correction = ?""", MAPPER, current.period().year(),
                String.valueOf(current.period().half()), current.correction() - 1).stream().findFirst();
    }

    // ---- submission ------------------------------------------------------------------------------

    /** the submission with the highest correction number of the period */
    public Optional<Submission> latestSubmission(ReturnPeriod period) {
        return jdbc.query("SELECT * FROM mrpips03_submission WHERE year = ? AND half = ? ORDER BY correction DESC LIMIT 1",
                SUBMISSION, period.year(), String.valueOf(period.half())).stream().findFirst();
    }

    public Optional<Submission> submissionOf(long returnId) {
        return jdbc.query("SELECT * FROM mrpips03_submission WHERE return_id = ?", SUBMISSION, returnId).stream().findFirst();
    }

    /** the latest submitted return of the period, if any */
    public Optional<StoredReturn> latestSubmitted(ReturnPeriod period) {
        return latestSubmission(period).flatMap(s -> find(s.returnId()));
    }

    /** the return computed by the job instance of execution {@code jobExecutionId} (any of its executions) */
    public Optional<StoredReturn> ofExecution(long jobExecutionId) {
        return jdbc.query("""
                SELECT r.* FROM mrpips03_return r JOIN batch_job_execution e ON e.job_instance_id = r.job_instance_id
                 WHERE e.job_execution_id = ?""", MAPPER, jobExecutionId).stream().findFirst();
    }

    /**
     * The return a command names: the one computed by the run {@code execution} (any job execution of its instance, as
     * {@code runs} lists them), or, when {@code null}, the newest complete version of the period; a Polish refusal
     * when there is none, when the run computed another period or did not finish.
     */
    public StoredReturn chosen(ReturnPeriod period, Long execution) {
        if (execution == null) {
            return newestComplete(period).orElseThrow(() -> new pl.mops.reports.system.UserError("Nie ma policzonego "
                    + "sprawozdania MRPiPS-03 za " + period + ". Najpierw: ./mops-reports run mrpips03 --period " + period,
                    ExitCode.INVALID_INPUT, null));
        }
        StoredReturn stored = ofExecution(execution).orElseThrow(() -> new pl.mops.reports.system.UserError("Przebieg nr "
                + execution + " nie jest przebiegiem sprawozdania MRPiPS-03 (lista: ./mops-reports runs).", ExitCode.INVALID_INPUT, null));
        if (!stored.period().equals(period)) {
            throw new pl.mops.reports.system.UserError("Przebieg nr " + execution + " liczył sprawozdanie za "
                    + stored.period() + ", nie za " + period + ".", ExitCode.INVALID_INPUT, null);
        }
        if (!stored.filesWritten()) {
            throw new pl.mops.reports.system.UserError("Przebieg nr " + execution + " nie został ukończony (sprawozdanie "
                    + "bez plików); dokończ go: ./mops-reports run mrpips03 --period " + period + " --restart", ExitCode.INVALID_INPUT, null);
        }
        return stored;
    }

    /** the newest completed return of the period (highest correction, then the newest computation) */
    public Optional<StoredReturn> newestComplete(ReturnPeriod period) {
        return jdbc.query("""
                SELECT * FROM mrpips03_return WHERE year = ? AND half = ? AND files_written
                 ORDER BY correction DESC, id DESC LIMIT 1""", MAPPER, period.year(), String.valueOf(period.half()))
                .stream().findFirst();
    }

    /** the newest execution of the return's job instance (the one that completed it) */
    public long lastExecutionOf(StoredReturn stored) {
        return jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution WHERE job_instance_id = ?",
                Long.class, stored.jobInstanceId());
    }

    public Submission submit(StoredReturn stored, long jobExecutionId, OffsetDateTime at, String by) {
        jdbc.update("""
                INSERT INTO mrpips03_submission (return_id, year, half, correction, job_execution_id, submitted_at,
                                                 submitted_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", stored.id(), stored.period().year(), String.valueOf(stored.period().half()),
                stored.correction(), jobExecutionId, at, by);
        return submissionOf(stored.id()).orElseThrow();
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

    /** stores the rule outcomes and failures and the readiness they give */
    public void saveChecks(long returnId, List<RuleResult> results, List<Failure> failures, Readiness.Verdict verdict) {
        jdbc.update("DELETE FROM mrpips03_rule_result WHERE return_id = ?", returnId);
        jdbc.update("DELETE FROM mrpips03_check_failure WHERE return_id = ?", returnId);
        int ordinal = 0;
        for (RuleResult result : results) {
            jdbc.update("INSERT INTO mrpips03_rule_result (return_id, ordinal, rule_code, checked, failed, note, state) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", returnId, ordinal++, result.ruleCode(), result.checked(),
                    result.failed(), result.note(), result.state().name());
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
        // conditions of rules "do przeglądu" are listed with the failures but are not failures
        int failed = results.stream().filter(r -> r.state() == Readiness.RuleState.NIESPELNIONA)
                .mapToInt(RuleResult::failed).sum();
        jdbc.update("UPDATE mrpips03_return SET checks_total = ?, checks_failed = ?, ready_to_send = ?, readiness = ?, "
                        + "readiness_reasons = ? WHERE id = ?", total, failed,
                verdict.readiness() == Readiness.GOTOWE, verdict.readiness().name(),
                verdict.reasons().isEmpty() ? null : String.join("\n", verdict.reasons()), returnId);
    }

    public List<RuleResult> ruleResults(long returnId) {
        return jdbc.query("SELECT rule_code, checked, failed, note, state FROM mrpips03_rule_result WHERE return_id = ? "
                        + "ORDER BY ordinal",
                (rs, i) -> new RuleResult(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        Readiness.RuleState.valueOf(rs.getString(5))), returnId);
    }

    public List<Failure> failures(long returnId) {
        return jdbc.query("""
                SELECT rule_code, left_cells, relation, right_cells, left_value, right_value
                  FROM mrpips03_check_failure WHERE return_id = ? ORDER BY ordinal""",
                (rs, i) -> new Failure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)), returnId);
    }

    /** the layout's counters as computed with the cells, in the layout's order */
    public List<CounterValue> counters(long returnId) {
        return jdbc.query("SELECT code, value FROM mrpips03_counter WHERE return_id = ? ORDER BY ordinal",
                (rs, i) -> new CounterValue(rs.getString(1), rs.getLong(2)), returnId);
    }

    /**
     * The layout version a period keeps by default: that of its latest submitted version, else that of its first
     * computed return; empty when the period has no return yet (then the newest layout for the year applies).
     */
    public Optional<String> establishedLayout(ReturnPeriod period) {
        Optional<String> submitted = latestSubmitted(period).map(StoredReturn::layoutVersion);
        if (submitted.isPresent()) {
            return submitted;
        }
        return jdbc.query("SELECT layout_version FROM mrpips03_return WHERE year = ? AND half = ? ORDER BY id LIMIT 1",
                (rs, i) -> rs.getString(1), period.year(), String.valueOf(period.half())).stream().findFirst();
    }

    /** the latest comparison with the case system's return: the other file's value of each cell it has */
    public record StoredReconciliation(String otherFile, OffsetDateTime comparedAt, int compared, int differing,
                                       int missing, int extra, Map<CellKey, BigDecimal> theirs) {
    }

    /** replaces the return's stored comparison */
    public void saveReconciliation(long returnId, String otherFile, int compared, int differing, int missing, int extra,
                                   Map<CellKey, BigDecimal> theirs) {
        jdbc.update("DELETE FROM mrpips03_reconciliation WHERE return_id = ?", returnId);
        jdbc.update("INSERT INTO mrpips03_reconciliation (return_id, other_file, compared, differing, missing, extra) "
                + "VALUES (?, ?, ?, ?, ?, ?)", returnId, otherFile, compared, differing, missing, extra);
        jdbc.batchUpdate("INSERT INTO mrpips03_reconciliation_cell (return_id, section, row_code, column_code, value) "
                + "VALUES (?, ?, ?, ?, ?)", theirs.entrySet().stream().map(e -> new Object[] {returnId,
                e.getKey().section(), e.getKey().row(), e.getKey().column(), e.getValue()}).toList());
    }

    public Optional<StoredReconciliation> reconciliation(long returnId) {
        return jdbc.query("SELECT * FROM mrpips03_reconciliation WHERE return_id = ?", (rs, i) -> {
            Map<CellKey, BigDecimal> theirs = new LinkedHashMap<>();
            jdbc.query("SELECT section, row_code, column_code, value FROM mrpips03_reconciliation_cell WHERE return_id = ?",
                    r -> {
                        theirs.put(new CellKey(r.getString(1), r.getString(2), r.getString(3)), r.getBigDecimal(4));
                    }, returnId);
            return new StoredReconciliation(rs.getString("other_file"), rs.getObject("compared_at", OffsetDateTime.class),
                    rs.getInt("compared"), rs.getInt("differing"), rs.getInt("missing"), rs.getInt("extra"), theirs);
        }, returnId).stream().findFirst();
    }

    public void markFilesWritten(long returnId) {
        jdbc.update("UPDATE mrpips03_return SET files_written = true WHERE id = ?", returnId);
    }
}
