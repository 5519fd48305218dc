package pl.mops.reports.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import pl.mops.reports.rendering.PolishPlural;

/**
 * What a snapshot holds of one period {@code [start, end]}: the held part {@code [heldFrom, heldTo]} (both
 * {@code null} when it holds no day of it). Complete, partial or none; for a partial period a Polish phrase says how
 * much of it the data hold, counted in whole months (and days of a month begun).
 */
public record PeriodCoverage(LocalDate start, LocalDate end, LocalDate heldFrom, LocalDate heldTo) {

    public boolean complete() {
        return heldFrom != null && heldFrom.equals(start) && heldTo.equals(end);
    }

    public boolean none() {
        return heldFrom == null;
    }

    public boolean partial() {
        return !complete() && !none();
    }

    /** whole calendar months of the period that the data hold entirely */
    public int monthsHeld() {
        if (none()) {
            return 0;
        }
        int months = 0;
        for (YearMonth m = YearMonth.from(heldFrom); !m.atDay(1).isAfter(heldTo); m = m.plusMonths(1)) {
            if (!m.atDay(1).isBefore(heldFrom) && !m.atEndOfMonth().isAfter(heldTo)) {
                months++;
            }
        }
        return months;
    }

    /** days of a month the data hold only in part (the month of "stan na", at the end of the held span) */
    public int extraDays() {
        if (none()) {
            return 0;
        }
        YearMonth last = YearMonth.from(heldTo);
        if (heldTo.equals(last.atEndOfMonth())) {
            return 0;
        }
        LocalDate first = heldFrom.isAfter(last.atDay(1)) ? heldFrom : last.atDay(1);
        return (int) ChronoUnit.DAYS.between(first, heldTo) + 1;
    }

    /** calendar months the period spans */
    public int monthsInPeriod() {
        return (int) ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
    }

    /**
     * How much of the period the data hold, in Polish: {@code dane za 5 z 31 dni (2026-12-01 – 2026-12-05)} for a
     * month, {@code dane za 11 z 12 miesięcy (2025-02-01 – 2025-12-31)} or {@code dane za 10 miesięcy i 5 dni z 12
     * miesięcy (…)} for a longer period, {@code brak danych} when none.
     */
    public String held() {
        if (none()) {
            return "brak danych";
        }
        return "dane za " + amount(false) + " (" + heldFrom + " \u2013 " + heldTo + ")";
    }

    /** a short mark for a column header or a row label: {@code niepełne: 5 z 31 dni}, {@code niepełne: 11 z 12 mies.} */
    public String mark() {
        return none() ? "brak danych" : "niepełne: " + amount(true);
    }

    private String amount(boolean brief) {
        int periodMonths = monthsInPeriod();
        if (periodMonths == 1) {
            int days = (int) ChronoUnit.DAYS.between(heldFrom, heldTo) + 1;
            return days + " z " + start.lengthOfMonth() + " dni";
        }
        int months = monthsHeld();
        int days = extraDays();
        String what = brief ? months + " mies." : months + " " + PolishPlural.of(months, "miesiąc", "miesiące", "miesięcy");
        if (days > 0) {
            String dayWord = PolishPlural.of(days, "dzień", "dni", "dni");
            what = months > 0 ? what + " i " + days + " " + dayWord : days + " " + dayWord;
        }
        return what + " z " + periodMonths + (brief ? " mies." : " miesięcy");
    }
}
