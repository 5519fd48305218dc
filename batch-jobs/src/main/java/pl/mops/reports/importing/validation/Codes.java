package pl.mops.reports.importing.validation;

import java.util.Locale;

/**
 * Canonical form of a code of the contract: trimmed, upper case, Polish letters folded to their
 * base letters ({@code Ubóstwo} = {@code UBOSTWO}), as the contract says codes are compared.
 */
public final class Codes {

    private static final String POLISH = "ĄĆĘŁŃÓŚŹŻ";
    private static final String PLAIN = "ACELNOSZZ";

    private Codes() {
    }

    public static String canonical(String raw) {
        if (isCanonical(raw)) {
            return raw; // the usual case (an export writes its codes as the contract does): nothing to fold
        }
        String upper = raw.trim().toUpperCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            int polish = POLISH.indexOf(c);
            result.append(polish >= 0 ? PLAIN.charAt(polish) : c);
        }
        return result.toString();
    }

    /** upper-case ASCII letters, digits and "_" only (nothing to trim, raise or fold), not empty */
    private static boolean isCanonical(String raw) {
        int n = raw.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
