package pl.mops.reports.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pl.mops.reports.users.LockoutSettings;

/** The Polish sign-in page; the form posts to {@code /login}, which Spring Security handles. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SignInController {

    private final LockoutSettings lockout;

    public SignInController(LockoutSettings lockout) {
        this.lockout = lockout;
    }

    @GetMapping("/login")
    public String signIn(@RequestParam(name = "blad", required = false) String failed,
                         @RequestParam(name = "wylogowano", required = false) String signedOut,
                         Authentication authentication, HttpSession session, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (failed != null) {
            Object exception = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("blad", exception instanceof AuthenticationException e ? SignInMessages.of(e)
                    : ConsoleAuthenticationProvider.BAD_CREDENTIALS);
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        if (signedOut != null) {
            model.addAttribute("komunikat", "Wylogowano.");
        }
        model.addAttribute("proby", lockout.attempts());
        model.addAttribute("minuty", lockout.duration().toMinutes());
        return "logowanie";
    }
}
