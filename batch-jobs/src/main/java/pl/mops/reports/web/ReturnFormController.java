package pl.mops.reports.web;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import pl.mops.reports.audit.LineageTable;
import pl.mops.reports.mrpips03.CellCases;
import pl.mops.reports.mrpips03.Layout;
import pl.mops.reports.mrpips03.Layouts;
import pl.mops.reports.mrpips03.Readiness;
import pl.mops.reports.mrpips03.Reconciliation;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.mrpips03.Submissions;
import pl.mops.reports.system.UserError;
import pl.mops.reports.users.AuditLog;
import pl.mops.reports.users.Role;

/**
 * {@code /sprawozdania}: the computed MRPiPS-03 returns; {@code /sprawozdania/{run}}: one return as the form (the run
 * number as {@code runs} and the Files page give it — any run of the return's job instance); and
 * {@code /sprawozdania/{run}/komorka/{section}/{row}/{column}}: what was counted in a count of families or persons,
 * from the lineage the auditors' package holds. PLANOWANIE, STRATEGIA and ADMIN see the case system's ids and the
 * pseudonyms; AUDYTOR only the pseudonyms (the ids never reach the page's model). Every opening is audited.
 * PLANOWANIE and ADMIN (only they: the URL rules and {@code @PreAuthorize}) also mark a return as submitted
 * ({@code POST /sprawozdania/{run}/zlozenie}, as {@code zloz}) and compare it with the case system's return
 * ({@code POST /sprawozdania/{run}/porownanie}, an upload, as {@code porownaj}); both audited.
 */
@Controller
@PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'AUDYTOR', 'ADMIN')")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ReturnFormController {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z_]{1,64}");
    /** the labels of the submission form's checkboxes (the refusals name them) */
    static final String CONFIRMATION = "Potwierdzam, że ta wersja została wysłana do ministerstwa";
    static final String DESPITE = "mimo niespełnionych reguł";

    /** one unit counted in a cell; {@code sourceId} is {@code null} for a user who may not see it */
    public record CaseLine(int ordinal, String kind, String sourceId, String pseudonym) {
    }

    private final ReturnFormView view;
    private final CellCases cellCases;
    private final Layouts layouts;
    private final AuditLog audit;
    private final Submissions submissions;
    private final Reconciliation reconciliation;

    public ReturnFormController(ReturnFormView view, CellCases cellCases, Layouts layouts, AuditLog audit,
                                Submissions submissions, Reconciliation reconciliation) {
        this.submissions = submissions;
        this.reconciliation = reconciliation;
        this.view = view;
        this.cellCases = cellCases;
        this.layouts = layouts;
        this.audit = audit;
    }

    @GetMapping("/sprawozdania")
    public String list(Model model) {
        model.addAttribute("sprawozdania", view.lines());
        return "sprawozdania";
    }

    @GetMapping("/sprawozdania/{run}")
    public String form(@PathVariable long run, Authentication who, Model model) {
        return page(returnOf(run), who, model);
    }

    private String page(StoredReturn stored, Authentication who, Model model) {
        model.addAttribute("f", view.form(stored));
        model.addAttribute("mozeDzialac", mayAct(who));
        return "sprawozdanie";
    }

    /**
     * „Oznacz jako złożone”: the same as {@code zloz --period … --przebieg NR [--mimo-bledow]} by "login (konsola)",
     * after the user confirmed that this version was sent; a refusal is shown at the form, the outcome (the same
     * sentences as {@code zloz}) on the page the browser goes on to.
     */
    @PostMapping("/sprawozdania/{run}/zlozenie")
    @PreAuthorize("hasAnyRole('PLANOWANIE', 'ADMIN')")
    public String submit(@PathVariable long run, @RequestParam(name = "potwierdzam", defaultValue = "false") boolean confirmed,
                         @RequestParam(name = "mimoBledow", defaultValue = "false") boolean despiteFailedRules,
                         Authentication who, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        StoredReturn stored = returnOf(run);
        if (!confirmed) {
            model.addAttribute("bladZlozenia", "Zaznacz „" + CONFIRMATION + "”, jeśli ta wersja naprawdę trafiła do "
                    + "ministerstwa.");
            model.addAttribute("bladPotwierdzenia", true);
            return page(stored, who, model);
        }
        Submissions.Outcome outcome;
        try {
            outcome = submissions.submit(stored.period(), run, despiteFailedRules, who.getName() + " (konsola)",
                    "zaznacz „" + DESPITE + "”");
        } catch (UserError e) {
            model.addAttribute("bladZlozenia", e.getMessage());
            return page(stored, who, model);
        }
        if (!outcome.already()) {
            audit.record(who.getName(), AuditLog.Action.ZLOZENIE_SPRAWOZDANIA, request.getRemoteAddr(), "MRPiPS-03 "
                    + stored.period() + ", przebieg nr " + outcome.submission().jobExecutionId() + ", wersja: "
                    + ReturnFormView.kind(outcome.stored()) + (despiteFailedRules && stored.readiness()
                    == Readiness.NIEGOTOWE ? ", mimo niespełnionych reguł" : ""));
        }
        redirect.addFlashAttribute("wynikZlozenia", submissions.outcomeLines(outcome));
        return "redirect:/sprawozdania/" + run + "#zlozenie";
    }

    /**
     * „Porównaj z systemem dziedzinowym”: the case system's return uploaded from the browser, compared as
     * {@code porownaj --period … --przebieg NR --plik PLIK} compares it (the file kept only meanwhile, see
     * {@link TemporaryUpload}); the page then shows the stored comparison.
     */
    @PostMapping("/sprawozdania/{run}/porownanie")
    @PreAuthorize("hasAnyRole('PLANOWANIE', 'ADMIN')")
    public String compare(@PathVariable long run, @RequestParam(name = "plik", required = false) MultipartFile upload,
                          Authentication who, HttpServletRequest request, Model model, RedirectAttributes redirect)
            throws IOException {
        StoredReturn stored = returnOf(run);
        if (upload == null || upload.isEmpty()) {
            model.addAttribute("bladPorownania", "Wybierz plik sprawozdania z systemu dziedzinowego (CSV: "
                    + "dzial;wiersz;kolumna;wartosc albo plik -cas.csv) i wyślij go jeszcze raz.");
            return page(stored, who, model);
        }
        String name = PackageVerificationController.shownName(upload.getOriginalFilename());
        Reconciliation.Outcome outcome;
        try {
            outcome = TemporaryUpload.handle(upload, "mops-porownanie-", TemporaryUpload.safeFileName(name),
                    file -> reconciliation.compare(stored.period(), run, file));
        } catch (UserError e) {
            audit.record(who.getName(), AuditLog.Action.POROWNANIE_SPRAWOZDANIA, request.getRemoteAddr(), "MRPiPS-03 "
                    + stored.period() + ", przebieg nr " + run + ", plik " + name + ": odrzucony");
            model.addAttribute("bladPorownania", e.getMessage());
            return page(stored, who, model);
        }
        audit.record(who.getName(), AuditLog.Action.POROWNANIE_SPRAWOZDANIA, request.getRemoteAddr(), "MRPiPS-03 "
                + stored.period() + ", przebieg nr " + run + ", plik " + outcome.otherFile() + ": porównano komórek "
                + outcome.compared() + ", różnych " + outcome.differing() + ", brakujących " + outcome.missing()
                + ", nadmiarowych " + outcome.extra());
        redirect.addFlashAttribute("wynikPorownania", Reconciliation.summary(outcome));
        return "redirect:/sprawozdania/" + run + "#porownanie";
    }

    @GetMapping("/sprawozdania/{run}/komorka/{section}/{row}/{column}")
    public String cell(@PathVariable long run, @PathVariable String section, @PathVariable String row,
                       @PathVariable String column, Authentication who, HttpServletRequest request, Model model) {
        for (String code : List.of(section, row, column)) {
            if (!CODE.matcher(code).matches()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
        }
        StoredReturn stored = returnOf(run);
        CellKey key = new CellKey(section, row, column);
        Layout layout = layouts.resolve(stored.layoutVersion(), stored.period().year());
        Layout.Section s = layout.section(section).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Layout.Row r = s.row(row).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Layout.Column c = r.column(column).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ReturnFormView.Form form = view.form(stored);
        String value = form.sections().stream().filter(x -> x.code().equals(section)).findFirst().orElseThrow()
                .rows().get(s.rows().indexOf(r)).cells().get(s.columns().indexOf(s.column(column).orElseThrow())).text();
        CellCases.Opened opened;
        try {
            opened = cellCases.open(stored, key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (CellCases.LayoutChanged e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        boolean ids = mayseeSourceIds(who);
        List<LineageTable.Case> cases = opened.cases();
        List<CaseLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            LineageTable.Case one = cases.get(i);
            lines.add(new CaseLine(i + 1, one.kind(), ids ? one.sourceId() : null, one.pseudonym()));
        }
        audit.record(who.getName(), AuditLog.Action.OTWARCIE_KOMORKI, request.getRemoteAddr(), "MRPiPS-03 "
                + stored.period() + ", przebieg nr " + form.run() + ", komórka " + key + " (dział " + section
                + ", wiersz " + r.nr() + "), pozycji: " + lines.size() + (ids ? ", z identyfikatorami" : ", pseudonimy"));
        model.addAttribute("f", form);
        model.addAttribute("dzial", s.name());
        model.addAttribute("wiersz", r.nr() + ". " + r.name());
        model.addAttribute("kolumna", c.name());
        model.addAttribute("wartosc", value);
        model.addAttribute("pozycje", lines);
        model.addAttribute("identyfikatory", ids);
        model.addAttribute("dlugoscToLiczba", opened.listLengthIsTheValue());
        return "komorka";
    }

    /** PLANOWANIE and ADMIN submit a return and compare it with the case system's (the server checks it again) */
    static boolean mayAct(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.PLANOWANIE.name())
                || a.getAuthority().equals("ROLE_" + Role.ADMIN.name()));
    }

    /** PLANOWANIE, STRATEGIA and ADMIN work with the cases; an auditor sees pseudonyms only */
    static boolean mayseeSourceIds(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.PLANOWANIE.name())
                || a.getAuthority().equals("ROLE_" + Role.STRATEGIA.name())
                || a.getAuthority().equals("ROLE_" + Role.ADMIN.name()));
    }

    private StoredReturn returnOf(long run) {
        return view.returnOf(run).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
