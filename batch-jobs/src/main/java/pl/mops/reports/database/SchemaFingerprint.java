package pl.mops.reports.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Skips Flyway when it would do nothing: the migration scripts (names and contents, with Flyway's version and the
 * settings that decide what it applies) and the rows of the schema history are exactly those recorded in
 * {@code schema_fingerprint} after the last successful migration (V26). Flyway's classpath scan, its parsing of the
 * scripts and its validation of the history then cannot find anything new — nothing to apply, no changed or missing
 * script, no failed or edited history row — so they are not run (issue 17: every command's start; measured in
 * docs/benchmarks.md, session 21). Any difference, or no record yet, runs Flyway exactly as before and records the new
 * state; a validation error stops the start as it always did, and nothing is recorded.
 */
public final class SchemaFingerprint {

    private static final Logger log = LoggerFactory.getLogger(SchemaFingerprint.class);

    /** md5 of every row of the schema history, in the order Flyway applied them */
    private static final String HISTORY_MD5 = "SELECT md5(coalesce(string_agg(concat_ws('|', installed_rank, version, "
            + "description, type, script, checksum, success), chr(10) ORDER BY installed_rank), '')) FROM %s";

    private final JdbcTemplate jdbc;
    private final String historyTable;
    private final String fingerprintTable;

    /**
     * @param schema Flyway's schema (where it keeps its history and creates the tables; {@code null}: the connection's
     *               current schema)
     */
    public SchemaFingerprint(DataSource dataSource, String schema, String historyTable) {
        this.jdbc = new JdbcTemplate(dataSource);
        String prefix = schema == null || schema.isBlank() ? "" : quoted(schema) + ".";
        this.historyTable = prefix + quoted(historyTable);
        this.fingerprintTable = prefix + "schema_fingerprint";
    }

    /**
     * runs {@code migrate} unless the database records {@code scriptsSha256} and the history it has now
     *
     * @return whether {@code migrate} ran
     */
    public boolean migrateIfChanged(String scriptsSha256, Runnable migrate) {
        if (unchanged(scriptsSha256)) {
            log.info("Schemat bazy zgodny z ostatnią migracją (te same skrypty sql/migration i historia): Flyway pominięty");
            return false;
        }
        migrate.run();
        jdbc.update("INSERT INTO " + fingerprintTable + " (id, scripts_sha256, history_md5) VALUES (1, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET scripts_sha256 = excluded.scripts_sha256, "
                + "history_md5 = excluded.history_md5, recorded_at = now()", scriptsSha256, historyMd5());
        return true;
    }

    private boolean unchanged(String scriptsSha256) {
        Boolean tablesExist = jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL AND to_regclass(?) IS NOT NULL",
                Boolean.class, fingerprintTable, historyTable);
        if (!Boolean.TRUE.equals(tablesExist)) {
            return false;
        }
        Boolean same = jdbc.query("SELECT scripts_sha256 = ? AND history_md5 = (" + HISTORY_MD5.formatted(historyTable)
                + ") FROM " + fingerprintTable + " WHERE id = 1", rs -> rs.next() ? rs.getBoolean(1) : null, scriptsSha256);
        return Boolean.TRUE.equals(same);
    }

    /** an SQL identifier as Flyway creates it on PostgreSQL: quoted, its case kept */
    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private String historyMd5() {
        return jdbc.queryForObject(HISTORY_MD5.formatted(historyTable), String.class);
    }

    /**
     * SHA-256 of every file under the {@code classpath:} locations (name relative to its location, and contents, in
     * name order) and of {@code settings} (Flyway's version and what decides which scripts it applies)
     */
    public static String scriptsSha256(List<String> classpathLocations, String settings) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                SchemaFingerprint.class.getClassLoader());
        MessageDigest sha = sha256();
        sha.update(settings.getBytes(StandardCharsets.UTF_8));
        try {
            for (String location : classpathLocations) {
                String folder = location.replaceFirst("^classpath:", "").replaceAll("^/+|/+$", "");
                Map<String, Resource> files = new TreeMap<>();
                for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*")) {
                    if (resource.isReadable()) {
                        String url = resource.getURL().toString();
                        files.put(url.substring(url.lastIndexOf(folder + "/") + folder.length() + 1), resource);
                    }
                }
                sha.update((byte) 0);
                sha.update(folder.getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, Resource> file : files.entrySet()) {
                    sha.update((byte) 0);
                    sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    try (InputStream in = file.getValue().getInputStream()) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
