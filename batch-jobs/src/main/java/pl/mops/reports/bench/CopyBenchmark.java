package pl.mops.reports.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * The reference for the import: plain PostgreSQL {@code COPY … FROM STDIN} of a CSV file (what {@code psql \copy}
 * does, through the driver's {@code CopyManager}) into an unlogged table of text columns named as the file's header,
 * no checks, no conversion, no keys; the table is dropped afterwards.
 */
@Component
public class CopyBenchmark {

    private final DataSource dataSource;

    public CopyBenchmark(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** COPY of one file; {@code rows} is what the server reports */
    public BenchmarkReport.Copy copy(Path csv) {
        String header = header(csv);
        char separator = header.indexOf(';') >= 0 ? ';' : ',';
        List<String> columns = new ArrayList<>();
        for (String name : header.split(String.valueOf(separator), -1)) {
            columns.add("\"" + name.strip().replace("\"", "") + "\" text");
        }
        String table = "bench_copy_" + csv.getFileName().toString().replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE UNLOGGED TABLE " + table + " (" + String.join(", ", columns) + ")");
            try {
                long start = System.nanoTime();
                long rows;
                try (InputStream in = Files.newInputStream(csv)) {
                    rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table
                            + " FROM STDIN (FORMAT csv, HEADER true, DELIMITER '" + separator + "', ENCODING 'UTF8')", in, 1 << 16);
                }
                return new BenchmarkReport.Copy(rows, (System.nanoTime() - start) / 1e9);
            } finally {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY " + csv + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** the first line without a BOM */
    private static String header(Path csv) {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalStateException("pusty plik " + csv);
            }
            return line.startsWith("\uFEFF") ? line.substring(1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
