package pl.mops.reports.web;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;

/** What the sign-in page (and the audit log) says about a refused sign-in, in Polish. */
final class SignInMessages {

    private SignInMessages() {
    }

    static String of(AuthenticationException exception) {
        if (exception instanceof BadCredentialsException) {
            return ConsoleAuthenticationProvider.BAD_CREDENTIALS;
        }
        if (exception instanceof AccountStatusException) {
            return exception.getMessage(); // locked or disabled: the provider's Polish sentence
        }
        return "Logowanie jest chwilowo niemożliwe (błąd serwera lub katalogu). Spróbuj za chwilę; szczegóły są "
                + "w dzienniku programu.";
    }
}
