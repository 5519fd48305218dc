package pl.mops.reports.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.runs.BackgroundLaunches;
import pl.mops.reports.runs.JobNames;
import pl.mops.reports.runs.locking.JobLocks;
import pl.mops.reports.runs.locking.LockKey;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.system.UserError;

/**
 * Starts a console launch in the background unless the same job and period is already on its way: a launch of this
 * console that is waiting or running, or a run holding the job's lock (this process's scheduler, or another process:
 * the command line, a second console). The refusal names who runs it and since when. The check and the submission
 * are one step (two quick clicks do not both pass).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LaunchGuard {

    private final BackgroundLaunches launches;
    private final JobLocks locks;
    private final JobRepository jobRepository;
    private final MopsProperties properties;

    public LaunchGuard(BackgroundLaunches launches, JobLocks locks, JobRepository jobRepository,
                       MopsProperties properties) {
        this.launches = launches;
        this.locks = locks;
        this.jobRepository = jobRepository;
        this.properties = properties;
    }

    /**
     * @param lockName the job name of the lock ({@code snapshotImport} for an import and an extraction)
     * @param period   the lock's period ({@code 2025-03}, {@code 2025-P}, {@code 2025}, {@code migawka})
     * @return the ticket
     */
    public synchronized String submit(String lockName, String period, String description, String launchedBy,
                                      Supplier<?> work) {
        refuseIfBusy(lockName, period, description);
        return launches.submit(lockName + ":" + period, description, launchedBy, work);
    }

    /** throws the Polish refusal when the job and period is running or about to run */
    public void refuseIfBusy(String lockName, String period, String description) {
        Optional<BackgroundLaunches.Launch> here = launches.active(lockName + ":" + period);
        if (here.isPresent()) {
            throw busy(description, "uruchomił(a) je " + here.get().launchedBy() + " "
                    + PolishTimes.seconds(here.get().submitted().atZone(properties.timeZone())) + " w tej konsoli");
        }
        locks.holder(new LockKey(lockName, period)).ifPresent(holder -> {
            String who = running(lockName, period).map(e -> "uruchomił(a) je "
                    + e.getJobParameters().getString("launchedBy", "?") + (e.getStartTime() == null ? ""
                    : " " + PolishTimes.seconds(PolishTimes.ofBatch(e.getStartTime(), ZoneId.systemDefault(),
                    properties.timeZone()))) + ", przebieg nr " + e.getId() + "; ").orElse("");
            throw busy(description, who + "blokadę trzyma " + holder.polishDescription());
        });
    }

    private static UserError busy(String description, String who) {
        return new UserError("Zadanie „" + description + "” już trwa (" + who + "). Poczekaj, aż skończy, i uruchom "
                + "je ponownie, jeśli trzeba.", ExitCode.BUSY, null);
    }

    /** the running execution of that job and period, when the repository knows it */
    private Optional<JobExecution> running(String lockName, String period) {
        try {
            return jobRepository.findRunningJobExecutions(lockName).stream()
                    .filter(e -> "migawka".equals(period) || period.equals(periodOf(e)))
                    .max(Comparator.comparingLong(JobExecution::getId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String periodOf(JobExecution execution) {
        for (String name : new String[] {"month", "period", "year"}) {
            var parameter = execution.getJobParameters().getParameter(name);
            if (parameter != null) {
                return String.valueOf(parameter.value());
            }
        }
        return "";
    }

    /** e.g. "statystyka miesięczna za 2025-03" */
    static String describe(String batchJobName, String period) {
        return JobNames.polishNameOf(batchJobName) + " za " + period;
    }
}
