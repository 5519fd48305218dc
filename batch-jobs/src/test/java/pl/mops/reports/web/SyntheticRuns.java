package pl.mops.reports.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.system.PolishTimes;

/**
 * A job execution written straight into Spring Batch's tables with its files in {@code run_file}, for the console's
 * tests: a job name no test of the Pulpit looks at, files the test writes itself (so a test may change or delete
 * them without touching the fixture's run).
 */
final class SyntheticRuns {

    private SyntheticRuns() {
    }

    /**
     * @param start  when it started, in Warsaw (stored as Spring Batch stores times: this JVM's wall clock)
     * @param files  the files to record (written already), in any order
     * @return the execution's number
     */
    static long insert(JdbcTemplate jdbc, String jobName, ZonedDateTime start, Map<String, String> parameters,
                       String launchedBy, List<Path> files) throws IOException {
        long instance = jdbc.queryForObject("SELECT nextval('batch_job_instance_seq')", Long.class);
        long execution = jdbc.queryForObject("SELECT nextval('batch_job_execution_seq')", Long.class);
        LocalDateTime started = PolishTimes.toBatch(start.toInstant(), ZoneId.systemDefault());
        jdbc.update("INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key) VALUES (?, 0, ?, ?)",
                instance, jobName, "k" + instance);
        jdbc.update("""
                INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
                       end_time, status, exit_code, exit_message, last_updated)
                VALUES (?, 1, ?, ?, ?, ?, 'COMPLETED', 'COMPLETED', '', ?)""",
                execution, instance, started, started, started.plusSeconds(9), started.plusSeconds(9));
        parameters.forEach((name, value) -> jdbc.update("""
                INSERT INTO batch_job_execution_params (job_execution_id, parameter_name, parameter_type,
                       parameter_value, identifying) VALUES (?, ?, 'java.lang.String', ?, 'Y')""",
                execution, name, value));
        jdbc.update("""
                INSERT INTO batch_job_execution_params (job_execution_id, parameter_name, parameter_type,
                       parameter_value, identifying) VALUES (?, 'launchedBy', 'java.lang.String', ?, 'N')""",
                execution, launchedBy);
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            jdbc.update("INSERT INTO run_file (job_execution_id, job_instance_id, path, size_bytes, sha256) "
                    + "VALUES (?, ?, ?, ?, ?)", execution, instance, file.toAbsolutePath().toString(),
                    (long) content.length, sha256(content));
        }
        return execution;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
