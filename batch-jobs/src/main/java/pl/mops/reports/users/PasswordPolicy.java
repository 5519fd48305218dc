package pl.mops.reports.users;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters (length matters more than character classes,
 * as the current NIST and CERT Polska advice says), at most {@value #MAX_BYTES} bytes in UTF-8 (bcrypt reads no
 * more), not the login itself, and not only spaces.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** the Polish reason the password is refused, or empty when it is acceptable */
    public static Optional<String> problem(String login, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("Hasło nie może być puste.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Hasło jest za krótkie: musi mieć co najmniej " + MIN_LENGTH + " znaków (najlepiej "
                    + "kilka słów).");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Hasło jest za długie: najwyżej " + MAX_BYTES + " bajty (72 znaki bez polskich liter).");
        }
        if (password.equalsIgnoreCase(login)) {
            return Optional.of("Hasło nie może być takie samo jak login.");
        }
        return Optional.empty();
    }
}
