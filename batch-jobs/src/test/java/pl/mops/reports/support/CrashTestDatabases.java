package pl.mops.reports.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Databases for the crash-safety tests, on the shared test PostgreSQL: a template database with the hand-made set
 * {@code statistics/monthly-small} imported once ({@code import --dir}), and a fresh copy of it per test case
 * ({@code CREATE DATABASE … TEMPLATE}), so every case starts from the same state with the same identifiers. The
 * reference files are the three jobs run once, uninterrupted, on their own copy; all runs share one home folder
 * (the same pseudonym key and template cache).
 */
public final class CrashTestDatabases {

    public static final String MONTH = "2025-03";
    public static final String PERIOD = "2025-P";
    public static final String YEAR = "2025";
    private static final String TEMPLATE = "crash_template";

    private static Path home;
    private static Path reference;

    private CrashTestDatabases() {
    }

    public static synchronized Path home() {
        if (home == null) {
            try {
                home = Files.createTempDirectory("mops-crash-home");
                try (InputStream in = CrashTestDatabases.class.getResourceAsStream("/ozps/zasoby-2025.yaml")) {
                    Files.copy(in, home.resolve("zasoby-2025.yaml"));
                }
                SharedPostgres.freshDatabase(TEMPLATE);
                CommandLineRun.Outcome imported = CommandLineRun.launchOn(url(TEMPLATE), home, "import", "--dir",
                        resource("/statistics/monthly-small").toString(), "--out", home.resolve("import").toString());
                assertThat(imported.exitCode()).as(imported.err()).isZero();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    /** a new database copied from the template; returns its JDBC URL */
    public static synchronized String fresh(String name) {
        home();
        SharedPostgres.freshDatabase(name, TEMPLATE);
        return url(name);
    }

    /** the command line of a job writing into {@code out}: "monthly", "mrpips03" or "ozps" */
    public static String[] run(String job, Path out, String... more) {
        List<String> args = switch (job) {
            case "monthly" -> List.of("run", "monthly", "--month", MONTH);
            case "mrpips03" -> List.of("run", "mrpips03", "--period", PERIOD);
            case "ozps" -> List.of("run", "ozps", "--year", YEAR, "--resources", home().resolve("zasoby-2025.yaml").toString());
            default -> throw new IllegalArgumentException(job);
        };
        return Stream.of(args, List.of("--out", out.toString()), List.of(more)).flatMap(List::stream).toArray(String[]::new);
    }

    /** the folder with {@code monthly/}, {@code mrpips03/}, {@code ozps/}: the files of uninterrupted runs */
    public static synchronized Path reference() {
        if (reference == null) {
            try {
                Path dir = Files.createTempDirectory("mops-crash-reference");
                String url = fresh("crash_reference");
                for (String job : List.of("monthly", "mrpips03", "ozps")) {
                    CommandLineRun.Outcome outcome = CommandLineRun.launchOn(url, home(), run(job, dir.resolve(job)));
                    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                }
                reference = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    public static String url(String database) {
        return SharedPostgres.jdbcUrl().replace("/postgres?", "/" + database + "?");
    }

    /**
     * the first execution of the report jobs in a database copied from the template (whose own import, a job since
     * {@code import} is {@code snapshotImport}, came before it)
     */
    public static long firstReportExecution(String database) {
        return count(database, "SELECT min(e.job_execution_id) FROM batch_job_execution e JOIN batch_job_instance i "
                + "ON i.job_instance_id = e.job_instance_id WHERE i.job_name <> 'snapshotImport'");
    }

    /** the same count restricted to the report jobs' executions ({@code batch_job_execution} as {@code e}) */
    public static String reportExecutions(String condition) {
        return "SELECT count(*) FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id "
                + "WHERE i.job_name <> 'snapshotImport' AND " + condition;
    }

    public static long count(String database, String sql) {
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same file names, and every file byte for byte the same; in the auditors' package every entry but the
     * manifest (it records times and run numbers).
     */
    public static void assertSameFiles(Path expected, Path actual) throws IOException {
        assertThat(names(actual)).isEqualTo(names(expected));
        for (String name : names(expected)) {
            if (name.endsWith(".zip")) {
                assertThat(zipEntries(actual.resolve(name))).as(name).isEqualTo(zipEntries(expected.resolve(name)));
            } else {
                assertThat(Files.readAllBytes(actual.resolve(name))).as(name)
                        .isEqualTo(Files.readAllBytes(expected.resolve(name)));
            }
        }
    }

    /** the names of the files in a folder (hidden temporary files included, so that leftovers show) */
    public static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> zipEntries(Path zip) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().equals("manifest.json")) {
                    entries.put(entry.getName(), java.util.HexFormat.of().formatHex(
                            sha256(in.readAllBytes())));
                }
            }
        }
        return entries;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(CrashTestDatabases.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
