package pl.mops.reports.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.assessment.OzpsJobParameters;
import pl.mops.reports.assessment.OzpsReportAssembler;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.runs.RunHistory;
import pl.mops.reports.statistics.MonthlyJobParameters;
import pl.mops.reports.statistics.MonthlyReportAssembler;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.users.Role;

/**
 * Which run's document a user sees on {@code /statystyka/…} and {@code /ocena/…}: among the completed runs of the
 * period whose document the user's roles may download ({@link DownloadRules#allowsDocumentOf}), the newest with the
 * full profile, else the newest with the publication profile (all an auditor may read), or the one the user picks.
 * The document is built again from what the run stored, as its files were
 * ({@link MonthlyReportAssembler}, {@link OzpsReportAssembler}). The layout asks {@link #menu} whether to show the
 * pages' menu entries (bean {@code dokumenty}).
 */
@Component("dokumenty")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DocumentPages {

    /** a period with a document the user may read: 2025-03 „marzec 2025” */
    public record Period(String value, String name, String href, boolean selected) {
    }

    /** another run of the same period, to switch to */
    public record OtherRun(long number, String profile, String version, String href) {
    }

    /** the run whose document the page shows */
    public record RunInfo(long number, String computedAt, String snapshot, String profile, String version,
                          String launchedBy, List<FilesController.FileLine> files) {
    }

    private final RunHistory history;
    private final JobRepository jobs;
    private final MonthlyReportAssembler monthly;
    private final OzpsReportAssembler ozps;
    private final MopsProperties properties;

    public DocumentPages(RunHistory history, JobRepository jobs, MonthlyReportAssembler monthly,
                         OzpsReportAssembler ozps, MopsProperties properties) {
        this.history = history;
        this.jobs = jobs;
        this.monthly = monthly;
        this.ozps = ozps;
        this.properties = properties;
    }

    /** whether the menu shows the job's page ({@code statystyka} or {@code ocena}) to this user */
    public boolean menu(String segment, Authentication who) {
        Set<Role> roles = FilesController.roles(who);
        for (DocumentJob job : DocumentJob.values()) {
            if (job.segment().equals(segment)) {
                return DownloadRules.readsEveryFileOf(roles, job.batchJobName()) || readable(job, roles).mayOpen();
            }
        }
        return false;
    }

    /** what the roles may read of the job's documents: its completed runs they may read, newest first */
    Readable readable(DocumentJob job, Set<Role> roles) {
        return new Readable(job, roles, history.completed(job.batchJobName()).stream()
                .filter(r -> DownloadRules.allowsDocumentOf(roles, r)).toList());
    }

    /** the completed runs of a job whose document the roles may read, newest first (read once a request) */
    record Readable(DocumentJob job, Set<Role> roles, List<RunHistory.Run> runs) {

        /** open to roles that read all the job's documents, and to others once a document they may read exists */
        boolean mayOpen() {
            return DownloadRules.readsEveryFileOf(roles, job.batchJobName()) || !runs.isEmpty();
        }

        /** the periods with a document the roles may read, newest first */
        List<Period> periods(String selected) {
            List<Period> periods = new ArrayList<>();
            runs.stream().map(r -> r.parameters().get(job.periodParameter())).distinct()
                    .sorted(Comparator.reverseOrder())
                    .forEach(p -> periods.add(new Period(p, job.periodName(p), job.path() + "/" + p,
                            p.equals(selected))));
            return periods;
        }

        /** the runs of the period, newest first */
        List<RunHistory.Run> ofPeriod(String period) {
            return runs.stream().filter(r -> period.equals(r.parameters().get(job.periodParameter()))).toList();
        }
    }

    /** whether any run of the period has completed, whoever may read it */
    boolean anyCompleted(DocumentJob job, String period) {
        return history.completed(job.batchJobName()).stream()
                .anyMatch(r -> period.equals(r.parameters().get(job.periodParameter())));
    }

    /**
     * the run the page shows: the one asked for ({@code ?przebieg=N}), else the newest with the full profile (the
     * working document, for those who may read it), else the newest with the publication profile
     */
    Optional<RunHistory.Run> shown(List<RunHistory.Run> runs, Long requested) {
        if (requested != null) {
            return runs.stream().filter(r -> r.executionId() == requested).findFirst();
        }
        return runs.stream().filter(r -> !isPublication(r)).findFirst().or(() -> runs.stream().findFirst());
    }

    /** the other runs of the period the user may read, for the page's list */
    List<OtherRun> others(DocumentJob job, String period, List<RunHistory.Run> runs, RunHistory.Run shown) {
        return runs.stream().filter(r -> r.executionId() != shown.executionId())
                .map(r -> new OtherRun(r.executionId(), profile(r), r.parameters().getOrDefault("version", "1"),
                        job.path() + "/" + period + "?przebieg=" + r.executionId())).toList();
    }

    /** the run's document, built from what the run stored */
    ReportDocument document(DocumentJob job, RunHistory.Run run) {
        JobExecution execution = jobs.getJobExecution(run.executionId());
        long instance = execution.getJobInstance().getInstanceId();
        return job == DocumentJob.MONTHLY
                ? monthly.assemble(MonthlyJobParameters.from(execution.getJobParameters()), instance).document()
                : ozps.document(OzpsJobParameters.from(execution.getJobParameters()), instance);
    }

    RunInfo info(RunHistory.Run run, Set<Role> roles) {
        ZoneId zone = properties.timeZone();
        return new RunInfo(run.executionId(),
                PolishTimes.seconds(PolishTimes.ofBatch(run.end(), ZoneId.systemDefault(), zone)),
                run.parameters().getOrDefault("snapshot", "—"), profile(run), run.parameters().getOrDefault("version", "1"),
                run.launchedBy() == null ? "—" : run.launchedBy(), FilesController.fileLines(run, roles));
    }

    private static boolean isPublication(RunHistory.Run run) {
        return PublicationProfile.fromStored(run.parameters().get("profile")) == PublicationProfile.PUBLICATION;
    }

    private static String profile(RunHistory.Run run) {
        return isPublication(run) ? "publikacja (tabele do publikacji, małe liczby ukryte)" : "pełny";
    }
}
