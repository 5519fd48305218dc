package pl.mops.reports.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.users.AuditLog;

/**
 * {@code /admin/dziennik?strona=N} (ADMIN): the audit log, newest first, {@value #PAGE_SIZE} rows a page; its export
 * with the runs for a range of days.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AuditLogController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final MopsProperties properties;
    private final AuditExport export;
    private final Clock clock;

    public AuditLogController(AuditLog audit, MopsProperties properties, AuditExport export, Clock clock) {
        this.audit = audit;
        this.properties = properties;
        this.export = export;
        this.clock = clock;
    }

    public record Line(String at, String actor, String action, String address, String details) {
    }

    /** @param page from 1; anything else (a word, 0, a page past the end) is a malformed parameter: 400 */
    @GetMapping("/admin/dziennik")
    public String log(@RequestParam(name = "strona", defaultValue = "1") int page, Model model) {
        long total = audit.count();
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page < 1 || page > pages) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        List<Line> lines = audit.page(page - 1, PAGE_SIZE).stream()
                .map(e -> new Line(PolishTimes.seconds(e.at().atZone(properties.timeZone())), e.actor(), e.polishAction(),
                        e.address() == null ? "—" : e.address(), e.details() == null ? "" : e.details()))
                .toList();
        model.addAttribute("wpisy", lines);
        model.addAttribute("strona", page);
        model.addAttribute("stron", pages);
        model.addAttribute("wszystkich", total);
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        model.addAttribute("eksportOd", today.withDayOfMonth(1));
        model.addAttribute("eksportDo", today);
        return "admin/dziennik";
    }

    /**
     * {@code /admin/dziennik/eksport?od=RRRR-MM-DD&do=RRRR-MM-DD}: the runs and the audit log of those days (both
     * included) as a ZIP ({@link AuditExport}); the export itself is recorded in the log. A missing or malformed day,
     * or {@code od} after {@code do}: 400.
     */
    @GetMapping("/admin/dziennik/eksport")
    public ResponseEntity<byte[]> export(@RequestParam("od") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam("do") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         Authentication user, HttpServletRequest request) throws IOException {
        if (from.isAfter(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        AuditExport.Export exported = export.export(from, to);
        audit.record(user.getName(), AuditLog.Action.EKSPORT_DZIENNIKA, request.getRemoteAddr(),
                "dni " + from + " – " + to + ": przebiegów " + exported.runs() + ", wpisów dziennika "
                        + exported.logRows());
        String name = "dziennik-" + from + "-" + to + ".zip";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(exported.zip());
    }
}
