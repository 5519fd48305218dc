package pl.mops.reports.users;

import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * {@code users add LOGIN --rola ROLA[,ROLA]}, {@code users passwd LOGIN}, {@code users disable LOGIN},
 * {@code users enable LOGIN}, {@code users list}: the users of the web console, so that the first administrator
 * exists before anyone signs in. The password is asked twice on a terminal, or read as the first line of standard
 * input ({@link PasswordReader}); it never appears on the command line.
 */
@Component
public class UsersCommand implements CliCommand {

    private final UserAccounts accounts;
    private final PasswordReader passwords;
    private final Console console;
    private final MopsProperties properties;

    public UsersCommand(UserAccounts accounts, PasswordReader passwords, Console console, MopsProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.console = console;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "users";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        String action = line.argument(0).orElseThrow();
        UserAccounts.Actor actor = UserAccounts.Actor.commandLine();
        switch (action) {
            case "list" -> list();
            case "add" -> {
                String login = UserAccounts.checkedLogin(login(line));
                var roles = Role.parseList(line.option("rola").orElseThrow(() -> new UserError(
                        "Podaj role: --rola ROLA[,ROLA] (dozwolone: " + Role.allowedList() + ").", ExitCode.INVALID_INPUT, null)));
                if (accounts.find(login).isPresent()) {
                    throw new UserError("Użytkownik " + login + " już istnieje (nowe hasło: ./mops-reports users passwd "
                            + login + ").", ExitCode.INVALID_INPUT, null);
                }
                accounts.add(login, roles, passwords.read(login), actor);
                console.line("Dodano użytkownika " + login + " (role: " + UserAccounts.rolesText(roles)
                        + "). Konsola: ./mops-reports serve.");
            }
            case "passwd" -> {
                String login = UserAccounts.normalize(login(line));
                if (accounts.find(login).isEmpty()) {
                    throw new UserError("Nie ma użytkownika \"" + login + "\". Lista: ./mops-reports users list", ExitCode.INVALID_INPUT, null);
                }
                accounts.changePassword(login, passwords.read(login), actor);
                console.line("Ustawiono nowe hasło użytkownika " + login + ".");
            }
            case "disable" -> {
                String login = UserAccounts.normalize(login(line));
                accounts.disable(login, actor);
                console.line("Wyłączono konto " + login + " (nie zaloguje się do konsoli; włączenie: "
                        + "./mops-reports users enable " + login + ").");
            }
            case "enable" -> {
                String login = UserAccounts.normalize(login(line));
                accounts.enable(login, actor);
                console.line("Włączono konto " + login + ".");
            }
            default -> throw new IllegalStateException(action); // CommandCheck refuses other words
        }
        return ExitCode.SUCCESS;
    }

    private void list() {
        List<WebUser> all = accounts.all();
        if (all.isEmpty()) {
            console.line("Brak użytkowników konsoli. Pierwszy: ./mops-reports users add LOGIN --rola ADMIN");
            return;
        }
        ZoneId zone = properties.timeZone();
        java.time.Instant now = accounts.now();
        console.line("  %-20s %-36s %-24s %s", "login", "role", "stan", "hasło zmienione");
        for (WebUser user : all) {
            String state = !user.enabled() ? "wyłączone" : user.lockedAt(now)
                    ? "zablokowane do " + PolishTimes.minutes(user.lockedUntil().atZone(zone)) : "aktywne";
            console.line("  %-20s %-36s %-24s %s", user.login(), UserAccounts.rolesText(user.roles()), state,
                    PolishTimes.minutes(user.passwordChangedAt().atZone(zone)));
        }
    }

    private static String login(CommandLine line) {
        return line.argument(1).orElseThrow(() -> new UserError("Podaj login, np. ./mops-reports users "
                + line.argument(0).orElse("add") + " jan.kowalski", ExitCode.INVALID_INPUT, null));
    }
}
