package pl.mops.reports.importing;

import pl.mops.reports.system.ExitCode;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The span of days a snapshot's data covers: from the first day of the month of its first realisation to the day
 * the export was taken ("stan na"), both inclusive. A period is <em>covered</em> when every one of its days lies in
 * the span; only then may a document state its figures as complete. A snapshot without any realisation covers
 * nothing ({@code from == null}).
 */
public record Coverage(LocalDate from, LocalDate asOf) {

    public Coverage {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf");
        }
    }

    /** whether every day of {@code [start, end]} is covered */
    public boolean covers(LocalDate start, LocalDate end) {
        return of(start, end).complete();
    }

    public boolean covers(YearMonth month) {
        return covers(month.atDay(1), month.atEndOfMonth());
    }

    /** what the snapshot holds of the period {@code [start, end]} */
    public PeriodCoverage of(LocalDate start, LocalDate end) {
        if (from == null) {
            return new PeriodCoverage(start, end, null, null);
        }
        LocalDate heldFrom = start.isBefore(from) ? from : start;
        LocalDate heldTo = end.isAfter(asOf) ? asOf : end;
        if (heldFrom.isAfter(heldTo)) {
            return new PeriodCoverage(start, end, null, null);
        }
        return new PeriodCoverage(start, end, heldFrom, heldTo);
    }

    public PeriodCoverage of(YearMonth month) {
        return of(month.atDay(1), month.atEndOfMonth());
    }

    /**
     * The check every job makes before it computes a period: a period the snapshot does not cover completely is
     * refused (exit code 2, the covered span named), unless {@code incompleteAllowed} ({@code --niepelny-okres});
     * a period of which the snapshot holds no day at all is refused anyway.
     *
     * @param periodName e.g. {@code miesiąc 2026-12}, {@code rok 2026 (1 stycznia – 31 grudnia)}
     */
    public PeriodCoverage admit(LocalDate start, LocalDate end, String periodName, boolean incompleteAllowed,
                                long snapshotId) {
        PeriodCoverage period = of(start, end);
        if (period.none()) {
            throw new pl.mops.reports.system.UserError("Migawka nr " + snapshotId + " nie zawiera danych za okres: "
                    + periodName + " \u2014 " + describe() + ". Zaimportuj nowsze dane (import --stan-na RRRR-MM-DD).",
                    ExitCode.INVALID_INPUT, null);
        }
        if (period.partial() && !incompleteAllowed) {
            throw new pl.mops.reports.system.UserError("Migawka nr " + snapshotId + " nie obejmuje całego okresu: "
                    + periodName + " (" + period.held() + ") \u2014 " + describe() + ". Policz go po imporcie danych "
                    + "za cały okres albo świadomie z opcją --niepelny-okres (dokumenty będą oznaczone jako niepełne).",
                    ExitCode.INVALID_INPUT, null);
        }
        return period;
    }

    /** e.g. {@code 2024-12-01 – 2026-11-30}; without realisations: {@code brak świadczeń (stan na 2026-11-30)} */
    public String span() {
        return from == null ? "brak zrealizowanych świadczeń (stan na " + asOf + ")" : from + " \u2013 " + asOf;
    }

    /** the Polish phrase used in refusals and headers: {@code dane obejmują 2024-12-01 – 2026-11-30} */
    public String describe() {
        return from == null ? "migawka nie zawiera żadnego zrealizowanego świadczenia (stan na " + asOf + ")"
                : "dane obejmują " + span();
    }
}
