package pl.mops.reports.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.runs.FailureNotifier;
import pl.mops.reports.runs.PolishStatus;
import pl.mops.reports.runs.RunFailureReport;

/**
 * Whether new data keep coming: the newest snapshot (the one the scheduled reports use) and how many days its "stan
 * na" lies before today (by the scheduler's clock, in {@code mops.time-zone}). More than {@code mops.dane.brak-nowych-po}
 * (40 days) is stale: {@code serve}'s health is DOWN, and {@link #notifyIfStale()} — called at every check of
 * {@code serve} — calls the notification hook once ({@code MOPS_STATUS=NO_NEW_DATA}); again only after new data ended
 * the stale spell and a new one began. (The memory of having notified is {@code serve}'s: a restarted {@code serve}
 * notifies a spell that is still going on once more.) No snapshot at all is not stale: there is nothing to compare.
 */
@Component
public class DataFreshness {

    private static final Logger log = LoggerFactory.getLogger(DataFreshness.class);

    /**
     * @param daysSinceAsOf days from the newest snapshot's "stan na" to today (0 without a snapshot)
     * @param limitDays     {@code mops.dane.brak-nowych-po} in days; 0 = no alarm
     */
    public record State(Optional<Snapshot> newest, LocalDate today, long daysSinceAsOf, long limitDays, boolean stale) {

        /** e.g. "od 41 dni brak nowych danych: najnowsza migawka nr 5 ma stan na 30.11.2025 (alarm po 40 dniach, …)" */
        public String staleMessage() {
            Snapshot snapshot = newest.orElseThrow();
            return "Od " + daysSinceAsOf + " dni brak nowych danych: najnowsza migawka nr " + snapshot.id()
                    + " ma stan na " + PolishTimes.date(snapshot.coverage().asOf()) + " (alarm po " + limitDays
                    + " dniach, mops.dane.brak-nowych-po). Sprawdź eksport systemu dziedzinowego do folderu wymiany "
                    + "i pobranie z bazy źródłowej (./mops-reports runs --zadanie import, --zadanie extract).";
        }
    }

    private final SnapshotRepository snapshots;
    private final DataSettings settings;
    private final Clock clock;
    private final MopsProperties properties;
    private final FailureNotifier notifier;
    private volatile boolean notified;

    public DataFreshness(SnapshotRepository snapshots, DataSettings settings, Clock clock, MopsProperties properties,
                         FailureNotifier notifier) {
        this.snapshots = snapshots;
        this.settings = settings;
        this.clock = clock;
        this.properties = properties;
        this.notifier = notifier;
    }

    public State state() {
        Optional<Snapshot> newest = snapshots.newest();
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        long limit = settings.staleAfter().toDays();
        if (newest.isEmpty()) {
            return new State(newest, today, 0, limit, false);
        }
        long days = ChronoUnit.DAYS.between(newest.get().coverage().asOf(), today);
        return new State(newest, today, days, limit, limit > 0 && days > limit);
    }

    /** calls the notification hook when the data have just become stale; {@code true} when it did */
    public boolean notifyIfStale() {
        State state = state();
        if (!state.stale()) {
            if (notified) {
                log.info("Nowe dane: migawka nr {} ma stan na {} — alarm braku nowych danych ustał.",
                        state.newest().map(Snapshot::id).orElse(null), state.newest().map(s -> s.coverage().asOf())
                                .orElse(null));
            }
            notified = false;
            return false;
        }
        if (notified) {
            return false;
        }
        notified = true;
        String message = state.staleMessage();
        log.warn("{}", message);
        Snapshot snapshot = state.newest().orElseThrow();
        notifier.notify(new RunFailureReport("dane", "nowe dane do raportów", "snapshot=" + snapshot.id() + ", asOf="
                + snapshot.coverage().asOf() + ", days=" + state.daysSinceAsOf(), PolishStatus.NO_NEW_DATA, message, null,
                CatchUp.LAUNCHED_BY, null, null, null));
        return true;
    }
}
