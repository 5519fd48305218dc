package pl.mops.reports.web;

import java.nio.file.Path;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.runs.RunOptions;
import pl.mops.reports.system.UserError;
import pl.mops.reports.users.AuditLog;

/**
 * A report job launched from a page of the console: submitted in the background through the {@link LaunchGuard}
 * (refused at once while the same job and period is on its way) and written to the audit log with what was chosen.
 * The Uruchom page and the resources form launch through it alike.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleLaunches {

    private final LaunchGuard guard;
    private final AuditLog audit;
    private final OzpsAssessmentService ozps;

    public ConsoleLaunches(LaunchGuard guard, AuditLog audit, OzpsAssessmentService ozps) {
        this.guard = guard;
        this.audit = audit;
        this.ozps = ozps;
    }

    /** who a console launch names as its launcher: "login (konsola)" */
    static String launchedBy(Authentication who) {
        return who.getName() + " (konsola)";
    }

    /** throws the Polish refusal when the job and period is running or about to run (before preparing its input) */
    void refuseIfBusy(ReportJob job, String period) {
        guard.refuseIfBusy(job.batchJobName(), period, LaunchGuard.describe(job.batchJobName(), period));
    }

    /**
     * @return the launch's ticket (its follow page is {@code /uruchomienia/{ticket}})
     * @throws UserError when the same job and period is already on its way
     */
    String submit(ReportJob job, String period, String details, Supplier<?> work, Authentication who,
                  HttpServletRequest request) {
        String description = LaunchGuard.describe(job.batchJobName(), period);
        String ticket = guard.submit(job.batchJobName(), period, description, launchedBy(who), work);
        audit.record(who.getName(), AuditLog.Action.URUCHOMIENIE, request.getRemoteAddr(), description + "; "
                + details + "; zgłoszenie " + ticket);
        return ticket;
    }

    /**
     * the OZPS assessment of {@code year}, as {@code run ozps --resources FILE}
     *
     * @param resourcesNote what the audit log says of the resources file, e.g. "; przesłany plik zasobów"
     */
    String ozps(int year, Path resourcesFile, RunOptions options, PublicationProfile profile, String resourcesNote,
                Authentication who, HttpServletRequest request) {
        String launchedBy = launchedBy(who);
        return submit(ReportJob.OZPS, String.valueOf(year), "profil " + profile.optionValue() + resourcesNote
                        + options(options),
                () -> ozps.run(year, null, resourcesFile, null, options, launchedBy, profile), who, request);
    }

    /** "; policz ponownie: tak; niepełny okres: nie" */
    static String options(RunOptions options) {
        return "; policz ponownie: " + (options.rerun() ? "tak" : "nie") + "; niepełny okres: "
                + (options.incompletePeriod() ? "tak" : "nie");
    }
}
