package pl.mops.reports.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.csv.ImportFileError;

/**
 * {@code extract}: reads the tables or views of a source PostgreSQL schema named like the files
 * of the contract ({@code osoby}, {@code rodziny}, …, optional {@code plan}, {@code kontrakty} and
 * {@code wsparcie}) with the same columns, writes them as CSV files with {@code COPY … TO STDOUT} (streamed, constant memory,
 * rows ordered by all their columns so the same data gives the same bytes and the same
 * fingerprint) into a temporary folder, and imports that folder exactly like {@code import}:
 * the same validation, rejects and guarantees. Line numbers in the rejects are those of the
 * extracted files (line 2 = the first row in that order). Column types: {@code boolean} becomes
 * {@code 1}/{@code 0}, {@code timestamp} a date, an array (the markers {@code cechy} as {@code text[]}) its
 * elements joined with {@code |} — a text column with {@code |} is taken as it is.
 * <p>
 * The moment of the read is the source's {@code now()} inside that transaction; without {@code --stan-na} its day in
 * {@code mops.time-zone} is the snapshot's "stan na" (never later than today here: a source clock a little ahead at
 * midnight does not make the data "from the future"). A URL with a password in it is refused: the password comes
 * from {@link SourcePassword}, never from the URL, the command line or a job parameter.
 */
@Component
public class SourceDatabaseExtractor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SourceDatabaseExtractor.class);

    private final SnapshotImporter importer;
    private final MopsProperties properties;

    public SourceDatabaseExtractor(SnapshotImporter importer, MopsProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    public ImportResult extract(String url, String schema, String user, String password, Path outDir,
            SnapshotImporter.Progress progress) {
        return extract(url, schema, user, password, outDir, progress, null);
    }

    /** @param asOf the "stan na" of the data ({@code --stan-na}); {@code null} = the day the source was read */
    public ImportResult extract(String url, String schema, String user, String password, Path outDir,
            SnapshotImporter.Progress progress, java.time.LocalDate asOf) {
        return extractWithMoment(url, schema, user, password, outDir, progress, asOf,
                pl.mops.reports.importing.validation.RowLoss.Check.CHECKED).result();
    }

    /** @param rowLoss whether an extract that looks incomplete is refused ({@code --potwierdz-ubytek}: not) */
    public ImportResult extract(String url, String schema, String user, String password, Path outDir,
            SnapshotImporter.Progress progress, java.time.LocalDate asOf,
            pl.mops.reports.importing.validation.RowLoss.Check rowLoss) {
        return extractWithMoment(url, schema, user, password, outDir, progress, asOf, rowLoss).result();
    }

    /** The outcome of an extraction and the moment the source was read (its {@code now()} in the read's transaction). */
    public record Extraction(ImportResult result, java.time.OffsetDateTime readAt, java.time.LocalDate asOf) {
    }

    /**
     * the same, telling also when the source was read
     *
     * @param rowLoss whether an extract that looks incomplete is refused ({@code --potwierdz-ubytek}: not)
     */
    public Extraction extractWithMoment(String url, String schema, String user, String password, Path outDir,
            SnapshotImporter.Progress progress, java.time.LocalDate asOf,
            pl.mops.reports.importing.validation.RowLoss.Check rowLoss) {
        requireNoPasswordIn(url);
        Path dir;
        try {
            Files.createDirectories(properties.home());
            dir = Files.createTempDirectory(properties.home().toAbsolutePath(), "extract-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            java.time.OffsetDateTime readAt;
            try (Connection source = connect(url, user, password)) {
                source.setReadOnly(true);
                source.setAutoCommit(false);
                try (var statement = source.createStatement()) {
                    // one consistent view of the source for all tables
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    statement.execute("SET DateStyle = ISO");
                    try (ResultSet moment = statement.executeQuery("SELECT now()")) {
                        moment.next();
                        readAt = moment.getObject(1, java.time.OffsetDateTime.class);
                    }
                }
                for (ContractFile file : ContractFile.all()) {
                    Map<String, String> columns = columns(source, schema, file.baseName());
                    if (columns.isEmpty()) {
                        if (file.required()) {
                            throw new ImportFileError(file.fileName(), "w bazie źródłowej nie ma tabeli ani widoku "
                                    + schema + "." + file.baseName());
                        }
                        continue;
                    }
                    export(source, schema, file, columns, dir.resolve(file.fileName()));
                }
                source.rollback();
            }
            java.time.LocalDate stateOn = asOf;
            if (stateOn == null) {
                java.time.LocalDate read = readAt.atZoneSameInstant(properties.timeZone()).toLocalDate();
                java.time.LocalDate today = java.time.LocalDate.now(properties.timeZone());
                stateOn = read.isAfter(today) ? today : read;
            }
            log.info("Baza źródłowa {} schemat {} odczytana (REPEATABLE READ) w chwili {} — stan na {}", describe(url),
                    schema, readAt, stateOn);
            return new Extraction(importer.importDirectory(dir, source(url, schema), outDir, progress, false, stateOn,
                    rowLoss), readAt, stateOn);
        } catch (SQLException e) {
            throw new UserError("błąd odczytu bazy źródłowej " + describe(url) + ": " + e.getMessage(), ExitCode.DATABASE_UNAVAILABLE, e);
        } finally {
            deleteTree(dir);
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new UserError("Adres bazy źródłowej musi mieć postać jdbc:postgresql://HOST:PORT/BAZA, a jest: "
                    + describe(url), ExitCode.INVALID_INPUT, null);
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "mops-reports extract");
        props.setProperty("connectTimeout", "15");
        return DriverManager.getConnection(url, props);
    }

    /** contract columns present in the source relation, with their data types, in contract order */
    private static Map<String, String> columns(Connection source, String schema, String relation) throws SQLException {
        Map<String, String> present = new LinkedHashMap<>();
        try (PreparedStatement st = source.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
            st.setString(1, schema);
            st.setString(2, relation);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    present.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                }
            }
        }
        return present;
    }

    private static void export(Connection source, String schema, ContractFile file, Map<String, String> present,
            Path target) throws SQLException {
        List<String> select = new ArrayList<>();
        for (String column : file.acceptedColumns()) {
            String type = present.get(column);
            if (type == null) {
                continue;
            }
            String quoted = "\"" + column + "\"";
            if (type.equals("ARRAY")) {
                // a text[] (e.g. cechy): its elements joined with "|", as the file has them
                select.add("array_to_string(" + quoted + ", '|') AS " + quoted);
            } else if (type.equals("boolean")) {
                select.add("CASE WHEN " + quoted + " THEN '1' WHEN NOT " + quoted + " THEN '0' END AS " + quoted);
            } else if (type.startsWith("timestamp")) {
                select.add("CAST(" + quoted + " AS date) AS " + quoted);
            } else {
                select.add(quoted);
            }
        }
        if (select.isEmpty()) {
            throw new ImportFileError(file.fileName(), "relacja " + schema + "." + file.baseName()
                    + " nie ma żadnej z kolumn kontraktu (" + String.join(", ", file.acceptedColumns()) + ")");
        }
        String order = String.join(", ", java.util.stream.IntStream.rangeClosed(1, select.size()).mapToObj(Integer::toString).toList());
        String sql = "COPY (SELECT " + String.join(", ", select) + " FROM \"" + schema + "\".\"" + file.baseName()
                + "\" ORDER BY " + order + ") TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';', ENCODING 'UTF8')";
        try (OutputStream out = Files.newOutputStream(target)) {
            source.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** the snapshot's source (and the extraction job's identity): the URL without parameters and the schema */
    public static String source(String url, String schema) {
        return "db:" + describe(url) + " schemat " + schema;
    }

    /** a password belongs in {@link SourcePassword}, never in the URL (it would reach job parameters and logs) */
    public static void requireNoPasswordIn(String url) {
        if (url != null && java.util.regex.Pattern.compile("(?i)[?&;]password=").matcher(url).find()) {
            throw new UserError("Adres bazy źródłowej zawiera hasło (password=…). Hasła nie podaje się w adresie: ustaw je "
                    + "w zmiennej środowiskowej " + SourcePassword.ENVIRONMENT_VARIABLE + " albo w pliku "
                    + "mops.zrodlo.haslo-plik (tylko dla konta usługi).", ExitCode.INVALID_INPUT, null);
        }
    }

    /** the URL without credentials or parameters, for messages and the snapshot's source */
    static String describe(String url) {
        int query = url.indexOf('?');
        return query >= 0 ? url.substring(0, query) : url;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder in the home folder is harmless
        }
    }
}
