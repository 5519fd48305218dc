package pl.mops.reports.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * Reads a new password for {@code users add} and {@code users passwd}: on a terminal ({@link System#console()}) it
 * is asked twice without echo; otherwise (a pipe, a script: {@code echo … | ./mops-reports users passwd jan}) it is
 * the first line of standard input.
 */
@Component
public class PasswordReader {

    /** @throws UserError when the two entries differ or standard input is empty */
    public String read(String login) {
        java.io.Console terminal = System.console();
        if (terminal != null) {
            char[] first = terminal.readPassword("Hasło dla %s (co najmniej %d znaków): ", login,
                    PasswordPolicy.MIN_LENGTH);
            char[] second = terminal.readPassword("Powtórz hasło: ");
            if (first == null || second == null) {
                throw new UserError("Nie podano hasła.", ExitCode.INVALID_INPUT, null);
            }
            try {
                if (!Arrays.equals(first, second)) {
                    throw new UserError("Hasła się różnią — nic nie zmieniono.", ExitCode.INVALID_INPUT, null);
                }
                return new String(first);
            } finally {
                Arrays.fill(first, ' ');
                Arrays.fill(second, ' ');
            }
        }
        return firstLine(System.in);
    }

    static String firstLine(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new UserError("Nie podano hasła: standardowe wejście jest puste (hasło podaje się w pierwszym "
                        + "wierszu, np. z pliku: ./mops-reports users passwd jan < haslo.txt).", ExitCode.INVALID_INPUT, null);
            }
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
