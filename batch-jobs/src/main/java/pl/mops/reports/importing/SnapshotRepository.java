package pl.mops.reports.importing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

@Repository
public class SnapshotRepository {

    private static final RowMapper<Snapshot> MAPPER = (rs, i) -> new Snapshot(rs.getLong("id"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getString("source"), rs.getString("fingerprint"),
            new Coverage(rs.getObject("data_from", LocalDate.class), rs.getObject("data_as_of", LocalDate.class)),
            rs.getInt("contract_version"));

    private final JdbcTemplate jdbc;

    public SnapshotRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Snapshot> find(long id) {
        return jdbc.query("SELECT * FROM snapshot WHERE id = ?", MAPPER, id).stream().findFirst();
    }

    public Optional<Snapshot> findByFingerprint(String fingerprint) {
        return jdbc.query("SELECT * FROM snapshot WHERE fingerprint = ?", MAPPER, fingerprint).stream().findFirst();
    }

    public Optional<Snapshot> newest() {
        return jdbc.query("SELECT * FROM snapshot ORDER BY id DESC LIMIT 1", MAPPER).stream().findFirst();
    }

    public List<Snapshot> all() {
        return jdbc.query("SELECT * FROM snapshot ORDER BY id", MAPPER);
    }

    /** The snapshot named by {@code --snapshot}, or the newest one. */
    public Snapshot resolve(Long requestedId) {
        if (requestedId != null) {
            return find(requestedId).orElseThrow(() -> new UserError("Nie ma migawki danych nr " + requestedId
                    + ". Lista migawek: ./mops-reports snapshots", ExitCode.INVALID_INPUT, null));
        }
        return newest().orElseThrow(() -> new UserError(
                "W bazie nie ma jeszcze żadnych danych. Zaimportuj je (./mops-reports import --dir KATALOG) "
                        + "albo uruchom ./mops-reports demo.", ExitCode.INVALID_INPUT, null));
    }

    public record FileCounts(String fileName, long read, long loaded, long rejected) {
    }

    public List<FileCounts> fileCounts(long snapshotId) {
        return jdbc.query("SELECT file_name, rows_read, rows_loaded, rows_rejected FROM snapshot_file "
                        + "WHERE snapshot_id = ? ORDER BY file_name",
                (rs, i) -> new FileCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), snapshotId);
    }
}
