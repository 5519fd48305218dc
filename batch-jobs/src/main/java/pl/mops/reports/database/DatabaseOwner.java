package pl.mops.reports.database;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds the embedded database: the content of the lock file {@code $MOPS_HOME/pgdata.lock} ({@link OwnerLock}),
 * written by the owner once it holds the lock, one {@code key=value} a line, e.g.
 * <pre>
 * # Wbudowana baza danych (pgdata) jest w użyciu; blokadę zwalnia zakończenie procesu.
 * command=./mops-reports serve --port 8086
 * pid=4242
 * started=2026-12-05T20:13:07+01:00
 * user=jan
 * host=serwer1
 * port=38211
 * </pre>
 * {@code port} (of the embedded PostgreSQL server) appears once the server runs. The command is already masked
 * (no passwords) and short.
 */
public record DatabaseOwner(String command, long pid, OffsetDateTime started, String user, String host, Integer port) {

    private static final String HEADER = "# Wbudowana baza danych (pgdata) jest w użyciu; blokadę zwalnia zakończenie procesu.";

    public DatabaseOwner {
        command = oneLine(command);
        user = oneLine(user);
        host = oneLine(host);
    }

    public DatabaseOwner withPort(int serverPort) {
        return new DatabaseOwner(command, pid, started, user, host, serverPort);
    }

    /** the file content */
    public String format() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("command=").append(command).append('\n');
        text.append("pid=").append(pid).append('\n');
        text.append("started=").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        text.append("user=").append(user).append('\n');
        text.append("host=").append(host).append('\n');
        if (port != null) {
            text.append("port=").append(port).append('\n');
        }
        return text.toString();
    }

    /**
     * The owner named by a lock file's content; empty when the content is empty (no owner yet, or the owner has not
     * written it yet) or incomplete (being rewritten). Comments and unknown keys are ignored.
     */
    public static Optional<DatabaseOwner> parse(String content) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : content.split("\n")) {
            String stripped = line.strip();
            int eq = stripped.indexOf('=');
            if (stripped.isEmpty() || stripped.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(stripped.substring(0, eq).strip(), stripped.substring(eq + 1).strip());
        }
        try {
            String pid = values.get("pid");
            String started = values.get("started");
            if (pid == null || started == null || !values.containsKey("host")) {
                return Optional.empty();
            }
            String port = values.get("port");
            return Optional.of(new DatabaseOwner(values.getOrDefault("command", "?"), Long.parseLong(pid),
                    OffsetDateTime.parse(started, DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    values.getOrDefault("user", "?"), values.get("host"),
                    port == null || port.isEmpty() ? null : Integer.valueOf(port)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String oneLine(String value) {
        return value == null || value.isBlank() ? "?" : value.replaceAll("[\\p{Cntrl}]", " ").strip();
    }
}
