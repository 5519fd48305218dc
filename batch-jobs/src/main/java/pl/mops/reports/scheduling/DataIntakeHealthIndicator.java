package pl.mops.reports.scheduling;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import pl.mops.reports.runs.DataJob;
import pl.mops.reports.runs.RunsCommand;

/**
 * {@code dataIntake} in {@code /actuator/health} (only {@code serve} exposes it): the newest snapshot (number, "stan
 * na", when it was created, its source), how many days its "stan na" is old and after how many it counts as stale
 * ({@code mops.dane.brak-nowych-po}), when new data are expected next (the next firing of each data entry, or why it
 * is off), and the last run and last scheduled run of the import and the extraction. DOWN (HTTP 503) when the data are
 * stale ({@link DataFreshness}), when the last scheduled import or extraction did not complete (e.g. a rejected
 * export: the notification hook was called too) or when a data entry's last check failed and waits for its retry;
 * UP otherwise (also with no snapshot yet).
 */
@Component
public class DataIntakeHealthIndicator implements HealthIndicator {

    private final DataFreshness freshness;
    private final DataIntake intake;
    private final Schedule schedule;
    private final LastRuns lastRuns;

    public DataIntakeHealthIndicator(DataFreshness freshness, DataIntake intake, Schedule schedule, LastRuns lastRuns) {
        this.freshness = freshness;
        this.intake = intake;
        this.schedule = schedule;
        this.lastRuns = lastRuns;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        boolean down = false;
        DataFreshness.State state = freshness.state();
        ZoneId zone = schedule.zone();
        health.withDetail("newestSnapshot", state.newest().<Object>map(s -> {
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("id", s.id());
            snapshot.put("asOf", s.coverage().asOf().toString());
            snapshot.put("createdAt", s.createdAt().atZoneSameInstant(zone).toOffsetDateTime().toString());
            snapshot.put("source", s.source());
            return snapshot;
        }).orElse("none"));
        if (state.newest().isPresent()) {
            health.withDetail("daysSinceAsOf", state.daysSinceAsOf());
        }
        health.withDetail("staleAfterDays", state.limitDays());
        health.withDetail("stale", state.stale());
        if (state.stale()) {
            health.withDetail("staleMessage", state.staleMessage());
            down = true;
        }
        Map<String, Object> next = new LinkedHashMap<>();
        ZonedDateTime earliest = null;
        for (DataEntry entry : schedule.dataEntries()) {
            ZonedDateTime at = intake.nextFiring(entry);
            next.put(entry.kind().configName(), !entry.enabled() ? entry.disabledReason()
                    : at == null ? "nigdy" : at.toOffsetDateTime().toString());
            if (at != null && (earliest == null || at.isBefore(earliest))) {
                earliest = at;
            }
        }
        health.withDetail("nextExpected", next.isEmpty() ? "brak wpisów wymiana i extract w harmonogramie" : next);
        if (earliest != null) {
            health.withDetail("nextDataCheck", earliest.toOffsetDateTime().toString());
        }
        Map<DataJob, LastRuns.Run> last = lastRuns.lastPerDataJob(false);
        Map<DataJob, LastRuns.Run> scheduled = lastRuns.lastPerDataJob(true);
        for (DataJob job : DataJob.values()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("lastRun", describe(last.get(job), zone));
            details.put("lastScheduledRun", describe(scheduled.get(job), zone));
            health.withDetail(job.configName(), details);
            down |= scheduled.get(job) != null && scheduled.get(job).failed();
        }
        Map<String, Object> failed = new LinkedHashMap<>();
        intake.pendingFailures().forEach((kind, failure) -> failed.put(kind.configName(),
                Map.of("at", failure.at().toString(), "message", failure.message())));
        if (!failed.isEmpty()) {
            health.withDetail("failedChecks", failed);
            down = true;
        }
        return down ? health.down().build() : health.build();
    }

    private static Object describe(LastRuns.Run run, ZoneId zone) {
        if (run == null) {
            return "none";
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("execution", run.executionId());
        details.put("parameters", run.parameters());
        details.put("status", run.status());
        details.put("end", run.end() == null ? "" : run.end().toString());
        details.put("launchedBy", run.launchedBy() == null ? "" : run.launchedBy());
        String outcome = RunsCommand.outcome(run.jobName(), run.status(), run.exitMessage());
        if (outcome != null) {
            details.put("outcome", outcome);
        }
        String failure = RunsCommand.failure(run.status(), run.exitMessage());
        if (failure != null) {
            details.put("error", failure);
        }
        return details;
    }
}
