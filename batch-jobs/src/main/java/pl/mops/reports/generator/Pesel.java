package pl.mops.reports.generator;

import java.time.LocalDate;

/** Builds valid PESEL numbers (date with the century coded in the month, serial, sex digit, checksum). */
final class Pesel {

    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

    private Pesel() {
    }

    /**
     * @param serial 0–4999: the three serial digits and which of the five sex digits is used
     */
    static String of(LocalDate birthDate, char sex, int serial) {
        int year = birthDate.getYear();
        int monthOffset = switch (year / 100) {
            case 18 -> 80;
            case 19 -> 0;
            case 20 -> 20;
            case 21 -> 40;
            case 22 -> 60;
            default -> throw new IllegalArgumentException("PESEL nie obejmuje roku " + year);
        };
        int sexDigit = 2 * (serial / 1000 % 5) + (sex == 'M' ? 1 : 0);
        int[] digits = new int[11];
        int yy = year % 100;
        int mm = birthDate.getMonthValue() + monthOffset;
        int dd = birthDate.getDayOfMonth();
        int zzz = serial % 1000;
        digits[0] = yy / 10;
        digits[1] = yy % 10;
        digits[2] = mm / 10;
        digits[3] = mm % 10;
        digits[4] = dd / 10;
        digits[5] = dd % 10;
        digits[6] = zzz / 100;
        digits[7] = zzz / 10 % 10;
        digits[8] = zzz % 10;
        digits[9] = sexDigit;
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += WEIGHTS[i] * digits[i];
        }
        digits[10] = (10 - sum % 10) % 10;
        StringBuilder text = new StringBuilder(11);
        for (int digit : digits) {
            text.append((char) ('0' + digit));
        }
        return text.toString();
    }
}
