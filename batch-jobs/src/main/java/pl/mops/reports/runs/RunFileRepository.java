package pl.mops.reports.runs;

import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import pl.mops.reports.rendering.WrittenFile;

/** The files each job execution produced ({@code run_file}). */
@Repository
public class RunFileRepository {

    private final JdbcTemplate jdbc;

    public RunFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long jobExecutionId, long jobInstanceId, List<WrittenFile> files) {
        jdbc.update("DELETE FROM run_file WHERE job_execution_id = ?", jobExecutionId);
        for (WrittenFile file : files) {
            jdbc.update("INSERT INTO run_file (job_execution_id, job_instance_id, path, size_bytes, sha256) VALUES (?, ?, ?, ?, ?)",
                    jobExecutionId, jobInstanceId, file.path().toString(), file.sizeBytes(), file.sha256());
        }
    }

    /** the files of the instance's latest execution that produced any */
    public List<WrittenFile> filesOfInstance(long jobInstanceId) {
        return jdbc.query("""
                SELECT path, size_bytes, sha256 FROM run_file
                 WHERE job_execution_id = (SELECT max(job_execution_id) FROM run_file WHERE job_instance_id = ?)
                 ORDER BY path""",
                (rs, i) -> new WrittenFile(Path.of(rs.getString(1)), rs.getLong(2), rs.getString(3)), jobInstanceId);
    }

    public List<WrittenFile> filesOfExecution(long jobExecutionId) {
        return jdbc.query("SELECT path, size_bytes, sha256 FROM run_file WHERE job_execution_id = ? ORDER BY path",
                (rs, i) -> new WrittenFile(Path.of(rs.getString(1)), rs.getLong(2), rs.getString(3)), jobExecutionId);
    }
}
