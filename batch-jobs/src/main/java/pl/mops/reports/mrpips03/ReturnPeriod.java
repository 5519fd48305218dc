package pl.mops.reports.mrpips03;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The period of a return: {@code P} = I–VI (1 January – 30 June), {@code R} = I–XII (the year).
 * Written {@code 2025-P} / {@code 2025-R} on the command line and in file names.
 */
public record ReturnPeriod(int year, char half) {

    public ReturnPeriod {
        if (half != 'P' && half != 'R') {
            throw new IllegalArgumentException("half must be P or R");
        }
    }

    public static ReturnPeriod parse(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-([PRpr])").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        return new ReturnPeriod(Integer.parseInt(m.group(1)), Character.toUpperCase(m.group(2).charAt(0)));
    }

    public LocalDate start() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate end() {
        return half == 'P' ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    public boolean annual() {
        return half == 'R';
    }

    /** the half-year return of the same year (for the R ≥ P rule) */
    public ReturnPeriod firstHalf() {
        return new ReturnPeriod(year, 'P');
    }

    /** the fixed date written into the files' metadata: the first day after the period (never the clock) */
    public Instant documentDate() {
        return end().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** "I półrocze 2025 (1 I – 30 VI)" / "rok 2025 (I–XII)" */
    public String polishName() {
        return half == 'P' ? "I półrocze " + year + " (1 stycznia – 30 czerwca)" : "rok " + year + " (1 stycznia – 31 grudnia)";
    }

    @Override
    public String toString() {
        return year + "-" + half;
    }
}
