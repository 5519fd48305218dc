package pl.mops.reports.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import pl.mops.reports.importing.ImportResult;
import pl.mops.reports.importing.SnapshotImportJobConfiguration;
import pl.mops.reports.importing.SnapshotImporter;
import pl.mops.reports.importing.SnapshotJobs;
import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.UserError;
import pl.mops.reports.users.AuditLog;

/**
 * {@code /import} (PLANOWANIE, ADMIN): the case system's export uploaded from the browser — the contract's CSV files
 * or one ZIP of them ({@link UploadedExport}), optionally "stan na" and the confirmation of an export that looks
 * incomplete ({@code --potwierdz-ubytek}) — imported in the background exactly as {@code import} does
 * ({@link SnapshotJobs#importFiles}, launched by "login (konsola)"); the browser goes on to the launch's follow page.
 */
@Controller
@PreAuthorize("hasAnyRole('PLANOWANIE', 'ADMIN')")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ImportController {

    static final String LOCK_PERIOD = "migawka";
    static final String DESCRIPTION = "wczytanie danych przesłanych w konsoli";

    private final UploadedExport uploads;
    private final SnapshotImporter importer;
    private final SnapshotJobs jobs;
    private final LaunchGuard guard;
    private final AuditLog audit;

    public ImportController(UploadedExport uploads, SnapshotImporter importer, SnapshotJobs jobs, LaunchGuard guard,
                            AuditLog audit) {
        this.uploads = uploads;
        this.importer = importer;
        this.jobs = jobs;
        this.guard = guard;
        this.audit = audit;
    }

    @GetMapping("/import")
    public String form(Model model) {
        model.addAttribute("limit", UploadedExport.describe(uploads.limit()));
        model.addAttribute("limitBajtow", uploads.limit().toBytes());
        model.addAttribute("bledyPol", java.util.Map.of());
        return "import";
    }

    @PostMapping("/import")
    public String upload(@RequestParam(name = "pliki", required = false) List<MultipartFile> files,
                         @RequestParam(name = "stanNa", required = false) String stateOn,
                         @RequestParam(name = "potwierdzUbytek", defaultValue = "false") boolean confirmLoss,
                         Authentication who, HttpServletRequest request, Model model) {
        LaunchForms form = new LaunchForms();
        LocalDate asOf = form.date("stanNa", stateOn);
        if (!form.valid()) {
            return refused(model, null, form, stateOn, confirmLoss);
        }
        UploadedExport.Stored stored;
        try {
            guard.refuseIfBusy(SnapshotImportJobConfiguration.JOB_NAME, LOCK_PERIOD, DESCRIPTION);
            stored = uploads.store(files);
        } catch (RuntimeException e) {
            return refused(model, FailureTranslator.toUserError(e).getMessage(), form, stateOn, confirmLoss);
        }
        String launchedBy = who.getName() + " (konsola)";
        String ticket;
        try {
            importer.checkRequest(stored.folder(), asOf); // "stan na" from the future: refused before a run exists
            SnapshotJobs.ImportRequest importRequest = new SnapshotJobs.ImportRequest(stored.importPath(),
                    "konsola:" + stored.id(), importer.defaultOutputDir(), asOf, false, stored.workDir(), null, null,
                    launchedBy, confirmLoss, SnapshotImporter.Progress.NONE);
            ticket = guard.submit(SnapshotImportJobConfiguration.JOB_NAME, LOCK_PERIOD, DESCRIPTION, launchedBy, () -> {
                ImportResult result = jobs.importFiles(importRequest);
                uploads.remove(stored); // imported: the uploaded copy of the case data is not kept
                return result;
            });
        } catch (RuntimeException e) {
            uploads.remove(stored);
            UserError error = FailureTranslator.toUserError(e);
            return refused(model, error.getMessage(), form, stateOn, confirmLoss);
        }
        audit.record(who.getName(), AuditLog.Action.PRZESLANIE, request.getRemoteAddr(), "pliki: " + stored.describe()
                + "; stan na: " + (asOf == null ? "dzień importu" : asOf) + "; potwierdzony ubytek: "
                + (confirmLoss ? "tak" : "nie") + "; przesłanie " + stored.id() + ", zgłoszenie " + ticket);
        return "redirect:/uruchomienia/" + ticket;
    }

    private String refused(Model model, String message, LaunchForms form, String stateOn, boolean confirmLoss) {
        model.addAttribute("limit", UploadedExport.describe(uploads.limit()));
        model.addAttribute("limitBajtow", uploads.limit().toBytes());
        model.addAttribute("blad", message);
        model.addAttribute("bledyPol", form.errors());
        model.addAttribute("stanNa", stateOn);
        model.addAttribute("potwierdzUbytek", confirmLoss);
        return "import";
    }
}
