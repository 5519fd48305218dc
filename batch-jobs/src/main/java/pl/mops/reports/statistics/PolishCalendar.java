package pl.mops.reports.statistics;

import java.time.YearMonth;

/** Polish month names and the Roman numerals used for periods ("I–X 2025"). */
public final class PolishCalendar {

    private static final String[] MONTHS = {"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
            "sierpień", "wrzesień", "październik", "listopad", "grudzień"};
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private PolishCalendar() {
    }

    /** "październik 2025" */
    public static String monthName(YearMonth month) {
        return MONTHS[month.getMonthValue() - 1] + " " + month.getYear();
    }

    /** "październik" */
    public static String monthName(int month) {
        return MONTHS[month - 1];
    }

    /** "X" */
    public static String roman(int month) {
        return ROMAN[month - 1];
    }

    /** "I–X 2025" (January to the month); "I 2025" for January */
    public static String yearToDate(YearMonth month) {
        return (month.getMonthValue() == 1 ? "I" : "I\u2013" + roman(month.getMonthValue())) + " " + month.getYear();
    }
}
