package pl.mops.reports.importing.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The PESEL number: checksum, the birth date and the sex it encodes. */
public final class Pesel {

    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
    /** 11 digits not part of a longer number: what a PESEL looks like wherever it appears */
    private static final java.util.regex.Pattern PESEL_LIKE =
            java.util.regex.Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{5}(?![0-9])");

    private Pesel() {
    }

    public static boolean hasElevenDigits(String pesel) {
        if (pesel.length() != 11) {
            return false;
        }
        for (int i = 0; i < 11; i++) {
            if (pesel.charAt(i) < '0' || pesel.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public static boolean checksumValid(String pesel) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += WEIGHTS[i] * (pesel.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10 == pesel.charAt(10) - '0';
    }

    /** the birth date encoded in the first six digits (century in the month), or null when it is not a date */
    public static LocalDate birthDate(String pesel) {
        int yy = Integer.parseInt(pesel.substring(0, 2));
        int mm = Integer.parseInt(pesel.substring(2, 4));
        int dd = Integer.parseInt(pesel.substring(4, 6));
        int century;
        if (mm > 80) {
            century = 1800;
            mm -= 80;
        } else if (mm > 60) {
            century = 2200;
            mm -= 60;
        } else if (mm > 40) {
            century = 2100;
            mm -= 40;
        } else if (mm > 20) {
            century = 2000;
            mm -= 20;
        } else {
            century = 1900;
        }
        try {
            return LocalDate.of(century + yy, mm, dd);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The text with every PESEL-like number (11 digits in a row, not part of a longer number) masked after its sixth
     * digit ({@code 850312*****}), as every message, summary and file for people shows it: an id or any other value
     * that is a PESEL is masked too.
     */
    public static String masked(String text) {
        if (text == null || text.length() < 11) {
            return text;
        }
        return PESEL_LIKE.matcher(text).replaceAll("$1*****");
    }

    /** 'K' or 'M' from the tenth digit (even = woman) */
    public static char sex(String pesel) {
        return (pesel.charAt(9) - '0') % 2 == 0 ? 'K' : 'M';
    }
}
