package pl.mops.reports.importing.staging;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Row-level rejects found while a file is being copied into staging (the connection is busy with
 * that COPY), spooled to a temporary file in COPY text format and copied into
 * {@code import_reject} when the file is done (one spool per file). Constant memory however bad
 * the file is.
 */
public final class RejectSpool implements AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;
    private final StringBuilder row = new StringBuilder(256);
    private long count;

    public RejectSpool() {
        try {
            file = Files.createTempFile("mops-import-rejects", ".copy");
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(String fileName, long line, String column, String value, String message) {
        row.setLength(0);
        CopyText.appendRow(row, fileName, line, column, value, message);
        try {
            writer.write(row.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
    }

    public long count() {
        return count;
    }

    /** copies the spooled rejects into {@code import_reject} (once, when the file is done) */
    public void copyInto(Connection connection) throws SQLException {
        try {
            writer.flush();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY import_reject (file, line, col, value, message) FROM STDIN", reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
