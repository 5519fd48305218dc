package pl.mops.reports.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.users.AuditLog;
import pl.mops.reports.users.LockoutSettings;
import pl.mops.reports.users.Role;
import pl.mops.reports.users.UserAccounts;
import pl.mops.reports.users.UserRepository;
import pl.mops.reports.users.WebUser;

/**
 * Signs in a user of the console's database — or, when the login is not one and the directory is configured, a
 * directory user ({@link DirectorySignIn}).
 * <p>
 * A database user: while the account waits after failed sign-ins ({@link LockoutSettings}) every attempt is refused
 * without looking at the password; a wrong password counts a failure (the {@code attempts}-th in a row locks the
 * account for {@code duration}); a right password of a disabled account is refused; a successful sign-in clears the
 * count. A login that exists nowhere costs a password check too (the same time as a wrong password). Messages are
 * Polish; the sign-in page shows them.
 */
public class ConsoleAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Nieprawidłowy login lub hasło.";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final LockoutSettings lockout;
    private final AuditLog audit;
    private final DirectorySignIn directory;
    private final String dummyHash;

    public ConsoleAuthenticationProvider(UserRepository users, PasswordEncoder encoder, Clock clock,
                                         LockoutSettings lockout, AuditLog audit, DirectorySignIn directory) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.lockout = lockout;
        this.audit = audit;
        this.directory = directory;
        this.dummyHash = encoder.encode("brak-takiego-uzytkownika");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = UserAccounts.normalize(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        WebUser user = users.find(login).orElse(null);
        if (user == null) {
            if (directory != null) {
                return signedIn(login, directory.authenticate(login, password), authentication);
            }
            encoder.matches(password, dummyHash);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        Instant now = clock.instant();
        if (user.lockedAt(now)) {
            throw new LockedException(lockedMessage(user.lockedUntil()));
        }
        if (!encoder.matches(password, user.passwordHash())) {
            Instant until = now.plus(lockout.duration());
            if (users.recordFailure(login, lockout.attempts(), until)) {
                audit.record(login, AuditLog.Action.KONTO_ZABLOKOWANE, address(authentication), lockout.attempts()
                        + " nieudanych logowań z rzędu — konto czeka do " + PolishTimes.minutes(until.atZone(clock.getZone())));
                throw new LockedException(lockedMessage(until));
            }
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!user.enabled()) {
            throw new DisabledException("Konto jest wyłączone — skontaktuj się z administratorem.");
        }
        users.recordSuccess(login);
        return signedIn(login, user.roles(), authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String lockedMessage(Instant until) {
        return "Konto jest zablokowane po " + lockout.attempts() + " nieudanych próbach logowania — spróbuj ponownie po "
                + PolishTimes.minutes(until.atZone(clock.getZone())) + " albo poproś administratora o nowe hasło.";
    }

    private static Authentication signedIn(String login, Set<Role> roles, Authentication request) {
        List<SimpleGrantedAuthority> authorities = roles.stream().sorted().map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(login, null,
                authorities);
        token.setDetails(request.getDetails());
        return token;
    }

    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
