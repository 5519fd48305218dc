package pl.mops.reports.importing.staging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A {@code COPY … FROM STDIN} in progress on the import's connection, fed row by row in batches,
 * so a file of any size goes to PostgreSQL with constant memory.
 */
public final class CopyStream implements AutoCloseable {

    private static final int FLUSH_CHARS = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder pending = new StringBuilder(FLUSH_CHARS + 4096);
    private long rows;
    private boolean finished;

    public CopyStream(Connection connection, String table, java.util.List<String> columns) throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList())
                + ") FROM STDIN";
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    public void row(Object... values) throws SQLException {
        CopyText.appendRow(pending, values);
        rows++;
        if (pending.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (pending.length() > 0) {
            byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            pending.setLength(0);
        }
    }

    /** sends the rest and ends the COPY */
    public long finish() throws SQLException {
        flush();
        finished = true;
        copy.endCopy();
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (!finished && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
