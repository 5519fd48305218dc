package pl.mops.reports.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: the Pulpit, for every role. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DashboardController {

    private final Dashboard dashboard;

    public DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    @PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'AUDYTOR', 'ADMIN')")
    public String pulpit(Model model) {
        model.addAttribute("pulpit", dashboard.view());
        return "pulpit";
    }
}
