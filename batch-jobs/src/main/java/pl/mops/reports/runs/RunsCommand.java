package pl.mops.reports.runs;

import java.sql.Timestamp;
import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.cli.CliCommand;
import pl.mops.reports.cli.CommandLine;
import pl.mops.reports.cli.Console;
import pl.mops.reports.rendering.WrittenFile;

/**
 * {@code runs}: the latest job executions with parameters, status, times, duration, who launched them, files and,
 * for a run that did not complete, the first line of its failure.
 */
@Component
public class RunsCommand implements CliCommand {

    private final JdbcTemplate jdbc;
    private final RunFileRepository runFiles;
    private final Console console;

    public RunsCommand(JdbcTemplate jdbc, RunFileRepository runFiles, Console console) {
        this.jdbc = jdbc;
        this.runFiles = runFiles;
        this.console = console;
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public int execute(CommandLine line) {
        int limit = line.option("limit", Integer::valueOf, "liczba całkowita").orElse(30);
        var rows = jdbc.queryForList("""
                SELECT e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time, e.exit_message,
                       string_agg(p.parameter_name || '=' || p.parameter_value, ', ' ORDER BY p.parameter_name)
                           FILTER (WHERE p.identifying = 'Y') AS params,
                       max(p.parameter_value) FILTER (WHERE p.parameter_name = 'launchedBy') AS launched_by
                  FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  LEFT JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                 GROUP BY e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time, e.exit_message
                 ORDER BY e.job_execution_id DESC
                 LIMIT ?""", limit);
        if (rows.isEmpty()) {
            console.line("Nie uruchomiono jeszcze żadnego zadania.");
            return 0;
        }
        console.line("%-6s %-20s %-10s %-19s %-19s %-9s %-22s %s", "nr", "zadanie", "status", "start", "koniec", "czas",
                "kto", "parametry");
        for (var row : rows) {
            Timestamp start = (Timestamp) row.get("start_time");
            Timestamp end = (Timestamp) row.get("end_time");
            String duration = start != null && end != null
                    ? String.format(java.util.Locale.ROOT, "%.1f s", Duration.between(start.toInstant(), end.toInstant())
                    .toMillis() / 1000.0).replace('.', ',') : "";
            console.line("%-6s %-20s %-10s %-19s %-19s %-9s %-22s %s", row.get("job_execution_id"), row.get("job_name"),
                    row.get("status"), time(start), time(end), duration,
                    row.get("launched_by") == null ? "" : row.get("launched_by"), row.get("params"));
            String failure = failure((String) row.get("status"), (String) row.get("exit_message"));
            if (failure != null) {
                console.line("       błąd: " + failure);
            }
            for (WrittenFile file : runFiles.filesOfExecution(((Number) row.get("job_execution_id")).longValue())) {
                console.line("       plik: " + file.path());
            }
        }
        return 0;
    }

    /** the first line of a failed run's exit message, without the exception class, masked and at most 300 characters */
    static String failure(String status, String exitMessage) {
        if ("COMPLETED".equals(status) || status == null || status.startsWith("START") || exitMessage == null
                || exitMessage.isBlank()) {
            return null;
        }
        String first = exitMessage.strip().lines().findFirst().orElse("");
        first = first.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        first = RunFailureReport.mask(first);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    private static String time(Timestamp timestamp) {
        return timestamp == null ? "" : timestamp.toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }
}
