package pl.mops.reports.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.cli.UserError;

/**
 * Loads a directory of interchange CSV files that are known to be valid (the generator's output)
 * as a new snapshot: PostgreSQL {@code COPY} into temporary staging tables, then set-based inserts
 * that apply the contract's defaults (recipient = the decision's person, task from the form
 * dictionary, branch from the district). One transaction; identical files make no new snapshot.
 *
 * <p>It does not validate rows: the validating import of issue 3 replaces it for real exports.
 * A row that does not fit (e.g. an unknown district) fails the whole load, so nothing is dropped.
 */
@Component
public class TrustedCsvLoader {

    private static final Logger log = LoggerFactory.getLogger(TrustedCsvLoader.class);

    public record LoadResult(Snapshot snapshot, boolean reused, Map<InterchangeFile, Long> rows) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SnapshotRepository snapshots;

    public TrustedCsvLoader(JdbcTemplate jdbc, TransactionTemplate transaction, SnapshotRepository snapshots) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.snapshots = snapshots;
    }

    public LoadResult load(Path dir, String source) {
        Map<InterchangeFile, String> hashes = new EnumMap<>(InterchangeFile.class);
        for (InterchangeFile file : InterchangeFile.values()) {
            Path path = dir.resolve(file.fileName());
            if (Files.isRegularFile(path)) {
                hashes.put(file, sha256(path));
            } else if (file.required()) {
                throw new UserError("Brak pliku " + path + " (wymagany przez kontrakt wymiany danych).", 2, null);
            }
        }
        String fingerprint = fingerprint(hashes);
        Optional<Snapshot> existing = snapshots.findByFingerprint(fingerprint);
        if (existing.isPresent()) {
            log.info("Pliki z {} są identyczne z migawką {}: nie tworzę nowej", dir, existing.get().id());
            return new LoadResult(existing.get(), true, Map.of());
        }
        return transaction.execute(status -> {
            long snapshotId = jdbc.queryForObject(
                    "INSERT INTO snapshot (source, fingerprint) VALUES (?, ?) RETURNING id", Long.class, source, fingerprint);
            Map<InterchangeFile, Long> rows = new EnumMap<>(InterchangeFile.class);
            for (InterchangeFile file : hashes.keySet()) {
                rows.put(file, copyToStaging(dir.resolve(file.fileName()), file));
            }
            Map<InterchangeFile, Long> loaded = insertFromStaging(snapshotId, hashes.keySet());
            for (InterchangeFile file : hashes.keySet()) {
                long read = rows.get(file);
                long ok = loaded.getOrDefault(file, 0L);
                if (ok != read) {
                    throw new UserError("Plik " + file.fileName() + ": wczytano " + ok + " z " + read
                            + " wierszy (kody spoza słowników lub brakujące powiązania). Ten tryb wczytuje tylko "
                            + "poprawne pliki; nic nie zostało zapisane.", 2, null);
                }
                jdbc.update("INSERT INTO snapshot_file (snapshot_id, file_name, rows_read, rows_loaded, rows_rejected, "
                                + "sha256, encoding, separator) VALUES (?, ?, ?, ?, 0, ?, 'UTF-8', ';')",
                        snapshotId, file.fileName(), read, ok, hashes.get(file));
            }
            jdbc.execute("ANALYZE osoby; ANALYZE rodziny; ANALYZE czlonkowie; ANALYZE decyzje; "
                    + "ANALYZE decyzje_powody; ANALYZE swiadczenia; ANALYZE praca_socjalna");
            Snapshot snapshot = snapshots.find(snapshotId).orElseThrow();
            log.info("Migawka {} wczytana z {}: {}", snapshotId, dir, rows);
            return new LoadResult(snapshot, false, rows);
        });
    }

    private long copyToStaging(Path path, InterchangeFile file) {
        String table = file.stagingTable();
        jdbc.execute("CREATE TEMP TABLE " + table + " (" + file.columns().stream()
                .map(c -> "\"" + c + "\" text").collect(Collectors.joining(", ")) + ") ON COMMIT DROP");
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new UserError("Plik " + path + " jest pusty (brak wiersza nagłówka).", 2, null);
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            List<String> columns = List.of(header.split(";", -1)).stream()
                    .map(c -> c.trim().replace("\"", "").toLowerCase(Locale.ROOT)).toList();
            for (String column : columns) {
                if (!file.columns().contains(column)) {
                    throw new UserError("Plik " + path + ": nieznana kolumna \"" + column + "\".", 2, null);
                }
            }
            String copy = "COPY " + table + " (" + columns.stream().map(c -> "\"" + c + "\"")
                    .collect(Collectors.joining(", ")) + ") FROM STDIN WITH (FORMAT csv, DELIMITER ';')";
            return jdbc.execute((Connection connection) -> copy(connection, copy, reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long copy(Connection connection, String sql, Reader reader) throws SQLException {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, reader);
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    private Map<InterchangeFile, Long> insertFromStaging(long sid, java.util.Set<InterchangeFile> present) {
        Map<InterchangeFile, Long> loaded = new EnumMap<>(InterchangeFile.class);
        loaded.put(InterchangeFile.OSOBY, (long) jdbc.update("""
                INSERT INTO osoby (snapshot_id, osoba_id, pesel, data_urodzenia, plec, obywatelstwo, zrodlo_dochodu)
                SELECT ?, osoba_id, NULLIF(trim(pesel), ''), CAST(data_urodzenia AS date), upper(plec),
                       coalesce(NULLIF(upper(trim(obywatelstwo)), ''), 'PL'), NULLIF(upper(trim(zrodlo_dochodu)), '')
                  FROM stage_osoby""", sid));
        loaded.put(InterchangeFile.RODZINY, (long) jdbc.update("""
                INSERT INTO rodziny (snapshot_id, rodzina_id, dzielnica, filia, teren)
                SELECT ?, s.rodzina_id, d.code, coalesce(NULLIF(upper(trim(s.filia)), ''), d.branch),
                       coalesce(NULLIF(upper(trim(s.teren)), ''), 'MIASTO')
                  FROM stage_rodziny s
                  JOIN dict_district d ON d.code = upper(trim(s.dzielnica)) OR CAST(d.number AS text) = trim(s.dzielnica)""", sid));
        loaded.put(InterchangeFile.CZLONKOWIE, (long) jdbc.update("""
                INSERT INTO czlonkowie (snapshot_id, rodzina_id, osoba_id, rola, data_od, data_do)
                SELECT ?, rodzina_id, osoba_id, upper(rola), CAST("od" AS date), CAST(NULLIF("do", '') AS date)
                  FROM stage_czlonkowie""", sid));
        loaded.put(InterchangeFile.DECYZJE, (long) jdbc.update("""
                INSERT INTO decyzje (snapshot_id, decyzja_id, rodzina_id, osoba_id, data_wydania, rodzaj)
                SELECT ?, decyzja_id, rodzina_id, osoba_id, CAST(data_wydania AS date), upper(rodzaj)
                  FROM stage_decyzje""", sid));
        jdbc.update("""
                INSERT INTO decyzje_powody (snapshot_id, decyzja_id, powod)
                SELECT DISTINCT ?, s.decyzja_id, upper(trim(p))
                  FROM stage_decyzje s, unnest(string_to_array(s.powody, '|')) AS p
                 WHERE trim(p) <> ''""", sid);
        loaded.put(InterchangeFile.SWIADCZENIA, (long) jdbc.update("""
                INSERT INTO swiadczenia (snapshot_id, swiadczenie_id, decyzja_id, osoba_id, forma, podtyp, zadanie,
                                         data, liczba, kwota, finansowanie)
                SELECT ?, s.swiadczenie_id, s.decyzja_id, coalesce(NULLIF(trim(s.osoba_id), ''), d.osoba_id),
                       f.code, NULLIF(upper(trim(s.podtyp)), ''), coalesce(NULLIF(upper(trim(s.zadanie)), ''), f.task),
                       CAST(s.data AS date), CAST(s.liczba AS integer), CAST(replace(s.kwota, ',', '.') AS numeric),
                       NULLIF(upper(trim(s.finansowanie)), '')
                  FROM stage_swiadczenia s
                  JOIN stage_decyzje d ON d.decyzja_id = s.decyzja_id
                  JOIN dict_form f ON f.code = upper(trim(s.forma))""", sid));
        loaded.put(InterchangeFile.PRACA_SOCJALNA, (long) jdbc.update("""
                INSERT INTO praca_socjalna (snapshot_id, rodzina_id, data, kontrakt)
                SELECT ?, rodzina_id, CAST(data AS date), coalesce(trim(kontrakt), '0') = '1'
                  FROM stage_praca_socjalna""", sid));
        if (present.contains(InterchangeFile.PLAN)) {
            loaded.put(InterchangeFile.PLAN, (long) jdbc.update("""
                    INSERT INTO plan_finansowy (snapshot_id, rok, forma, kwota_planu)
                    SELECT ?, CAST(rok AS integer), upper(trim(forma)), CAST(replace(kwota_planu, ',', '.') AS numeric)
                      FROM stage_plan""", sid));
        }
        return loaded;
    }

    private static String sha256(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 over "file name, its SHA-256" lines in the contract's file order. */
    static String fingerprint(Map<InterchangeFile, String> hashes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            hashes.forEach((file, hash) -> digest.update((file.fileName() + " " + hash + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
