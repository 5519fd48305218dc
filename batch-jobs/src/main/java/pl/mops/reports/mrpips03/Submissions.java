package pl.mops.reports.mrpips03;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.mrpips03.ReturnRepository.Submission;
import pl.mops.reports.runs.locking.JobLock;
import pl.mops.reports.runs.locking.JobLocks;
import pl.mops.reports.runs.locking.LockKey;

/**
 * Marks a return as sent to the ministry ({@code zloz}). Only a complete return of the next correction number may be
 * submitted: the first return (correction 0) before any submission, correction N + 1 after correction N. A return of a
 * period the data do not cover completely is never submitted; a return that breaks a control rule only when the user
 * says so explicitly. Runs under the period's job lock, so no computation of the same period runs meanwhile.
 */
@Service
public class Submissions {

    /** the outcome of {@code zloz}: the submission, and whether it existed already */
    public record Outcome(StoredReturn stored, Submission submission, boolean already) {
    }

    private final ReturnRepository returns;
    private final JobLocks locks;
    private final TransactionTemplate transaction;
    private final MopsProperties properties;

    public Submissions(ReturnRepository returns, JobLocks locks, TransactionTemplate transaction,
                       MopsProperties properties) {
        this.returns = returns;
        this.locks = locks;
        this.transaction = transaction;
        this.properties = properties;
    }

    /**
     * @param execution a job execution of the return's run (as {@code runs} lists it); {@code null} = the newest
     *                  complete version of the period
     * @param despiteFailedRules submit a return that breaks control rules (not ready)
     */
    public Outcome submit(ReturnPeriod period, Long execution, boolean despiteFailedRules, String by) {
        return submit(period, execution, despiteFailedRules, by, "zloz … --mimo-bledow");
    }

    /**
     * The same, for a caller whose user confirms a not-ready return otherwise than with {@code --mimo-bledow}.
     *
     * @param howToConfirm the end of the not-ready refusal: how to submit despite the failed rules (e.g. the console's
     *                     checkbox)
     */
    public Outcome submit(ReturnPeriod period, Long execution, boolean despiteFailedRules, String by,
                          String howToConfirm) {
        try (JobLock lock = locks.acquire(new LockKey(Mrpips03JobConfiguration.JOB_NAME, period.toString()),
                "Sprawozdanie MRPiPS-03 za " + period + " jest właśnie liczone", false)) {
            StoredReturn stored = returns.chosen(period, execution);
            Optional<Submission> existing = returns.submissionOf(stored.id());
            if (existing.isPresent()) {
                return new Outcome(stored, existing.get(), true);
            }
            Optional<Submission> latest = returns.latestSubmission(period);
            int expected = latest.map(s -> s.correction() + 1).orElse(0);
            if (stored.correction() != expected) {
                StoredReturn sent = returns.find(latest.orElseThrow().returnId()).orElseThrow();
                throw new UserError("Nie można złożyć wersji „" + stored.versionName() + "” sprawozdania za " + period
                        + ": złożona jest już wersja „" + sent.versionName() + "” (" + describe(latest.get()) + ")"
                        + (stored.correction() == sent.correction() && stored.draft() > sent.draft()
                        ? ", a ta wersja ma te same komórki \u2014 korekty nie trzeba składać."
                        : "; złożyć można tylko wersję policzoną później (korektę nr " + expected + ")."), ExitCode.INVALID_INPUT, null);
            }
            if (stored.incompletePeriod()) {
                throw new UserError("Nie można złożyć sprawozdania za " + period + " (" + stored.versionName()
                        + "): dane nie obejmują całego okresu (policzone z --niepelny-okres). Policz je po imporcie "
                        + "pełnych danych.", ExitCode.INVALID_INPUT, null);
            }
            if (stored.readiness() == Readiness.NIEGOTOWE && !despiteFailedRules) {
                throw new UserError("Sprawozdanie za " + period + " (" + stored.versionName() + ") jest niegotowe do "
                        + "wysłania: " + String.join("; ", stored.readinessReasons()) + ". Popraw dane albo, jeśli "
                        + "niespełnione reguły są wyjaśnione, oznacz złożenie świadomie: " + howToConfirm + ".", ExitCode.INVALID_INPUT, null);
            }
            long lastExecution = returns.lastExecutionOf(stored);
            Submission submission = transaction.execute(status -> returns.submit(stored, lastExecution,
                    OffsetDateTime.now(properties.timeZone()), by));
            return new Outcome(stored, submission, false);
        }
    }

    /** what {@code zloz} says about its outcome (the console shows the same sentences) */
    public List<String> outcomeLines(Outcome outcome) {
        StoredReturn stored = outcome.stored();
        String what = "sprawozdanie MRPiPS-03 za " + stored.period().polishName() + " (" + stored.versionName()
                + ", pliki " + stored.baseFileName() + ".*)";
        if (outcome.already()) {
            return List.of("To " + what + " było już oznaczone jako złożone: " + describe(outcome.submission())
                    + ".");
        }
        return List.of(
                "Oznaczono jako złożone: " + what + " \u2014 " + describe(outcome.submission()) + ".",
                "Gotowość w chwili złożenia: " + stored.readiness().polish()
                        + (stored.readinessReasons().isEmpty() ? "" : " (" + String.join("; ", stored.readinessReasons())
                        + ")") + ".",
                "Od teraz przeliczenie tego okresu na nowszych danych, jeśli zmieni komórki, będzie korektą nr "
                        + (stored.correction() + 1) + " tej wersji.");
    }

    /** e.g. "złożone 05.02.2027 10:15 przez użytkownik jan, przebieg nr 17" */
    public String describe(Submission submission) {
        return "złożone " + PolishTimes.minutes(submission.submittedAt().atZoneSameInstant(properties.timeZone()))
                + " przez " + submission.submittedBy() + ", przebieg nr " + submission.jobExecutionId();
    }
}
