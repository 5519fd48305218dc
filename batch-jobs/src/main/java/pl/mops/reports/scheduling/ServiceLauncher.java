package pl.mops.reports.scheduling;

import java.time.YearMonth;

import org.springframework.stereotype.Component;

import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.UserError;
import pl.mops.reports.mrpips03.Mrpips03Service;
import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.statistics.MonthlyStatisticsService;

/**
 * Starts a scheduled period through the job services, exactly as {@code run} would with {@code --snapshot}
 * (they reuse a completed run and restart a failed one), launched by "harmonogram", default output folders,
 * the newest layout (MRPiPS-03) and the resources file in the default folder (OZPS).
 */
@Component
public class ServiceLauncher implements PeriodLauncher {

    private final MonthlyStatisticsService monthly;
    private final Mrpips03Service mrpips03;
    private final OzpsAssessmentService ozps;
    private final JdbcRunState runs;

    public ServiceLauncher(MonthlyStatisticsService monthly, Mrpips03Service mrpips03, OzpsAssessmentService ozps,
                           JdbcRunState runs) {
        this.monthly = monthly;
        this.mrpips03 = mrpips03;
        this.ozps = ozps;
        this.runs = runs;
    }

    @Override
    public void launch(Period period, long snapshotId) {
        long lastBefore = runs.lastExecutionId(period.job());
        try {
            switch (period.job()) {
                case MONTHLY -> monthly.run(YearMonth.parse(period.key()), snapshotId, null, false, CatchUp.LAUNCHED_BY);
                case MRPIPS03 -> mrpips03.run(ReturnPeriod.parse(period.key()), snapshotId, null, null, false,
                        CatchUp.LAUNCHED_BY);
                case OZPS -> ozps.run(Integer.parseInt(period.key()), snapshotId, null, null, false, CatchUp.LAUNCHED_BY);
            }
        } catch (RuntimeException e) {
            UserError error = FailureTranslator.toUserError(e);
            long lastAfter;
            try {
                lastAfter = runs.lastExecutionId(period.job());
            } catch (RuntimeException unreachable) {
                lastAfter = lastBefore; // no database: the job's own listener could not have reported either
            }
            throw new LaunchFailure(error.getMessage(), error.exitCode(), lastAfter > lastBefore ? lastAfter : null, e);
        }
    }
}
