package pl.mops.reports.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.assessment.ResourcesDrafts;
import pl.mops.reports.assessment.resources.ResourcesForm;
import pl.mops.reports.assessment.resources.ResourcesPrefill;
import pl.mops.reports.assessment.resources.ResourcesWorkbookWriter;
import pl.mops.reports.assessment.resources.TypedResources;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.runs.RunOptions;
import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.system.UserError;
import pl.mops.reports.users.AuditLog;

/**
 * {@code /zasoby}: the resources of the OZPS assessment typed in the browser instead of a file (STRATEGIA, ADMIN).
 * {@code /zasoby/{RRRR}} shows every position of the catalogue for Y−2, Y−1, Y — the saved draft, else what the
 * template prefills and last year's file adds ({@link ResourcesPrefills}) — and its buttons: save the draft (as
 * typed, problems and all; refused when someone saved meanwhile), check (the validator of {@code run ozps}, every problem at its field), download the values as the
 * workbook of {@code ozps template --xlsx}, load such a workbook, and run the assessment (only without problems: the
 * values written as {@code MOPS_HOME/konsola/zasoby/zasoby-RRRR.yaml} and launched as the Uruchom page launches it).
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@PreAuthorize("hasAnyRole('STRATEGIA', 'ADMIN')")
public class ResourcesFormController {

    private static final String PAGE = "zasoby-formularz";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ResourcesDrafts drafts;
    private final ResourcesPrefills prefills;
    private final ConsoleLaunches launches;
    private final AuditLog audit;
    private final MopsProperties properties;
    private final Clock clock;

    public ResourcesFormController(ResourcesDrafts drafts, ResourcesPrefills prefills, ConsoleLaunches launches,
                                   AuditLog audit, MopsProperties properties, Clock clock) {
        this.drafts = drafts;
        this.prefills = prefills;
        this.launches = launches;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/zasoby")
    public String years(@RequestParam(name = "rok", required = false) String year, Model model) {
        if (year != null) {
            LaunchForms form = new LaunchForms();
            Integer parsed = form.year("rok", year);
            if (form.valid() && inRange(parsed)) {
                return "redirect:/zasoby/" + parsed;
            }
            model.addAttribute("bladRoku", form.valid() ? "Rok oceny " + parsed + " jest spoza zakresu 2000–"
                    + currentYear() + "." : form.errors().get("rok"));
            model.addAttribute("wpisanyRok", year);
        }
        model.addAttribute("domyslnyRok", String.valueOf(currentYear() - 1));
        model.addAttribute("szkice", drafts.all().stream().map(d -> new DraftLine(d.year(), d.savedBy(),
                PolishTimes.minutes(d.savedAt().atZone(properties.timeZone())), d.problems(),
                d.problems() + " " + PolishPlural.of(d.problems(), "problem", "problemy", "problemów"))).toList());
        return "zasoby";
    }

    /** one saved draft in the list of {@code /zasoby} */
    record DraftLine(int year, String savedBy, String savedAt, int problems, String problemsText) {
    }

    @GetMapping("/zasoby/{rok:\\d{4}}")
    public String form(@PathVariable("rok") int year, Model model) {
        Optional<ResourcesDrafts.Draft> draft = drafts.find(requireYear(year));
        ResourcesPrefill prefill = prefills.of(year);
        TypedResources typed = draft.map(ResourcesDrafts.Draft::values).orElseGet(() -> TypedResources.fromPrefill(prefill));
        Page page = new Page(typed, prefill, draft.map(ResourcesDrafts.Draft::version).orElse(0L));
        page.draft = draft.orElse(null);
        return page.show(model, List.of());
    }

    @PostMapping(value = "/zasoby/{rok:\\d{4}}", params = "akcja=zapisz")
    public String save(@PathVariable("rok") int year, @RequestParam Map<String, String> fields, Authentication who,
                       HttpServletRequest request, Model model) {
        Page page = posted(year, fields);
        ResourcesForm.Checked checked = ResourcesForm.check(page.typed);
        if (saveDraft(page, checked.problems().size(), who, request, "formularz")) {
            page.message = "Zapisano szkic zasobów za rok " + year + (checked.valid() ? " — bez problemów."
                    : " (" + problems(checked.problems().size()) + " do poprawienia; lista poniżej).");
        }
        return page.show(model, checked.problems());
    }

    @PostMapping(value = "/zasoby/{rok:\\d{4}}", params = "akcja=sprawdz")
    public String check(@PathVariable("rok") int year, @RequestParam Map<String, String> fields, Model model) {
        Page page = posted(year, fields);
        ResourcesForm.Checked checked = ResourcesForm.check(page.typed);
        if (checked.valid()) {
            page.message = "Nie znaleziono problemów — można uruchomić ocenę (wartości nie są jeszcze zapisane).";
        }
        return page.show(model, checked.problems());
    }

    @PostMapping(value = "/zasoby/{rok:\\d{4}}", params = "akcja=arkusz")
    public ResponseEntity<byte[]> workbook(@PathVariable("rok") int year, @RequestParam Map<String, String> fields) {
        TypedResources typed = TypedResources.fromForm(requireYear(year), fields);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("zasoby-" + year + ".xlsx").build().toString())
                .body(ResourcesWorkbookWriter.write(typed.asPrefill()));
    }

    @PostMapping(value = "/zasoby/{rok:\\d{4}}", params = "akcja=uruchom")
    public String run(@PathVariable("rok") int year, @RequestParam Map<String, String> fields,
                      @RequestParam(name = "ponownie", defaultValue = "false") boolean rerun,
                      @RequestParam(name = "niepelnyOkres", defaultValue = "false") boolean incomplete,
                      Authentication who, HttpServletRequest request, Model model) {
        Page page = posted(year, fields);
        ResourcesForm.Checked checked = ResourcesForm.check(page.typed);
        if (!checked.valid()) {
            page.error = "Nie można uruchomić oceny — najpierw popraw wartości (do poprawienia: "
                    + problems(checked.problems().size()) + "; lista poniżej).";
            return page.show(model, checked.problems());
        }
        if (!saveDraft(page, 0, who, request, "formularz przed uruchomieniem oceny")) {
            return page.show(model, checked.problems());
        }
        try {
            // a run of this year on its way may still read the file: refused before the file is replaced
            launches.refuseIfBusy(ReportJob.OZPS, String.valueOf(year));
            Path file = ResourcesRunFile.write(properties.home(), year, ResourcesForm.yaml(checked.resources()));
            String ticket = launches.ozps(year, file, new RunOptions(rerun, false, false, incomplete),
                    PublicationProfile.FULL, "; plik zasobów z formularza /zasoby/" + year, who, request);
            return "redirect:/uruchomienia/" + ticket;
        } catch (RuntimeException e) {
            page.error = FailureTranslator.toUserError(e).getMessage();
            return page.show(model, checked.problems());
        }
    }

    @PostMapping("/zasoby/{rok:\\d{4}}/arkusz")
    public String upload(@PathVariable("rok") int year, @RequestParam(name = "plik", required = false) MultipartFile file,
                         @RequestParam(name = "wersja", defaultValue = "0") long version, Authentication who,
                         HttpServletRequest request, Model model) throws IOException {
        requireYear(year);
        ResourcesPrefill prefill = prefills.of(year);
        String name = file == null ? "" : UploadedExport.shown(UploadedExport.baseName(file.getOriginalFilename()));
        if (file == null || file.isEmpty() || !name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            Page page = current(year, prefill, version);
            page.error = file == null || file.isEmpty() ? "Wybierz skoroszyt Excel (.xlsx) do wczytania."
                    : "Plik „" + name + "” ma być skoroszytem Excel (.xlsx) — takim, jaki daje przycisk „Pobierz jako "
                    + "arkusz Excel” albo polecenie ozps template --xlsx.";
            return page.show(model, List.of());
        }
        ResourcesForm.WorkbookReading reading;
        try {
            reading = ResourcesForm.readWorkbook(file.getBytes(), name, year);
        } catch (UserError e) {
            Page page = current(year, prefill, version);
            page.error = e.getMessage();
            return page.show(model, List.of());
        }
        Page page = new Page(reading.typed(), prefill, version);
        page.workbookProblems = reading.problems();
        ResourcesForm.Checked checked = ResourcesForm.check(page.typed);
        if (saveDraft(page, checked.problems().size(), who, request, "skoroszyt " + name)) {
            audit.record(who.getName(), AuditLog.Action.WCZYTANIE_ARKUSZA_ZASOBOW, request.getRemoteAddr(),
                    "zasoby OZPS za " + year + ": skoroszyt „" + name + "”, " + problems(checked.problems().size()
                            + reading.problems().size()));
            page.message = "Wczytano skoroszyt „" + name + "” i zapisano wartości jako szkic"
                    + (checked.valid() && reading.problems().isEmpty() ? " — bez problemów."
                    : " (" + problems(checked.problems().size() + reading.problems().size()) + " do poprawienia).");
        }
        return page.show(model, checked.problems());
    }

    private Page posted(int year, Map<String, String> fields) {
        TypedResources typed = TypedResources.fromForm(requireYear(year), fields);
        long version;
        try {
            version = Long.parseLong(fields.getOrDefault("wersja", "0"));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return new Page(typed, prefills.of(year), version);
    }

    private Page current(int year, ResourcesPrefill prefill, long version) {
        Optional<ResourcesDrafts.Draft> draft = drafts.find(year);
        Page page = new Page(draft.map(ResourcesDrafts.Draft::values).orElseGet(() -> TypedResources.fromPrefill(prefill)),
                prefill, version);
        page.draft = draft.orElse(null);
        return page;
    }

    /** saves the page's values as the draft; when someone saved meanwhile, says so on the page and returns false */
    private boolean saveDraft(Page page, int problems, Authentication who, HttpServletRequest request, String what) {
        int year = page.typed.year();
        Optional<Long> saved = drafts.save(page.typed, problems, page.version, who.getName(), clock.instant());
        if (saved.isEmpty()) {
            ResourcesDrafts.Draft other = drafts.find(year).orElseThrow();
            page.error = "Nie zapisano: szkic zasobów za rok " + year + " zapisał(a) w międzyczasie " + other.savedBy()
                    + " " + PolishTimes.minutes(other.savedAt().atZone(properties.timeZone())) + ". Twoje wartości są "
                    + "nadal w formularzu. Zapisz je jeszcze raz, aby zastąpić tamten szkic, albo otwórz stronę od nowa, "
                    + "aby zobaczyć tamte wartości.";
            page.version = other.version();
            page.draft = other;
            return false;
        }
        page.version = saved.get();
        page.draft = drafts.find(year).orElse(null);
        audit.record(who.getName(), AuditLog.Action.ZAPIS_SZKICU_ZASOBOW, request.getRemoteAddr(), "zasoby OZPS za "
                + year + " (" + what + "), wersja szkicu " + saved.get() + ", " + problems(problems));
        return true;
    }

    private static String problems(int n) {
        return n + " " + PolishPlural.of(n, "problem", "problemy", "problemów");
    }

    private int currentYear() {
        return LocalDate.now(clock.withZone(properties.timeZone())).getYear();
    }

    private boolean inRange(int year) {
        return year >= 2000 && year <= currentYear();
    }

    private int requireYear(int year) {
        if (!inRange(year)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return year;
    }

    /** the form's page being answered */
    private final class Page {
        final TypedResources typed;
        final ResourcesPrefill prefill;
        long version;
        ResourcesDrafts.Draft draft;
        String message;
        String error;
        List<String> workbookProblems = List.of();

        Page(TypedResources typed, ResourcesPrefill prefill, long version) {
            this.typed = typed;
            this.prefill = prefill;
            this.version = version;
        }

        String show(Model model, List<ResourcesForm.FieldProblem> problems) {
            ResourcesFormView view = new ResourcesFormView(typed, prefill, problems);
            int year = typed.year();
            model.addAttribute("rok", year);
            model.addAttribute("lata", typed.years());
            model.addAttribute("rozdzialy", view.chapters());
            model.addAttribute("problemy", view.summary());
            model.addAttribute("bledyArkusza", workbookProblems);
            model.addAttribute("wersja", version);
            model.addAttribute("komunikat", message);
            model.addAttribute("blad", error);
            model.addAttribute("szkic", draft == null ? null : "Szkic zapisał(a) " + draft.savedBy() + " "
                    + PolishTimes.minutes(draft.savedAt().atZone(properties.timeZone())) + " (wersja " + draft.version()
                    + ").");
            model.addAttribute("plikZasobow", ResourcesRunFile.folder(properties.home())
                    .resolve(ResourcesForm.fileName(year)).toString());
            return PAGE;
        }
    }
}
