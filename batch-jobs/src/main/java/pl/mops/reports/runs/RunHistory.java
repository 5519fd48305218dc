package pl.mops.reports.runs;

import java.sql.Array;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import pl.mops.reports.rendering.WrittenFile;

/**
 * The job executions as Spring Batch stored them, newest first, each with its identifying parameters, who launched
 * it and the files it recorded ({@code run_file}): what {@code runs}, the console's Files page and the audit log
 * export list. Times are as Spring Batch stores them (this JVM's wall clock, see
 * {@link pl.mops.reports.system.PolishTimes}).
 */
@Repository
public class RunHistory {

    /** one job execution; {@code files} in the order of {@link RunFileRepository#filesOfExecution} */
    public record Run(long executionId, String jobName, String status, LocalDateTime start, LocalDateTime end,
                      Map<String, String> parameters, String launchedBy, String exitMessage, List<WrittenFile> files) {

        /** the job's Polish name, e.g. "statystyka miesięczna" */
        public String polishJobName() {
            return JobNames.polishNameOf(jobName);
        }
    }

    /**
     * Which runs: of one Spring Batch job (or all), started at or after {@code startedFrom} and before
     * {@code startedBefore} (Spring Batch times; empty = unbounded), at most {@code limit} from {@code offset}.
     */
    public record Query(Optional<String> job, Optional<LocalDateTime> startedFrom, Optional<LocalDateTime> startedBefore,
                        int limit, long offset) {

        public static Query latest(int limit) {
            return new Query(Optional.empty(), Optional.empty(), Optional.empty(), limit, 0);
        }
    }

    private static final String SELECT_RUNS = """
            SELECT e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time, e.exit_message
              FROM batch_job_execution e
              JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
            """;
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong("job_execution_id"),
            rs.getString("job_name"), rs.getString("status"), rs.getObject("start_time", LocalDateTime.class),
            rs.getObject("end_time", LocalDateTime.class), rs.getString("exit_message"));

    private final JdbcTemplate jdbc;
    private final RunFileRepository runFiles;

    public RunHistory(JdbcTemplate jdbc, RunFileRepository runFiles) {
        this.jdbc = jdbc;
        this.runFiles = runFiles;
    }

    public List<Run> runs(Query query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(query.limit());
        args.add(query.offset());
        return complete(jdbc.query(SELECT_RUNS + where + " ORDER BY e.job_execution_id DESC LIMIT ? OFFSET ?", ROW,
                args.toArray()));
    }

    /** how many runs the query would list without its limit */
    public long count(Query query) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("""
                SELECT count(*) FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                """ + where(query, args), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    public Optional<Run> run(long executionId) {
        return complete(jdbc.query(SELECT_RUNS + " WHERE e.job_execution_id = ?", ROW, executionId)).stream()
                .findFirst();
    }

    /** the completed runs of one Spring Batch job, newest first: the runs whose documents exist */
    public List<Run> completed(String jobName) {
        return complete(jdbc.query(SELECT_RUNS + " WHERE i.job_name = ? AND e.status = 'COMPLETED'"
                + " ORDER BY e.job_execution_id DESC", ROW, jobName));
    }

    /** the Spring Batch names of the jobs that ran at least once, alphabetically */
    public List<String> jobNames() {
        return jdbc.queryForList("SELECT DISTINCT job_name FROM batch_job_instance ORDER BY job_name", String.class);
    }

    private static String where(Query query, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE TRUE");
        query.job().ifPresent(job -> {
            sql.append(" AND i.job_name = ?");
            args.add(job);
        });
        query.startedFrom().ifPresent(time -> {
            sql.append(" AND e.start_time >= ?");
            args.add(time);
        });
        query.startedBefore().ifPresent(time -> {
            sql.append(" AND e.start_time < ?");
            args.add(time);
        });
        return sql.toString();
    }

    private List<Run> complete(List<Row> rows) {
        Map<Long, Parameters> parameters = parameters(rows.stream().map(Row::id).toList());
        List<Run> runs = new ArrayList<>();
        for (Row row : rows) {
            Parameters p = parameters.getOrDefault(row.id(), new Parameters());
            runs.add(new Run(row.id(), row.job(), row.status(), row.start(), row.end(), p.identifying, p.launchedBy,
                    row.exitMessage(), runFiles.filesOfExecution(row.id())));
        }
        return runs;
    }

    private record Row(long id, String job, String status, LocalDateTime start, LocalDateTime end, String exitMessage) {
    }

    private static final class Parameters {
        private final Map<String, String> identifying = new LinkedHashMap<>();
        private String launchedBy;
    }

    /** per execution: its identifying parameters (by name) and who launched it */
    private Map<Long, Parameters> parameters(List<Long> ids) {
        Map<Long, Parameters> parameters = new HashMap<>();
        if (ids.isEmpty()) {
            return parameters;
        }
        jdbc.query("""
                SELECT job_execution_id, parameter_name, parameter_value, identifying
                  FROM batch_job_execution_params WHERE job_execution_id = ANY (?)
                 ORDER BY job_execution_id, parameter_name""", ps -> {
            Array array = ps.getConnection().createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
        }, rs -> {
            Parameters of = parameters.computeIfAbsent(rs.getLong(1), id -> new Parameters());
            if ("launchedBy".equals(rs.getString(2))) {
                of.launchedBy = rs.getString(3);
            } else if ("Y".equals(rs.getString(4))) {
                of.identifying.put(rs.getString(2), rs.getString(3));
            }
        });
        return parameters;
    }
}
