package pl.mops.reports.mrpips03;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.database.ConfigCsv;
import pl.mops.reports.rendering.PolishPlural;

/**
 * When each MRPiPS-03 return is due, as data ({@code config/terminy-mrpips03.csv}, {@code okres;termin}): a line
 * {@code P;07-21} or {@code R;02-09} is the usual rule (P in its own year, R in the next year), a line
 * {@code 2025-R;2026-02-10} the date the voivode's office set for one period, which wins over the rule. Without
 * either: 21 July for P, 9 February of the next year for R.
 */
@Component
public class Deadlines {

    static final String FILE = "terminy-mrpips03.csv";
    private static final MonthDay DEFAULT_P = MonthDay.of(7, 21);
    private static final MonthDay DEFAULT_R = MonthDay.of(2, 9);

    private final Map<String, LocalDate> exact = new HashMap<>();
    private MonthDay half = DEFAULT_P;
    private MonthDay year = DEFAULT_R;

    public Deadlines() {
        this(ConfigCsv.read(FILE).stream().map(r -> new String[] {r.get("okres"), r.get("termin")}).toList());
    }

    Deadlines(Iterable<String[]> lines) {
        for (String[] line : lines) {
            String period = line[0].trim().toUpperCase();
            String date = line[1].trim();
            try {
                switch (period) {
                    case "P" -> half = MonthDay.parse("--" + date);
                    case "R" -> year = MonthDay.parse("--" + date);
                    default -> exact.put(ReturnPeriod.parse(period).toString(), LocalDate.parse(date));
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalStateException("config/" + FILE + ": niepoprawny wiersz „" + line[0] + ";" + line[1]
                        + "” (oczekiwano P;MM-DD, R;MM-DD albo RRRR-P|RRRR-R;RRRR-MM-DD)", e);
            }
        }
    }

    /** the day the return of {@code period} is due */
    public LocalDate of(ReturnPeriod period) {
        LocalDate set = exact.get(period.toString());
        if (set != null) {
            return set;
        }
        return period.annual() ? year.atYear(period.year() + 1) : half.atYear(period.year());
    }

    /** e.g. "termin 09.02.2027 (za 66 dni)", "termin 21.07.2026 (minął 137 dni temu)", "termin dziś (05.12.2026)" */
    public String describe(ReturnPeriod period, LocalDate today) {
        LocalDate due = of(period);
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, due);
        String date = PolishTimes.date(due);
        if (days == 0) {
            return "termin dziś (" + date + ")";
        }
        String count = Math.abs(days) + " " + PolishPlural.of(Math.abs(days), "dzień", "dni", "dni");
        return "termin " + date + (days > 0 ? " (za " + count + ")" : " (minął " + count + " temu)");
    }
}
