package pl.mops.reports.scheduling;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import pl.mops.reports.runs.ReportJob;

/**
 * {@code lastRuns} in {@code /actuator/health} (only {@code serve} exposes it): per job the last run and the last
 * scheduled run (execution, parameters, status, end), and the periods whose last scheduled attempt failed.
 * DOWN (HTTP 503) when the last scheduled run of a job did not complete or a scheduled period is waiting for a
 * retry after a failure — a monitoring system then sees the failure without reading logs; UP otherwise
 * (also when nothing has run yet).
 */
@Component
public class LastRunsHealthIndicator implements HealthIndicator {

    private final LastRuns lastRuns;
    private final CatchUp catchUp;

    public LastRunsHealthIndicator(LastRuns lastRuns, CatchUp catchUp) {
        this.lastRuns = lastRuns;
        this.catchUp = catchUp;
    }

    @Override
    public Health health() {
        Map<ReportJob, LastRuns.Run> last = lastRuns.lastPerJob(false);
        Map<ReportJob, LastRuns.Run> scheduled = lastRuns.lastPerJob(true);
        boolean down = false;
        Health.Builder health = Health.up();
        for (ReportJob job : ReportJob.values()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("lastRun", describe(last.get(job)));
            details.put("lastScheduledRun", describe(scheduled.get(job)));
            health.withDetail(job.configName(), details);
            down |= scheduled.get(job) != null && scheduled.get(job).failed();
        }
        Map<String, Object> failedPeriods = new LinkedHashMap<>();
        catchUp.pendingFailures().forEach((period, attempt) -> failedPeriods.put(period.toString(),
                Map.of("at", attempt.at().toString(), "message", attempt.message())));
        if (!failedPeriods.isEmpty()) {
            health.withDetail("failedPeriods", failedPeriods);
            down = true;
        }
        return down ? health.down().build() : health.build();
    }

    private static Object describe(LastRuns.Run run) {
        if (run == null) {
            return "none";
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("execution", run.executionId());
        details.put("parameters", run.parameters());
        details.put("status", run.status());
        details.put("end", run.end() == null ? "" : run.end().toString());
        details.put("launchedBy", run.launchedBy() == null ? "" : run.launchedBy());
        return details;
    }
}
