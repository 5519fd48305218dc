package pl.mops.reports.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Lazy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * Adding users, changing passwords, disabling and enabling accounts — from the command line ({@code users}) and the
 * administrator's page alike; each change is written to the audit log. Refusals are {@link UserError}s with a
 * Polish message (exit code 2).
 */
@Service
public class UserAccounts {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    /** without letters easy to confuse (l, 1, I, O, 0) */
    private static final String RANDOM_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserRepository users;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final Clock clock;

    /** @param encoder built on first use: the commands that never touch a password do not pay for it */
    public UserAccounts(UserRepository users, AuditLog audit, @Lazy PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Who acted and from where, for the audit log. */
    public record Actor(String name, String address) {

        /** the command line: the operating system's user, no address */
        public static Actor commandLine() {
            return new Actor("wiersz poleceń (użytkownik systemu " + System.getProperty("user.name") + ")", null);
        }
    }

    public List<WebUser> all() {
        return users.all();
    }

    public Optional<WebUser> find(String login) {
        return users.find(normalize(login));
    }

    /** the login as stored: trimmed, lower case */
    public static String normalize(String login) {
        return login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws UserError when the login cannot be one */
    public static String checkedLogin(String login) {
        String normalized = normalize(login);
        if (!LOGIN.matcher(normalized).matches()) {
            throw new UserError("Nieprawidłowy login \"" + login + "\": od 2 do 64 znaków — małe litery a–z, cyfry, "
                    + "kropka, podkreślenie i minus, na początku litera lub cyfra (np. jan.kowalski).", ExitCode.INVALID_INPUT, null);
        }
        return normalized;
    }

    @Transactional
    public void add(String login, Set<Role> roles, String password, Actor actor) {
        String checked = checkedLogin(login);
        if (roles.isEmpty()) {
            throw new UserError("Podaj co najmniej jedną rolę. Dozwolone role: " + Role.allowedList() + ".", ExitCode.INVALID_INPUT, null);
        }
        checkPassword(checked, password);
        if (!users.insert(checked, encoder.encode(password), roles, clock.instant(), actor.name())) {
            throw new UserError("Użytkownik " + checked + " już istnieje (nowe hasło: ./mops-reports users passwd "
                    + checked + " albo administrator w konsoli).", ExitCode.INVALID_INPUT, null);
        }
        audit.record(actor.name(), AuditLog.Action.UZYTKOWNIK_DODANY, actor.address(),
                "użytkownik " + checked + ", role: " + rolesText(roles));
    }

    /**
     * Adds the user with a random password unless the login is taken.
     *
     * @return the password, or empty when the user already exists (its password is left alone)
     */
    @Transactional
    public Optional<String> addWithRandomPassword(String login, Set<Role> roles, Actor actor) {
        String checked = checkedLogin(login);
        if (users.find(checked).isPresent()) {
            return Optional.empty();
        }
        String password = randomPassword();
        add(checked, roles, password, actor);
        return Optional.of(password);
    }

    @Transactional
    public void changePassword(String login, String password, Actor actor) {
        String checked = existing(login).login();
        checkPassword(checked, password);
        users.changePassword(checked, encoder.encode(password), clock.instant());
        audit.record(actor.name(), AuditLog.Action.HASLO_ZMIENIONE, actor.address(), "użytkownik " + checked);
    }

    @Transactional
    public void disable(String login, Actor actor) {
        WebUser user = existing(login);
        if (user.login().equals(actor.name())) {
            throw new UserError("Nie można wyłączyć własnego konta.", ExitCode.INVALID_INPUT, null);
        }
        if (user.enabled() && user.roles().contains(Role.ADMIN) && users.enabledWithRole(Role.ADMIN) == 1) {
            throw new UserError("Użytkownik " + user.login() + " jest jedynym włączonym administratorem — najpierw "
                    + "dodaj innego (./mops-reports users add LOGIN --rola ADMIN).", ExitCode.INVALID_INPUT, null);
        }
        users.setEnabled(user.login(), false);
        audit.record(actor.name(), AuditLog.Action.UZYTKOWNIK_WYLACZONY, actor.address(), "użytkownik " + user.login());
    }

    @Transactional
    public void enable(String login, Actor actor) {
        WebUser user = existing(login);
        users.setEnabled(user.login(), true);
        audit.record(actor.name(), AuditLog.Action.UZYTKOWNIK_WLACZONY, actor.address(), "użytkownik " + user.login());
    }

    /** 16 characters from 55 (about 92 bits) */
    public String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(RANDOM_ALPHABET.charAt(random.nextInt(RANDOM_ALPHABET.length())));
        }
        return password.toString();
    }

    public static String rolesText(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }

    private WebUser existing(String login) {
        return users.find(normalize(login)).orElseThrow(() -> new UserError("Nie ma użytkownika \"" + normalize(login)
                + "\". Lista: ./mops-reports users list", ExitCode.INVALID_INPUT, null));
    }

    private static void checkPassword(String login, String password) {
        PasswordPolicy.problem(login, password).ifPresent(problem -> {
            throw new UserError(problem, ExitCode.INVALID_INPUT, null);
        });
    }

    Instant now() {
        return clock.instant();
    }
}
