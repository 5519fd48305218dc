package pl.mops.reports.web;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.users.AuditLog;

/** {@code /admin/dziennik?strona=N} (ADMIN): the audit log, newest first, {@value #PAGE_SIZE} rows a page. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AuditLogController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final MopsProperties properties;

    public AuditLogController(AuditLog audit, MopsProperties properties) {
        this.audit = audit;
        this.properties = properties;
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
        return "admin/dziennik";
    }
}
