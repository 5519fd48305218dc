package pl.mops.reports.mrpips03;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.mrpips03.ReturnRepository.Submission;

/**
 * Where each MRPiPS-03 return of the recent periods stands, for {@code status}: its deadline and the days left, the
 * newest computed version and its readiness, and whether (which version, when, by whom) it was submitted.
 */
@Component
public class ReturnStatus {

    private final ReturnRepository returns;
    private final Deadlines deadlines;
    private final Submissions submissions;
    private final MopsProperties properties;

    public ReturnStatus(ReturnRepository returns, Deadlines deadlines, Submissions submissions,
                        MopsProperties properties) {
        this.returns = returns;
        this.deadlines = deadlines;
        this.submissions = submissions;
        this.properties = properties;
    }

    /** one return's standing: its period, deadline in words and state in words */
    public record Line(ReturnPeriod period, String deadline, String state) {
    }

    /** the half-year and annual returns of the previous and the current year, oldest first */
    public List<Line> lines(LocalDate today) {
        List<Line> lines = new ArrayList<>();
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
            for (char half : new char[] {'P', 'R'}) {
                ReturnPeriod period = new ReturnPeriod(year, half);
                lines.add(new Line(period, deadlines.describe(period, today), state(period)));
            }
        }
        return lines;
    }

    /** e.g. "złożone 15.07.2026 10:02 przez użytkownik jan, przebieg nr 12 (sprawozdanie pierwotne, wersja robocza 2)" */
    String state(ReturnPeriod period) {
        Optional<Submission> sent = returns.latestSubmission(period);
        Optional<StoredReturn> newest = returns.newestComplete(period);
        if (newest.isEmpty()) {
            return "nie policzono";
        }
        StoredReturn latest = newest.get();
        String computed = "najnowsza wersja: " + latest.versionName() + ", " + latest.readiness().polish();
        if (sent.isEmpty()) {
            return computed + "; niezłożone";
        }
        StoredReturn sentReturn = returns.find(sent.get().returnId()).orElseThrow();
        String submitted = submissions.describe(sent.get()) + " (" + sentReturn.versionName() + ")";
        return sentReturn.id() == latest.id() || latest.correction() == sentReturn.correction()
                ? submitted : submitted + "; " + computed + " — do złożenia jako korekta";
    }

    /** the deadline of one period in words, for the summary of a run */
    public String deadline(ReturnPeriod period) {
        return deadlines.describe(period, LocalDate.now(properties.timeZone()));
    }
}
