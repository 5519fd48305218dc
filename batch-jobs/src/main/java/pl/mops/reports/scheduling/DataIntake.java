package pl.mops.reports.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.ExtractJobParameters;
import pl.mops.reports.importing.ImportResult;
import pl.mops.reports.importing.SnapshotImporter;
import pl.mops.reports.importing.SnapshotJobs;
import pl.mops.reports.importing.SourceSettings;
import pl.mops.reports.importing.wymiana.DropFolder;
import pl.mops.reports.runs.DataJob;

/**
 * The data entries of the schedule ({@link DataEntry}), run by {@code serve} at each check before the report
 * catch-up ({@link CatchUp}), so that a period covered by a snapshot that has just come in runs in the same check.
 * <p>
 * An entry is due when one of its firings came after the last firing it served: missed firings are not repeated one by
 * one (a check of the folder or a read of the database sees everything that is there now). What was served:
 * <ul>
 * <li>{@code wymiana}: nothing when {@code serve} starts — the folder is checked at once — then the last firing
 *     checked;</li>
 * <li>{@code extract}: the newest firing a scheduled extraction completed for (its job parameter {@code firing}), so
 *     a night missed while {@code serve} was down is made up for when it starts; on an installation without any,
 *     the last firing before the start (no extraction at the first start of the day).</li>
 * </ul>
 * An attempt that failed (no database, the source unreachable, a file error) is retried after {@code ponowienie-po};
 * one another process holds the lock of (an import running elsewhere) at the next check. Each export taken from the
 * folder and each extraction is a job ({@code snapshotImport}, {@code snapshotExtract}) launched by "harmonogram",
 * notified by the job's listener when it fails.
 */
@Component
public class DataIntake {

    private static final Logger log = LoggerFactory.getLogger(DataIntake.class);

    /** What one data entry did at one check: lines in Polish for the console of {@code serve}. */
    public record Attempt(IntakeKind kind, ZonedDateTime firing, boolean failed, List<String> lines) {
    }

    /** A data entry whose last attempt failed. */
    public record Failure(Instant at, String message) {
    }

    private final Schedule schedule;
    private final Clock clock;
    private final DropFolder dropFolder;
    private final SnapshotJobs jobs;
    private final SnapshotImporter importer;
    private final SourceSettings source;
    private final JdbcTemplate jdbc;
    private final Map<IntakeKind, ZonedDateTime> served = new ConcurrentHashMap<>();
    private final Map<IntakeKind, Failure> failures = new ConcurrentHashMap<>();
    private volatile boolean started;

    public DataIntake(Schedule schedule, Clock clock, DropFolder dropFolder, SnapshotJobs jobs, SnapshotImporter importer,
                      SourceSettings source, JdbcTemplate jdbc) {
        this.schedule = schedule;
        this.clock = clock;
        this.dropFolder = dropFolder;
        this.jobs = jobs;
        this.importer = importer;
        this.source = source;
        this.jdbc = jdbc;
    }

    /** runs every enabled data entry that is due, in the order of the schedule, until done or {@code stop} */
    public List<Attempt> runDue(BooleanSupplier stop) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(schedule.zone()));
        if (!started) {
            start(now);
        }
        List<Attempt> attempts = new ArrayList<>();
        for (DataEntry entry : schedule.enabledDataEntries()) {
            if (stop.getAsBoolean()) {
                break;
            }
            Optional<ZonedDateTime> firing = dueFiring(entry, now);
            if (firing.isEmpty()) {
                continue;
            }
            Failure failed = failures.get(entry.kind());
            if (failed != null && now.toInstant().isBefore(failed.at().plus(schedule.retryAfter()))) {
                continue;
            }
            attempts.add(attempt(entry, firing.get(), now));
        }
        return attempts;
    }

    /** the data entries whose last attempt failed (for health) */
    public Map<IntakeKind, Failure> pendingFailures() {
        return Map.copyOf(failures);
    }

    /** the next firing of an entry by the scheduler's clock ({@code null} when it is disabled or never fires) */
    public ZonedDateTime nextFiring(DataEntry entry) {
        return entry.enabled() ? entry.nextFiring(ZonedDateTime.now(clock.withZone(schedule.zone()))) : null;
    }

    private void start(ZonedDateTime now) {
        for (DataEntry entry : schedule.enabledDataEntries()) {
            if (entry.kind() == IntakeKind.DATABASE) {
                served.put(entry.kind(), lastServedExtraction().orElseGet(() -> lastFiringUpTo(entry, now, null)
                        .orElse(now)));
            }
            // the drop folder: nothing served yet, checked at once
        }
        started = true; // (a database unreachable at the first check: started again at the next)
    }

    /** the last firing up to now that came after the last one served; empty when none */
    private Optional<ZonedDateTime> dueFiring(DataEntry entry, ZonedDateTime now) {
        ZonedDateTime last = served.get(entry.kind());
        if (last == null) {
            return Optional.of(now); // first check of the drop folder: at once
        }
        return lastFiringUpTo(entry, now, last);
    }

    /** the last firing in {@code (after, now]} ({@code after == null}: in the day before now) */
    private static Optional<ZonedDateTime> lastFiringUpTo(DataEntry entry, ZonedDateTime now, ZonedDateTime after) {
        ZonedDateTime from = after == null ? now.minusDays(1) : after;
        ZonedDateTime found = null;
        int guard = 0;
        for (ZonedDateTime at = entry.nextFiring(from); at != null && !at.isAfter(now) && guard < 1_000_000;
             at = entry.nextFiring(at), guard++) {
            found = at;
        }
        return Optional.ofNullable(found);
    }

    private Attempt attempt(DataEntry entry, ZonedDateTime firing, ZonedDateTime now) {
        List<String> lines = new ArrayList<>();
        try {
            boolean heldElsewhere = switch (entry.kind()) {
                case DROP_FOLDER -> checkDropFolder(lines);
                case DATABASE -> extract(firing, lines);
            };
            failures.remove(entry.kind());
            if (!heldElsewhere) {
                served.put(entry.kind(), firing);
            }
            return new Attempt(entry.kind(), firing, false, lines);
        } catch (RuntimeException e) {
            UserError error = FailureTranslator.toUserError(e);
            failures.put(entry.kind(), new Failure(now.toInstant(), error.getMessage()));
            log.warn("Harmonogram: {} nie powiodło się (następna próba za {} min): {}", entry.kind().polishName(),
                    schedule.retryAfter().toMinutes(), error.getMessage(), e);
            lines.add(entry.kind().polishName() + ": BŁĄD — " + error.getMessage() + " Następna próba za "
                    + schedule.retryAfter().toMinutes() + " min.");
            return new Attempt(entry.kind(), firing, true, lines);
        }
    }

    /** @return {@code false}: a folder another process is checking counts as checked (that process checked it) */
    private boolean checkDropFolder(List<String> lines) {
        DropFolder.Check check = dropFolder.check(CatchUp.LAUNCHED_BY, SnapshotImporter.Progress.NONE, outcome -> {
            switch (outcome.status()) {
                case ACCEPTED, ACCEPTED_SAME, REJECTED, FAILED, HELD_ELSEWHERE ->
                        lines.add("folder wymiany: " + outcome.describe());
                default -> log.debug("Folder wymiany: {}", outcome.describe());
            }
        }, schedule.retryAfter());
        if (check.busy()) {
            log.info("Harmonogram: folder wymiany sprawdza właśnie inny proces.");
        }
        check.removedFromArchive().forEach(name -> lines.add("folder wymiany: z archiwum usunięto " + name
                + " (starsze niż mops.wymiana.przechowywanie-miesiecy)"));
        return false;
    }

    /** @return whether another process is importing (tried again at the next check) */
    private boolean extract(ZonedDateTime firing, List<String> lines) {
        try {
            ImportResult result = jobs.extract(new SnapshotJobs.ExtractRequest(source.url(), source.schema(), source.user(),
                    importer.defaultOutputDir(), null, firing.toOffsetDateTime().toString(), CatchUp.LAUNCHED_BY,
                    false, SnapshotImporter.Progress.NONE));
            lines.add(IntakeKind.DATABASE.polishName() + ": " + (result.reused()
                    ? "bez nowej migawki — dane identyczne z migawką nr " + result.snapshot().id()
                    : "nowa migawka nr " + result.snapshot().id()) + " (zakres danych "
                    + result.snapshot().coverage().span() + ").");
            return false;
        } catch (UserError e) {
            if (e.exitCode() == 5) {
                lines.add(IntakeKind.DATABASE.polishName() + ": " + e.getMessage() + " Następna próba przy kolejnym "
                        + "sprawdzeniu.");
                return true;
            }
            throw e;
        }
    }

    /** the newest firing a scheduled extraction completed for */
    private Optional<ZonedDateTime> lastServedExtraction() {
        List<String> firings = jdbc.queryForList("""
                SELECT p.parameter_value FROM batch_job_execution_params p
                  JOIN batch_job_execution e ON e.job_execution_id = p.job_execution_id
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                 WHERE i.job_name = ? AND e.status = 'COMPLETED' AND p.parameter_name = ?""", String.class,
                DataJob.EXTRACT.batchJobName(), ExtractJobParameters.FIRING);
        return firings.stream().map(f -> {
            try {
                return OffsetDateTime.parse(f).atZoneSameInstant(schedule.zone());
            } catch (RuntimeException e) {
                return null;
            }
        }).filter(f -> f != null).max(ZonedDateTime::compareTo);
    }
}
