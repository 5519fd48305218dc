package pl.mops.reports.runs;

import java.sql.Array;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.system.TextWrap;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.rendering.WrittenFile;

/**
 * {@code runs [--zadanie monthly|mrpips03|ozps|import|extract] [--od RRRR-MM-DD] [--ostatnie N]}: the latest job executions, newest
 * first — number, job, status in Polish, start and end in {@code mops.time-zone}, duration, who launched them — and
 * under each, indented, the parameters a clerk needs, the files and, for a run that did not complete, the first line
 * of its failure. Every line fits in 120 columns (long values are wrapped, not cut). Spring Batch's times are read
 * as the wall clock of this JVM's default zone (how it wrote them, see {@link PolishTimes}); {@code --od} is a day in
 * {@code mops.time-zone}.
 */
@Component
public class RunsCommand implements CliCommand {

    static final int DEFAULT_LAST = 30;
    static final String INDENT = " ".repeat(8);
    private static final String COLUMNS = "%-7s %-9s %-13s %-19s  %-19s  %-9s ";

    /** One job execution as {@code runs} shows it; times as Spring Batch stores them (see {@link PolishTimes}). */
    record Run(long executionId, String jobName, String status, LocalDateTime start, LocalDateTime end,
               Map<String, String> parameters, String launchedBy, String exitMessage, List<String> files,
               String version) {

        Run(long executionId, String jobName, String status, LocalDateTime start, LocalDateTime end,
            Map<String, String> parameters, String launchedBy, String exitMessage, List<String> files) {
            this(executionId, jobName, status, start, end, parameters, launchedBy, exitMessage, files, null);
        }
    }

    private final JdbcTemplate jdbc;
    private final RunHistory history;
    private final Console console;
    private final MopsProperties properties;

    public RunsCommand(JdbcTemplate jdbc, RunFileRepository runFiles, Console console, MopsProperties properties) {
        this.jdbc = jdbc;
        this.history = new RunHistory(jdbc, runFiles);
        this.console = console;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        Optional<String> job = line.option("zadanie").map(name -> JobNames.batchJobNameOfUserName(name).orElseThrow(
                () -> new UserError("Nieznane zadanie \"" + name + "\". Dostępne: " + JobNames.CHOICES + ".", ExitCode.INVALID_INPUT, null)));
        Optional<LocalDate> from = line.option("od", LocalDate::parse, "data w postaci RRRR-MM-DD, np. 2025-03-31");
        int last = line.option("ostatnie", Integer::valueOf, "liczba całkowita dodatnia").orElse(DEFAULT_LAST);
        if (last < 1) {
            throw new UserError("Nieprawidłowa wartość opcji --ostatnie: \"" + last + "\" (oczekiwano: liczba całkowita "
                    + "dodatnia).", ExitCode.INVALID_INPUT, null);
        }
        ZoneId zone = properties.timeZone();
        List<Run> runs = load(job, from.map(day -> PolishTimes.toBatch(day.atStartOfDay(zone).toInstant(),
                ZoneId.systemDefault())), last);
        if (runs.isEmpty()) {
            console.line(job.isEmpty() && from.isEmpty() ? "Nie uruchomiono jeszcze żadnego zadania."
                    : "Brak uruchomień" + job.map(j -> " zadania " + JobNames.configNameOf(j) + " ("
                    + JobNames.polishNameOf(j) + ")").orElse("")
                    + from.map(day -> " od " + PolishTimes.date(day)).orElse("") + ".");
            return ExitCode.SUCCESS;
        }
        lines(runs, ZoneId.systemDefault(), zone).forEach(console::line);
        if (runs.size() == last) {
            console.line("Pokazano " + last + " " + PolishPlural.of(last, "ostatnie uruchomienie", "ostatnie uruchomienia",
                    "ostatnich uruchomień") + "; wcześniejsze: --ostatnie N albo --od RRRR-MM-DD.");
        }
        return ExitCode.SUCCESS;
    }

    /**
     * @param startedFrom runs started at this Spring Batch time or later (the day's start in {@code mops.time-zone}
     *                    as this JVM's wall clock, which is how the times are stored)
     */
    private List<Run> load(Optional<String> job, Optional<LocalDateTime> startedFrom, int last) {
        List<RunHistory.Run> runs = history.runs(new RunHistory.Query(job, startedFrom, Optional.empty(), last, 0));
        Map<Long, String> versions = returnVersions(runs.stream().map(RunHistory.Run::executionId).toList());
        return runs.stream().map(r -> new Run(r.executionId(), r.jobName(), r.status(), r.start(), r.end(),
                r.parameters(), r.launchedBy(), r.exitMessage(), r.files().stream().map(WrittenFile::path)
                .map(Object::toString).toList(), versions.get(r.executionId()))).toList();
    }

    /**
     * per MRPiPS-03 execution: which version of the return it computed and whether that version was submitted (who,
     * when), e.g. "wersja: korekta nr 1, wersja robocza 2; gotowe do wysłania; ZŁOŻONE 05.02.2027 10:15 (jan)"
     */
    private Map<Long, String> returnVersions(List<Long> ids) {
        Map<Long, String> versions = new HashMap<>();
        if (ids.isEmpty()) {
            return versions;
        }
        jdbc.query("""
                SELECT e.job_execution_id, r.correction, r.draft, r.readiness, s.submitted_at, s.submitted_by
                  FROM batch_job_execution e
                  JOIN mrpips03_return r ON r.job_instance_id = e.job_instance_id
                  LEFT JOIN mrpips03_submission s ON s.return_id = r.id
                 WHERE e.job_execution_id = ANY (?)""", ps -> {
            Array array = ps.getConnection().createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
        }, rs -> {
            int correction = rs.getInt(2);
            int draft = rs.getInt(3);
            String readiness = rs.getString(4);
            java.time.OffsetDateTime submitted = rs.getObject(5, java.time.OffsetDateTime.class);
            versions.put(rs.getLong(1), "wersja: " + (correction == 0 ? "sprawozdanie pierwotne" : "korekta nr " + correction)
                    + (draft > 1 ? ", wersja robocza " + draft : "")
                    + (readiness == null ? "" : "; " + switch (readiness) {
                        case "GOTOWE" -> "gotowe do wysłania";
                        case "GOTOWE_Z_ZASTRZEZENIEM" -> "gotowe z zastrzeżeniem";
                        default -> "niegotowe do wysłania";
                    })
                    + (submitted == null ? "" : "; ZŁOŻONE " + PolishTimes.minutes(submitted.atZoneSameInstant(
                    properties.timeZone())) + " (" + rs.getString(6) + ")"));
        });
        return versions;
    }

    /** the listing: a header and, per run, a line of columns and its indented details, none over 120 columns */
    static List<String> lines(List<Run> runs, ZoneId storedZone, ZoneId shownZone) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, COLUMNS, "nr", "zadanie", "status", "start", "koniec", "czas")
                + "uruchomił");
        for (Run run : runs) {
            ZonedDateTime start = PolishTimes.ofBatch(run.start(), storedZone, shownZone);
            ZonedDateTime end = PolishTimes.ofBatch(run.end(), storedZone, shownZone);
            String duration = start != null && end != null ? PolishTimes.duration(Duration.between(start, end)) : "";
            String columns = String.format(Locale.ROOT, COLUMNS, run.executionId(), jobName(run.jobName()),
                    PolishStatus.of(run.status()), PolishTimes.seconds(start), PolishTimes.seconds(end), duration);
            lines.addAll(TextWrap.wrap(columns, INDENT, run.launchedBy() == null ? "" : run.launchedBy(), TextWrap.WIDTH));
            String parameters = RunParameters.forClerk(run.parameters());
            if (!parameters.isEmpty()) {
                lines.addAll(TextWrap.wrap(INDENT, INDENT, parameters, TextWrap.WIDTH));
            }
            if (run.version() != null) {
                lines.addAll(TextWrap.wrap(INDENT, INDENT, run.version(), TextWrap.WIDTH));
            }
            String outcome = outcome(run.jobName(), run.status(), run.exitMessage());
            if (outcome != null) {
                lines.addAll(TextWrap.wrap(INDENT + "wynik: ", INDENT + "       ", outcome, TextWrap.WIDTH));
            }
            String failure = failure(run.status(), run.exitMessage());
            if (failure != null) {
                lines.addAll(TextWrap.wrap(INDENT + "błąd: ", INDENT + "      ", failure, TextWrap.WIDTH));
            }
            for (String file : run.files()) {
                lines.addAll(TextWrap.wrap(INDENT + "plik: ", INDENT + "      ", List.of(file), TextWrap.WIDTH));
            }
        }
        return lines.stream().map(String::stripTrailing).toList();
    }

    /**
     * {@code monthly} for {@code monthlyStatistics} (as the user names it in {@code run}), {@code import} for
     * {@code snapshotImport}, other jobs as they are
     */
    private static String jobName(String batchJobName) {
        return JobNames.configNameOf(batchJobName);
    }

    /**
     * what a completed data job did (its exit description, e.g. "nowa migawka nr 5 …"): the snapshot is the result of
     * an import, not one of its parameters
     */
    public static String outcome(String batchJobName, String status, String exitMessage) {
        if (!"COMPLETED".equals(status) || DataJob.ofBatchJobName(batchJobName).isEmpty() || exitMessage == null
                || exitMessage.isBlank()) {
            return null;
        }
        return RunFailureReport.mask(exitMessage.strip().lines().findFirst().orElse(""));
    }

    /**
     * the first line of a failed run's exit message, without the exception class, masked and at most 300 characters;
     * none for a run stopped on request (Spring Batch's "JobInterruptedException" is not an error to a clerk)
     */
    public static String failure(String status, String exitMessage) {
        if ("COMPLETED".equals(status) || status == null || status.startsWith("START") || status.startsWith("STOP")
                || exitMessage == null || exitMessage.isBlank()) {
            return null;
        }
        String first = exitMessage.strip().lines().findFirst().orElse("");
        first = first.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        first = RunFailureReport.mask(first);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
