package pl.mops.reports.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.users.PasswordPolicy;
import pl.mops.reports.users.Role;
import pl.mops.reports.users.UserAccounts;
import pl.mops.reports.users.WebUser;

/**
 * {@code /admin/uzytkownicy} (ADMIN): the users, adding one, a new password, disabling and enabling an account.
 * Every change is a POST with the CSRF token and goes to the audit log with the administrator and the address;
 * the page then shows what was done (or why not) and the list again (post/redirect/get).
 */
@Controller
@RequestMapping("/admin/uzytkownicy")
@PreAuthorize("hasRole('ADMIN')")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AdminUsersController {

    private static final String PAGE = "redirect:/admin/uzytkownicy";

    private final UserAccounts accounts;
    private final MopsProperties properties;
    private final java.time.Clock clock;

    public AdminUsersController(UserAccounts accounts, MopsProperties properties, java.time.Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** one user as the list shows it */
    public record UserLine(String login, String roles, boolean enabled, String state, String created,
                           String passwordChanged) {
    }

    @GetMapping
    public String list(Model model) {
        List<UserLine> lines = accounts.all().stream().map(this::line).toList();
        model.addAttribute("uzytkownicy", lines);
        model.addAttribute("role", Role.values());
        model.addAttribute("minimalnaDlugosc", PasswordPolicy.MIN_LENGTH);
        return "admin/uzytkownicy";
    }

    @PostMapping
    public String add(@RequestParam("login") String login,
                      @RequestParam(name = "role", required = false) List<String> roles,
                      @RequestParam("haslo") String password, @RequestParam("haslo2") String repeated,
                      Authentication admin, HttpServletRequest request, RedirectAttributes result) {
        return change(result, () -> {
            samePasswords(password, repeated);
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            if (roles != null) {
                roles.forEach(r -> chosen.addAll(Role.parseList(r)));
            }
            accounts.add(login, chosen, password, actor(admin, request));
            return "Dodano użytkownika " + UserAccounts.normalize(login) + " (role: " + UserAccounts.rolesText(chosen)
                    + ").";
        });
    }

    @PostMapping("/{login}/haslo")
    public String newPassword(@PathVariable("login") String login, @RequestParam("haslo") String password,
                              @RequestParam("haslo2") String repeated, Authentication admin,
                              HttpServletRequest request, RedirectAttributes result) {
        return change(result, () -> {
            samePasswords(password, repeated);
            accounts.changePassword(login, password, actor(admin, request));
            return "Ustawiono nowe hasło użytkownika " + UserAccounts.normalize(login)
                    + " (blokada po nieudanych logowaniach zdjęta).";
        });
    }

    @PostMapping("/{login}/wylacz")
    public String disable(@PathVariable("login") String login, Authentication admin, HttpServletRequest request,
                          RedirectAttributes result) {
        return change(result, () -> {
            accounts.disable(login, actor(admin, request));
            return "Wyłączono konto " + UserAccounts.normalize(login) + ".";
        });
    }

    @PostMapping("/{login}/wlacz")
    public String enable(@PathVariable("login") String login, Authentication admin, HttpServletRequest request,
                         RedirectAttributes result) {
        return change(result, () -> {
            accounts.enable(login, actor(admin, request));
            return "Włączono konto " + UserAccounts.normalize(login) + ".";
        });
    }

    private static String change(RedirectAttributes result, java.util.function.Supplier<String> action) {
        try {
            result.addFlashAttribute("komunikat", action.get());
        } catch (UserError refused) {
            result.addFlashAttribute("blad", refused.getMessage());
        }
        return PAGE;
    }

    private static void samePasswords(String password, String repeated) {
        if (!password.equals(repeated)) {
            throw new UserError("Hasła się różnią — wpisz to samo hasło dwa razy.", ExitCode.INVALID_INPUT, null);
        }
    }

    private static UserAccounts.Actor actor(Authentication admin, HttpServletRequest request) {
        return new UserAccounts.Actor(admin.getName(), request.getRemoteAddr());
    }

    private UserLine line(WebUser user) {
        java.time.ZoneId zone = properties.timeZone();
        String state = !user.enabled() ? "wyłączone"
                : user.lockedAt(clock.instant()) ? "zablokowane do "
                        + PolishTimes.minutes(user.lockedUntil().atZone(zone)) : "aktywne";
        return new UserLine(user.login(), UserAccounts.rolesText(user.roles()), user.enabled(), state,
                PolishTimes.minutes(user.createdAt().atZone(zone)) + " (" + user.createdBy() + ")",
                PolishTimes.minutes(user.passwordChangedAt().atZone(zone)));
    }
}
