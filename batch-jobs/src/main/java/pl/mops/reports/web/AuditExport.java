package pl.mops.reports.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.rendering.csv.SafeCsv;
import pl.mops.reports.runs.PolishStatus;
import pl.mops.reports.runs.RunHistory;
import pl.mops.reports.runs.RunParameters;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.users.AuditLog;

/**
 * The audit log together with the runs, for a range of days in {@code mops.time-zone} (both days included), as one
 * ZIP: {@code przebiegi.csv} (runs started in the range: number, job, parameters, status, start, end, who launched
 * it) and {@code dziennik-zdarzen.csv} (the audit log's rows of the range). Both UTF-8 with BOM, {@code ;}, Polish
 * headers, every text cell neutralised against spreadsheet formulas ({@link SafeCsv}); rows oldest first (runs by
 * number, log rows by time and id), entries in a fixed order with a fixed time, so the same rows give the same bytes.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AuditExport {

    static final String RUNS = "przebiegi.csv";
    static final String LOG = "dziennik-zdarzen.csv";
    static final String[] RUNS_HEADER = {"nr", "zadanie", "parametry", "status", "start", "koniec", "uruchomił"};
    static final String[] LOG_HEADER = {"kiedy", "kto", "czynność", "adres", "szczegóły"};
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final int MAX_RUNS = 100_000;

    public record Export(byte[] zip, int runs, int logRows) {
    }

    private final RunHistory history;
    private final AuditLog audit;
    private final MopsProperties properties;

    public AuditExport(RunHistory history, AuditLog audit, MopsProperties properties) {
        this.history = history;
        this.audit = audit;
        this.properties = properties;
    }

    public Export export(LocalDate from, LocalDate to) throws IOException {
        ZoneId zone = properties.timeZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        ZoneId stored = ZoneId.systemDefault();
        List<RunHistory.Run> runs = new ArrayList<>(history.runs(new RunHistory.Query(Optional.empty(),
                Optional.of(PolishTimes.toBatch(start, stored)), Optional.of(PolishTimes.toBatch(end, stored)),
                MAX_RUNS, 0)));
        runs.sort(Comparator.comparingLong(RunHistory.Run::executionId));
        StringBuilder runsCsv = new StringBuilder("\uFEFF").append(line(RUNS_HEADER));
        for (RunHistory.Run run : runs) {
            runsCsv.append(line(String.valueOf(run.executionId()), run.polishJobName(),
                    RunParameters.forClerk(run.parameters()), PolishStatus.of(run.status()),
                    PolishTimes.seconds(PolishTimes.ofBatch(run.start(), stored, zone)),
                    PolishTimes.seconds(PolishTimes.ofBatch(run.end(), stored, zone)),
                    run.launchedBy() == null ? "" : run.launchedBy()));
        }
        List<AuditLog.Entry> entries = audit.between(start, end);
        StringBuilder logCsv = new StringBuilder("\uFEFF").append(line(LOG_HEADER));
        for (AuditLog.Entry entry : entries) {
            logCsv.append(line(PolishTimes.seconds(entry.at().atZone(zone)), entry.actor(), entry.polishAction(),
                    entry.address() == null ? "" : entry.address(), entry.details() == null ? "" : entry.details()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, RUNS, runsCsv.toString());
            put(zip, LOG, logCsv.toString());
        }
        return new Export(bytes.toByteArray(), runs.size(), entries.size());
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** one CSV line: each cell neutralised, quoted when it holds {@code ;}, a quote or a line break; CRLF */
    static String line(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(';');
            }
            String cell = SafeCsv.text(cells[i] == null ? "" : cells[i]);
            if (cell.indexOf(';') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            line.append(cell);
        }
        return line.append("\r\n").toString();
    }
}
