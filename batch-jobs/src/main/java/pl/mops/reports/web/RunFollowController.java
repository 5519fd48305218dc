package pl.mops.reports.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.assessment.OzpsJobParameters;
import pl.mops.reports.importing.ImportJobParameters;
import pl.mops.reports.importing.ImportResult;
import pl.mops.reports.importing.SnapshotImportJobConfiguration;
import pl.mops.reports.importing.SnapshotImporter;
import pl.mops.reports.importing.SnapshotJobs;
import pl.mops.reports.importing.validation.Pesel;
import pl.mops.reports.importing.wymiana.OwnerOnlyTree;
import pl.mops.reports.mrpips03.Mrpips03JobParameters;
import pl.mops.reports.mrpips03.Mrpips03Service;
import pl.mops.reports.runs.BackgroundLaunches;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.runs.RunLog;
import pl.mops.reports.runs.RunOptions;
import pl.mops.reports.runs.RunningExecutions;
import pl.mops.reports.statistics.MonthlyJobParameters;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.system.UserError;
import pl.mops.reports.users.AuditLog;

/**
 * The follow pages: {@code /uruchomienia/{ticket}} (a launch of this console: waiting, then its runs, then the
 * import's summary or the job's outcome) and {@code /przebiegi/{id}} (any run, also the scheduler's or another
 * process's, from Spring Batch's tables), each with its JSON ({@code …/stan}) that {@code js/przebieg.js} polls every
 * second; the run's log as text ({@code /przebiegi/{id}/dziennik}); "Zatrzymaj" for a run of this process and
 * "Uruchom ponownie" (resume) for a failed or stopped one, for the roles that may launch that job; the rejects file
 * of an import launched here (PLANOWANIE, ADMIN; recorded in the audit log).
 */
@Controller
@PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'AUDYTOR', 'ADMIN')")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RunFollowController {

    private final BackgroundLaunches launches;
    private final RunPage page;
    private final RunningExecutions running;
    private final LaunchGuard guard;
    private final AuditLog audit;
    private final MopsProperties properties;
    private final MonthlyStatisticsService monthly;
    private final Mrpips03Service mrpips03;
    private final OzpsAssessmentService ozps;
    private final SnapshotJobs snapshotJobs;
    private final UploadedExport uploads;

    public RunFollowController(BackgroundLaunches launches, RunPage page, RunningExecutions running, LaunchGuard guard,
                               AuditLog audit, MopsProperties properties, MonthlyStatisticsService monthly,
                               Mrpips03Service mrpips03, OzpsAssessmentService ozps, SnapshotJobs snapshotJobs,
                               UploadedExport uploads) {
        this.launches = launches;
        this.page = page;
        this.running = running;
        this.guard = guard;
        this.audit = audit;
        this.properties = properties;
        this.monthly = monthly;
        this.mrpips03 = mrpips03;
        this.ozps = ozps;
        this.snapshotJobs = snapshotJobs;
        this.uploads = uploads;
    }

    @GetMapping("/uruchomienia/{ticket}")
    @PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'ADMIN')")
    public String launch(@PathVariable String ticket, Authentication who, Model model) {
        model.addAttribute("u", page.view(launchOf(ticket)));
        model.addAttribute("mozeZadania", JobPermissions.launchable(who));
        return "uruchomienie";
    }

    @GetMapping(path = "/uruchomienia/{ticket}/stan", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'ADMIN')")
    @ResponseBody
    public RunPage.LaunchView launchState(@PathVariable String ticket) {
        return page.view(launchOf(ticket));
    }

    /** the rejects file of an import launched here: case data, so PLANOWANIE and ADMIN only, and audited */
    @GetMapping("/uruchomienia/{ticket}/odrzucone")
    @PreAuthorize("hasAnyRole('PLANOWANIE', 'ADMIN')")
    public ResponseEntity<Resource> rejects(@PathVariable String ticket, Authentication who,
                                            HttpServletRequest request) {
        BackgroundLaunches.Launch launch = launchOf(ticket);
        if (!(launch.result() instanceof ImportResult result) || result.rejectsFile() == null
                || !Files.isRegularFile(result.rejectsFile())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Path file = result.rejectsFile();
        audit.record(who.getName(), AuditLog.Action.POBRANIE_ODRZUCONYCH, request.getRemoteAddr(), "migawka nr "
                + result.snapshot().id() + ", plik " + file.getFileName() + " (odrzuconych wierszy: "
                + result.totalRejected() + ")");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName().toString(), StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(new FileSystemResource(file));
    }

    @GetMapping("/przebiegi/{id}")
    public String run(@PathVariable long id, Authentication who, Model model) {
        RunPage.RunView view = page.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("p", view);
        model.addAttribute("mozeUruchamiac", JobPermissions.mayLaunch(who, view.jobName()));
        return "przebieg";
    }

    @GetMapping(path = "/przebiegi/{id}/stan", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public RunPage.RunView runState(@PathVariable long id) {
        return page.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** the run's own log (JSON lines), as plain UTF-8 text; 11-digit numbers masked once more on the way out */
    @GetMapping("/przebiegi/{id}/dziennik")
    public ResponseEntity<String> log(@PathVariable long id) throws IOException {
        JobExecution execution = page.execution(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Path file = RunLog.file(properties.home(), execution);
        String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8)
                : "Dziennik przebiegu nr " + id + " nie istnieje na tym komputerze (" + file.getFileName()
                + "): przebieg uruchomił inny komputer albo dziennik usunięto.\n";
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(Pesel.masked(text));
    }

    @PostMapping("/przebiegi/{id}/zatrzymaj")
    public String stop(@PathVariable long id, Authentication who, HttpServletRequest request,
                       RedirectAttributes flash) {
        JobExecution execution = page.execution(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        requireLauncher(who, execution);
        String job = pl.mops.reports.runs.JobNames.polishNameOf(execution.getJobInstance().getJobName());
        if (running.requestStop(id)) {
            audit.record(who.getName(), AuditLog.Action.ZATRZYMANIE, request.getRemoteAddr(), job + ", przebieg nr "
                    + id + " (" + RunPage.parameters(execution) + ")");
            flash.addFlashAttribute("komunikat", "Poproszono o zatrzymanie przebiegu nr " + id + ": bieżący krok "
                    + "dokończy pracę, a zadanie zakończy się ze statusem „zatrzymane”. Można je potem wznowić.");
        } else {
            flash.addFlashAttribute("blad", "Przebieg nr " + id + " nie jest teraz wykonywany przez tę konsolę ("
                    + "zakończył się albo wykonuje go inny proces) — nie ma czego zatrzymać.");
        }
        return "redirect:/przebiegi/" + id;
    }

    /** resumes a failed or stopped run with its own parameters ({@code --restart}) */
    @PostMapping("/przebiegi/{id}/ponow")
    public String restart(@PathVariable long id, Authentication who, HttpServletRequest request,
                          RedirectAttributes flash) {
        JobExecution execution = page.execution(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        requireLauncher(who, execution);
        RunPage.RunView view = page.view(execution);
        if (!view.restartable()) {
            flash.addFlashAttribute("blad", "Przebieg nr " + id + " jest " + view.status() + " — wznowić można tylko "
                    + "przebieg nieudany albo zatrzymany.");
            return "redirect:/przebiegi/" + id;
        }
        String launchedBy = who.getName() + " (konsola)";
        String jobName = execution.getJobInstance().getJobName();
        String period = LaunchGuard.periodOf(execution);
        Supplier<?> work;
        RunOptions resume = new RunOptions(false, true, false, true);
        var parameters = execution.getJobParameters();
        if (ReportJob.MONTHLY.batchJobName().equals(jobName)) {
            MonthlyJobParameters p = MonthlyJobParameters.from(parameters);
            work = () -> monthly.run(p.month(), p.snapshotId(), null, resume, launchedBy, p.profile());
        } else if (ReportJob.MRPIPS03.batchJobName().equals(jobName)) {
            Mrpips03JobParameters p = Mrpips03JobParameters.from(parameters);
            work = () -> mrpips03.run(p.period(), p.snapshotId(), p.layoutVersion(), null, resume, launchedBy);
        } else if (ReportJob.OZPS.batchJobName().equals(jobName)) {
            OzpsJobParameters p = OzpsJobParameters.from(parameters);
            work = () -> ozps.run(p.year(), p.snapshotId(), p.resourcesFile(), null, resume, launchedBy, p.profile());
        } else if (SnapshotImportJobConfiguration.JOB_NAME.equals(jobName)) {
            ImportJobParameters p = ImportJobParameters.from(parameters);
            period = ImportController.LOCK_PERIOD;
            work = () -> {
                ImportResult result = snapshotJobs.importFiles(new SnapshotJobs.ImportRequest(p.path(), p.source(),
                        p.outputDir(), p.asOf(), p.asOfFromFile(), p.workDir(), null, p.export(), launchedBy,
                        p.confirmLoss(), SnapshotImporter.Progress.NONE));
                if (p.source().startsWith("konsola:")) {
                    OwnerOnlyTree.deleteTree(uploads.root().resolve(p.source().substring("konsola:".length())));
                }
                return result;
            };
        } else {
            flash.addFlashAttribute("blad", "Zadania „" + view.job() + "” konsola nie wznawia — uruchom je poleceniem "
                    + "programu.");
            return "redirect:/przebiegi/" + id;
        }
        String description = LaunchGuard.describe(jobName, period) + " (wznowienie przebiegu nr " + id + ")";
        String ticket;
        try {
            ticket = guard.submit(jobName, period, description, launchedBy, work);
        } catch (UserError e) {
            flash.addFlashAttribute("blad", e.getMessage());
            return "redirect:/przebiegi/" + id;
        }
        audit.record(who.getName(), AuditLog.Action.PONOWIENIE, request.getRemoteAddr(), view.job() + ", przebieg nr "
                + id + " (" + view.parameters() + "); zgłoszenie " + ticket);
        return "redirect:/uruchomienia/" + ticket;
    }

    private static void requireLauncher(Authentication who, JobExecution execution) {
        if (!JobPermissions.mayLaunch(who, execution.getJobInstance().getJobName())) {
            throw new org.springframework.security.access.AccessDeniedException("rola");
        }
    }

    private BackgroundLaunches.Launch launchOf(String ticket) {
        if (!ticket.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return launches.get(ticket).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }


}
