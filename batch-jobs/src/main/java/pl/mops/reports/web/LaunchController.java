package pl.mops.reports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.staging.OwnerOnly;
import pl.mops.reports.importing.wymiana.OwnerOnlyTree;
import pl.mops.reports.mrpips03.Layout;
import pl.mops.reports.mrpips03.Layouts;
import pl.mops.reports.mrpips03.Mrpips03Service;
import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.runs.RunOptions;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.UserError;

/**
 * {@code /uruchom}: the forms that launch a report job in the background, calling the same services as
 * {@code run} with the same validation and messages — the monthly statistics and MRPiPS-03 (PLANOWANIE, ADMIN), the
 * OZPS assessment (STRATEGIA, ADMIN); launched by "login (konsola)". A field in the wrong form is refused at the field;
 * a job already running for that period is refused at once with who runs it ({@link LaunchGuard}); otherwise the
 * browser goes on to the launch's follow page.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LaunchController {

    /** a layout version the form offers */
    public record LayoutChoice(String version, String label) {
    }

    private final MonthlyStatisticsService monthly;
    private final Mrpips03Service mrpips03;
    private final Layouts layouts;
    private final ConsoleLaunches launches;
    private final MopsProperties properties;
    private final java.time.Clock clock;

    public LaunchController(MonthlyStatisticsService monthly, Mrpips03Service mrpips03,
                            Layouts layouts, ConsoleLaunches launches, MopsProperties properties,
                            java.time.Clock clock) {
        this.clock = clock;
        this.monthly = monthly;
        this.mrpips03 = mrpips03;
        this.layouts = layouts;
        this.launches = launches;
        this.properties = properties;
    }

    @GetMapping("/uruchom")
    @PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'ADMIN')")
    public String forms(Model model) {
        prepare(model, null, null, Map.of(), Map.of());
        return "uruchom";
    }

    @PostMapping("/uruchom/statystyka")
    @PreAuthorize("hasAnyRole('PLANOWANIE', 'ADMIN')")
    public String monthly(@RequestParam(name = "miesiac", required = false) String month,
                          @RequestParam(name = "profil", required = false) String profile,
                          @RequestParam(name = "ponownie", defaultValue = "false") boolean rerun,
                          @RequestParam(name = "niepelnyOkres", defaultValue = "false") boolean incomplete,
                          Authentication who, HttpServletRequest request, Model model) {
        LaunchForms form = new LaunchForms();
        YearMonth parsed = form.month("miesiac", month);
        PublicationProfile chosen = profile(form, "profil", profile);
        Map<String, String> values = Map.of("miesiac", orEmpty(month));
        if (!form.valid()) {
            return refused(model, "statystyka", null, form, values);
        }
        String launchedBy = ConsoleLaunches.launchedBy(who);
        RunOptions options = new RunOptions(rerun, false, false, incomplete);
        return launch(() -> launches.submit(ReportJob.MONTHLY, parsed.toString(), "profil " + chosen.optionValue()
                        + ConsoleLaunches.options(options),
                () -> monthly.run(parsed, null, null, options, launchedBy, chosen), who, request), model,
                "statystyka", form, values);
    }

    @PostMapping("/uruchom/mrpips03")
    @PreAuthorize("hasAnyRole('PLANOWANIE', 'ADMIN')")
    public String mrpips03(@RequestParam(name = "rodzaj", required = false) String kind,
                           @RequestParam(name = "rok", required = false) String year,
                           @RequestParam(name = "uklad", required = false) String layout,
                           @RequestParam(name = "ponownie", defaultValue = "false") boolean rerun,
                           @RequestParam(name = "niepelnyOkres", defaultValue = "false") boolean incomplete,
                           Authentication who, HttpServletRequest request, Model model) {
        LaunchForms form = new LaunchForms();
        Integer parsedYear = form.year("rok", year);
        if (!"P".equals(kind) && !"R".equals(kind)) {
            form.error("rodzaj", "Wybierz okres: I półrocze (P) albo rok (R).");
        }
        Map<String, String> values = Map.of("rok", orEmpty(year), "rodzaj", orEmpty(kind));
        ReturnPeriod period = form.valid() ? form.period("rodzaj", parsedYear + "-" + kind) : null;
        String version = layout == null || layout.isBlank() ? null : layout.strip();
        if (version != null && layouts.all().stream().noneMatch(l -> l.version().equals(version))) {
            form.error("uklad", "Nie ma układu formularza MRPiPS-03 w wersji " + version + ".");
        }
        if (!form.valid()) {
            return refused(model, "mrpips03", null, form, values);
        }
        String launchedBy = ConsoleLaunches.launchedBy(who);
        RunOptions options = new RunOptions(rerun, false, false, incomplete);
        return launch(() -> launches.submit(ReportJob.MRPIPS03, period.toString(), "układ "
                        + (version == null ? "domyślny" : version) + ConsoleLaunches.options(options),
                () -> mrpips03.run(period, null, version, null, options, launchedBy), who, request), model,
                "mrpips03", form, values);
    }

    @PostMapping("/uruchom/ozps")
    @PreAuthorize("hasAnyRole('STRATEGIA', 'ADMIN')")
    public String ozps(@RequestParam(name = "rok", required = false) String year,
                       @RequestParam(name = "zasoby", required = false) MultipartFile resources,
                       @RequestParam(name = "profil", required = false) String profile,
                       @RequestParam(name = "ponownie", defaultValue = "false") boolean rerun,
                       @RequestParam(name = "niepelnyOkres", defaultValue = "false") boolean incomplete,
                       Authentication who, HttpServletRequest request, Model model) {
        LaunchForms form = new LaunchForms();
        Integer parsedYear = form.year("rok", year);
        PublicationProfile chosen = profile(form, "profil", profile);
        Map<String, String> values = Map.of("rok", orEmpty(year));
        boolean hasResources = resources != null && !resources.isEmpty();
        if (hasResources) {
            String name = UploadedExport.baseName(resources.getOriginalFilename()).toLowerCase(Locale.ROOT);
            if (!name.endsWith(".yaml") && !name.endsWith(".yml") && !name.endsWith(".xlsx")) {
                form.error("zasoby", "Plik zasobów „" + UploadedExport.shown(resources.getOriginalFilename())
                        + "” ma być plikiem YAML (.yaml), jak config/zasoby-RRRR.yaml, albo skoroszytem Excel "
                        + "(.xlsx) z polecenia ozps template --xlsx.");
            }
        }
        if (!form.valid()) {
            return refused(model, "ozps", null, form, values);
        }
        Path resourcesFile;
        try {
            resourcesFile = hasResources ? storeResources(resources, parsedYear) : null;
        } catch (RuntimeException e) {
            return refused(model, "ozps", FailureTranslator.toUserError(e).getMessage(), form, values);
        }
        RunOptions options = new RunOptions(rerun, false, false, incomplete);
        return launch(() -> launches.ozps(parsedYear, resourcesFile, options, chosen,
                resourcesFile == null ? "" : "; przesłany plik zasobów", who, request), model, "ozps", form, values);
    }

    /** @param submit gives the launch's ticket, or throws the Polish refusal shown above the form */
    private String launch(Supplier<String> submit, Model model, String formName, LaunchForms form,
                          Map<String, String> values) {
        try {
            return "redirect:/uruchomienia/" + submit.get();
        } catch (UserError e) {
            return refused(model, formName, e.getMessage(), form, values);
        }
    }

    private static PublicationProfile profile(LaunchForms form, String field, String value) {
        try {
            return PublicationProfile.fromOption(value == null || value.isBlank() ? null : value);
        } catch (UserError e) {
            form.error(field, e.getMessage());
            return null;
        }
    }

    /**
     * the uploaded resources file, kept (a resume reads it again) in MOPS_HOME/konsola/zasoby/<n>/zasoby-RRRR.yaml or
     * .xlsx (the workbook of {@code ozps template --xlsx})
     */
    private Path storeResources(MultipartFile resources, int year) {
        Path folder = properties.home().resolve("konsola").resolve("zasoby").resolve(UUID.randomUUID().toString());
        OwnerOnlyTree.folder(properties.home().resolve("konsola"));
        OwnerOnlyTree.folder(folder.getParent());
        OwnerOnlyTree.folder(folder);
        boolean workbook = UploadedExport.baseName(resources.getOriginalFilename()).toLowerCase(Locale.ROOT)
                .endsWith(".xlsx");
        Path target = folder.resolve("zasoby-" + year + (workbook ? ".xlsx" : ".yaml"));
        try (InputStream in = resources.getInputStream()) {
            OwnerOnly.create(target);
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
            if (!workbook) { // a workbook is checked by its reader (not a workbook: a Polish message on the run)
                UploadedExport.checkContent(target, target.getFileName().toString());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            OwnerOnlyTree.deleteTree(folder);
            throw e;
        }
    }

    private String refused(Model model, String formName, String message, LaunchForms form, Map<String, String> values) {
        prepare(model, formName, message, form.errors(), values);
        return "uruchom";
    }

    private void prepare(Model model, String formName, String message, Map<String, String> errors,
                         Map<String, String> values) {
        // the month just ended by the program's clock (the schedule's), in its time zone
        YearMonth previous = YearMonth.now(clock.withZone(properties.timeZone())).minusMonths(1);
        model.addAttribute("formularz", formName);
        model.addAttribute("blad", message);
        model.addAttribute("bledyPol", errors);
        model.addAttribute("wartosci", values);
        model.addAttribute("poprzedniMiesiac", previous.toString());
        model.addAttribute("biezacyRok", String.valueOf(previous.getYear()));
        List<LayoutChoice> choices = layouts.all().stream()
                .sorted(java.util.Comparator.comparingInt(Layout::fromYear).reversed())
                .map(l -> new LayoutChoice(l.version(), l.version() + " — od roku " + l.fromYear()
                        + (l.title() == null ? "" : ", " + l.title()))).toList();
        model.addAttribute("uklady", choices);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
