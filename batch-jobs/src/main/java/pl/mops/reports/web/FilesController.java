package pl.mops.reports.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.runs.JobNames;
import pl.mops.reports.runs.PolishStatus;
import pl.mops.reports.runs.RecordedFiles;
import pl.mops.reports.runs.RunHistory;
import pl.mops.reports.runs.RunParameters;
import pl.mops.reports.runs.RunsCommand;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.users.AuditLog;
import pl.mops.reports.users.Role;

/**
 * {@code /pliki} (every role): the runs, newest first ({@value #PAGE_SIZE} a page, {@code ?zadanie=monthly&rok=2025};
 * {@code ?przebieg=N} — only that run, as the Pulpit links it),
 * each with its files; {@code /pliki/przebieg/{executionId}/{n}} downloads the run's file number {@code n} (from 0,
 * in the order of the run's file list) when {@link DownloadRules} allow it for the user's roles (else 403) and when
 * it is still the recorded file ({@link RecordedFiles}; else a Polish page saying why). Every download is recorded in
 * the audit log ({@link AuditLog.Action#POBRANIE}: run number and file name).
 */
@Controller
@PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'AUDYTOR', 'ADMIN')")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class FilesController {

    static final int PAGE_SIZE = 20;

    private final RunHistory history;
    private final AuditLog audit;
    private final MopsProperties properties;

    public FilesController(RunHistory history, AuditLog audit, MopsProperties properties) {
        this.history = history;
        this.audit = audit;
        this.properties = properties;
    }

    /** the link to a run's file (also used by the run's page) */
    public static String downloadPath(long executionId, int index) {
        return "/pliki/przebieg/" + executionId + "/" + index;
    }

    public record FileLine(String name, String size, String kind, boolean isPackage, String href) {
    }

    public record RunLine(long number, String job, String parameters, String status, String statusClass,
                          String failure, String launchedBy, String start, String end, List<FileLine> files) {
    }

    public record JobChoice(String value, String name, boolean selected) {
    }

    @GetMapping("/pliki")
    public String files(@RequestParam(name = "zadanie", required = false) String job,
                        @RequestParam(name = "rok", required = false) Integer year,
                        @RequestParam(name = "strona", defaultValue = "1") int page,
                        @RequestParam(name = "przebieg", required = false) Long executionId,
                        Authentication user, Model model) {
        Optional<String> batchJob = Optional.ofNullable(job).filter(j -> !j.isBlank())
                .map(j -> JobNames.batchJobNameOfUserName(j)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST)));
        if (year != null && (year < 2000 || year > 2999)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        ZoneId zone = properties.timeZone();
        Optional<LocalDateTime> from = Optional.ofNullable(year).map(y -> batchTime(LocalDate.of(y, 1, 1), zone));
        Optional<LocalDateTime> before = Optional.ofNullable(year).map(y -> batchTime(LocalDate.of(y + 1, 1, 1), zone));
        RunHistory.Query all = new RunHistory.Query(batchJob, from, before, PAGE_SIZE, 0);
        Optional<RunHistory.Run> one = Optional.ofNullable(executionId).map(id -> history.run(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        long total = one.isPresent() ? 1 : history.count(all);
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page < 1 || page > pages) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Set<Role> roles = roles(user);
        List<RunLine> runs = new ArrayList<>();
        for (RunHistory.Run run : one.map(List::of).orElseGet(() -> history.runs(new RunHistory.Query(batchJob, from,
                before, PAGE_SIZE, (long) (page - 1) * PAGE_SIZE)))) {
            runs.add(line(run, roles, zone));
        }
        List<JobChoice> jobs = new ArrayList<>();
        jobs.add(new JobChoice("", "wszystkie", batchJob.isEmpty()));
        for (String name : history.jobNames()) {
            jobs.add(new JobChoice(JobNames.configNameOf(name), JobNames.polishNameOf(name),
                    batchJob.map(name::equals).orElse(false)));
        }
        model.addAttribute("przebiegi", runs);
        model.addAttribute("zadania", jobs);
        model.addAttribute("zadanie", batchJob.map(JobNames::configNameOf).orElse(""));
        model.addAttribute("rok", year);
        model.addAttribute("strona", page);
        model.addAttribute("stron", pages);
        model.addAttribute("wszystkich", total);
        model.addAttribute("jedenPrzebieg", one.isPresent());
        return "pliki";
    }

    @GetMapping("/pliki/przebieg/{executionId}/{index}")
    public ModelAndView download(@PathVariable long executionId, @PathVariable int index, Authentication user,
                                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        RunHistory.Run run = history.run(executionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (index < 0 || index >= run.files().size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        WrittenFile file = run.files().get(index);
        if (!DownloadRules.allows(roles(user), run, file)) {
            throw new AccessDeniedException("file kind " + DownloadRules.kindOf(run, file));
        }
        return download(run, file, user, request, response, properties.outputRoot(), audit);
    }

    /**
     * sends a file the run recorded when it is still that file (else the Polish page saying why), audited as
     * {@link AuditLog.Action#POBRANIE}; the caller has checked {@link DownloadRules}
     */
    static ModelAndView download(RunHistory.Run run, WrittenFile file, Authentication user, HttpServletRequest request,
                                 HttpServletResponse response, java.nio.file.Path outputRoot, AuditLog audit)
            throws IOException {
        String name = DownloadRules.fileName(file);
        try (RecordedFiles.Opened opened = RecordedFiles.open(file, outputRoot)) {
            if (!opened.served()) {
                HttpStatus status = opened.refusal() == RecordedFiles.Refusal.MISSING ? HttpStatus.GONE
                        : HttpStatus.CONFLICT;
                return new ModelAndView("plik-niedostepny", Map.of("plik", name, "przebieg", run.executionId(),
                        "powod", opened.refusal().message()), status);
            }
            audit.record(user.getName(), AuditLog.Action.POBRANIE, request.getRemoteAddr(),
                    "przebieg nr " + run.executionId() + ", plik " + name);
            response.setContentType(contentType(name));
            response.setContentLengthLong(opened.size());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
            try (OutputStream out = response.getOutputStream()) {
                opened.content().transferTo(out);
            }
        }
        return null; // the response is written
    }

    /** the run's files, each with its download link when the roles may download it */
    static List<FileLine> fileLines(RunHistory.Run run, Set<Role> roles) {
        List<FileLine> files = new ArrayList<>();
        for (int i = 0; i < run.files().size(); i++) {
            WrittenFile file = run.files().get(i);
            DownloadRules.Kind kind = DownloadRules.kindOf(run, file);
            files.add(new FileLine(DownloadRules.fileName(file), size(file.sizeBytes()), kind.polish(),
                    kind == DownloadRules.Kind.AUDITORS_PACKAGE,
                    DownloadRules.allows(roles, run, file) ? downloadPath(run.executionId(), i) : null));
        }
        return files;
    }

    private RunLine line(RunHistory.Run run, Set<Role> roles, ZoneId zone) {
        ZoneId stored = ZoneId.systemDefault();
        List<FileLine> files = fileLines(run, roles);
        String status = run.status();
        String statusClass = "COMPLETED".equals(status) ? "status-ok"
                : status != null && status.startsWith("START") ? "status-w-toku" : "status-blad";
        return new RunLine(run.executionId(), run.polishJobName(), RunParameters.forClerk(run.parameters()),
                PolishStatus.of(status), statusClass, RunsCommand.failure(status, run.exitMessage()),
                run.launchedBy() == null ? "—" : run.launchedBy(),
                PolishTimes.seconds(PolishTimes.ofBatch(run.start(), stored, zone)),
                PolishTimes.seconds(PolishTimes.ofBatch(run.end(), stored, zone)), files);
    }

    static Set<Role> roles(Authentication user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (user != null) {
            user.getAuthorities().forEach(a -> {
                for (Role role : Role.values()) {
                    if (("ROLE_" + role.name()).equals(a.getAuthority())) {
                        roles.add(role);
                    }
                }
            });
        }
        return roles;
    }

    private static LocalDateTime batchTime(LocalDate day, ZoneId zone) {
        return PolishTimes.toBatch(day.atStartOfDay(zone).toInstant(), ZoneId.systemDefault());
    }

    /** e.g. "812 B", "12,4 kB", "3,1 MB" */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0).replace('.', ',');
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024)).replace('.', ',');
    }

    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String extension = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pdf" -> "application/pdf";
            case "zip" -> "application/zip";
            case "csv" -> "text/csv;charset=UTF-8";
            case "txt", "log" -> "text/plain;charset=UTF-8";
            case "xml" -> "application/xml";
            case "json" -> "application/json";
            case "yaml", "yml" -> "application/yaml";
            default -> "application/octet-stream";
        };
    }
}
