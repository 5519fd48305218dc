package pl.mops.reports.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.runs.RecordedFiles;
import pl.mops.reports.runs.RunHistory;
import pl.mops.reports.users.AuditLog;
import pl.mops.reports.users.Role;

/**
 * The documents as pages: {@code /statystyka} (the months with a completed monthly statistics run the user may read,
 * newest first) and {@code /statystyka/{RRRR-MM}}; {@code /ocena} and {@code /ocena/{RRRR}} (the OZPS assessment,
 * with its findings as the run delivered them, {@code /ocena/{RRRR}/wnioski.txt} to download them, audited like every
 * download). Which run and who may see it: {@link DocumentPages} ({@code ?przebieg=N}: another run of the period the
 * user may read); a page of a period without a completed run is a Polish page with status 404, one whose runs the
 * user may not read is 403.
 */
@Controller
@PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'AUDYTOR', 'ADMIN')")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DocumentsController {

    static final String FINDINGS_SUFFIX = "-wnioski.txt";

    /** the findings on the page: their text, or why they are not shown; {@code href} the download, when allowed */
    public record Findings(String text, String absent, String href) {
    }

    private final DocumentPages pages;
    private final AuditLog audit;
    private final MopsProperties properties;

    public DocumentsController(DocumentPages pages, AuditLog audit, MopsProperties properties) {
        this.pages = pages;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/statystyka")
    public ModelAndView statisticsMonths(@RequestParam(name = "miesiac", required = false) String month, Authentication who) {
        return list(DocumentJob.MONTHLY, month, who);
    }

    @GetMapping("/statystyka/{month}")
    public ModelAndView statisticsOfMonth(@PathVariable String month,
                                          @RequestParam(name = "przebieg", required = false) Long run,
                                          Authentication who) throws IOException {
        return page(DocumentJob.MONTHLY, month, run, who);
    }

    @GetMapping("/ocena")
    public ModelAndView assessmentYears(@RequestParam(name = "rok", required = false) String year, Authentication who) {
        return list(DocumentJob.OZPS, year, who);
    }

    @GetMapping("/ocena/{year}")
    public ModelAndView assessmentOfYear(@PathVariable String year,
                                         @RequestParam(name = "przebieg", required = false) Long run,
                                         Authentication who) throws IOException {
        return page(DocumentJob.OZPS, year, run, who);
    }

    @GetMapping("/ocena/{year}/wnioski.txt")
    public ModelAndView findings(@PathVariable String year,
                                 @RequestParam(name = "przebieg", required = false) Long requested, Authentication who, HttpServletRequest request,
                                 HttpServletResponse response) throws IOException {
        DocumentPages.Readable readable = readable(DocumentJob.OZPS, who);
        RunHistory.Run run = pages.shown(runs(readable, year), requested)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        WrittenFile file = findingsFile(run).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!DownloadRules.allows(readable.roles(), run, file)) {
            throw new AccessDeniedException("findings of run " + run.executionId());
        }
        return FilesController.download(run, file, who, request, response, properties.outputRoot(), audit);
    }

    private ModelAndView list(DocumentJob job, String chosen, Authentication who) {
        DocumentPages.Readable readable = readable(job, who);
        if (chosen != null && !chosen.isBlank()) {
            if (!job.isPeriod(chosen)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
            return new ModelAndView("redirect:" + job.path() + "/" + chosen);
        }
        return new ModelAndView("dokumenty", common(readable, null));
    }

    private ModelAndView page(DocumentJob job, String period, Long requested, Authentication who) throws IOException {
        DocumentPages.Readable readable = readable(job, who);
        Set<Role> roles = readable.roles();
        List<RunHistory.Run> runs = runs(readable, period);
        Optional<RunHistory.Run> found = pages.shown(runs, requested);
        if (found.isEmpty() && !runs.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (found.isEmpty()) {
            Map<String, Object> model = common(readable, null);
            model.put("okres", job.isPeriod(period) ? job.periodName(period) : period);
            return new ModelAndView("dokument-brak", model, HttpStatus.NOT_FOUND);
        }
        RunHistory.Run run = found.get();
        Map<String, Object> model = common(readable, period);
        model.put("okres", job.periodName(period));
        model.put("d", DocumentPageView.of(pages.document(job, run)));
        model.put("przebieg", pages.info(run, roles));
        model.put("inne", pages.others(job, period, runs, run));
        if (job == DocumentJob.OZPS) {
            model.put("wnioski", findings(run, roles, period, requested));
        }
        return new ModelAndView("dokument", model);
    }

    /** the user's runs of the period; none when it has no completed run (403 when only others may read one) */
    private List<RunHistory.Run> runs(DocumentPages.Readable readable, String period) {
        DocumentJob job = readable.job();
        if (!job.isPeriod(period)) {
            return List.of();
        }
        List<RunHistory.Run> runs = readable.ofPeriod(period);
        if (runs.isEmpty() && pages.anyCompleted(job, period)) {
            throw new AccessDeniedException("no readable run of " + job + " " + period);
        }
        return runs;
    }

    /** what the user may read of the job's documents; 403 when nothing and never anything */
    private DocumentPages.Readable readable(DocumentJob job, Authentication who) {
        DocumentPages.Readable readable = pages.readable(job, FilesController.roles(who));
        if (!readable.mayOpen()) {
            throw new AccessDeniedException("no document of " + job + " readable");
        }
        return readable;
    }

    private static Map<String, Object> common(DocumentPages.Readable readable, String period) {
        DocumentJob job = readable.job();
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("tytul", job.title());
        model.put("menu", job.segment());
        model.put("sciezka", job.path());
        model.put("etykietaOkresu", job.periodLabel());
        model.put("parametr", job == DocumentJob.MONTHLY ? "miesiac" : "rok");
        model.put("okresy", readable.periods(period));
        return model;
    }

    private Findings findings(RunHistory.Run run, Set<Role> roles, String year, Long requested) throws IOException {
        Optional<WrittenFile> file = findingsFile(run);
        if (file.isEmpty()) {
            return new Findings(null, "Przebieg z profilem publikacji nie ma wniosków: przytaczają liczby bez ochrony "
                    + "małych liczb, więc są tekstem roboczym MOPS, nie do publikacji.", null);
        }
        if (!DownloadRules.allows(roles, run, file.get())) {
            return new Findings(null, "Wnioski może czytać Sekcja Strategii i Informacji oraz administrator.", null);
        }
        try (RecordedFiles.Opened opened = RecordedFiles.open(file.get(), properties.outputRoot())) {
            if (!opened.served()) {
                return new Findings(null, opened.refusal().message(), null);
            }
            String text = new String(opened.content().readAllBytes(), StandardCharsets.UTF_8);
            return new Findings(text, null, DocumentJob.OZPS.path() + "/" + year + "/wnioski.txt"
                    + (requested == null ? "" : "?przebieg=" + requested));
        }
    }

    private static Optional<WrittenFile> findingsFile(RunHistory.Run run) {
        return run.files().stream().filter(f -> DownloadRules.fileName(f).endsWith(FINDINGS_SUFFIX)).findFirst();
    }
}
