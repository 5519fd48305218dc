package pl.mops.reports.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times and dates as every listing shows them ({@code runs}, {@code snapshots}, {@code status}, summaries, the
 * notification): in the installation's zone ({@code mops.time-zone}), Polish order — {@code 03.04.2025 02:00:09},
 * {@code 03.04.2025 02:00} where seconds are noise, {@code 03.04.2025} for a date — and durations with a decimal
 * comma ({@code 8,3 s}).
 * <p>
 * Spring Batch keeps start and end times as {@link LocalDateTime}: {@code LocalDateTime.now()} of the JVM that ran
 * the job, i.e. the wall clock of <em>that JVM's default zone</em>, stored as it is in a {@code TIMESTAMP} column
 * without a zone. {@link #ofBatch} reads them back in the default zone of the reading JVM, which assumes both JVMs
 * had the same default zone: {@code ./mops-reports} starts every JVM with {@code -Duser.timezone=Europe/Warsaw};
 * a program started otherwise (another zone, a different machine on a shared database) shows such runs shifted by
 * the difference. In the hour repeated when summer time ends the wall clock is ambiguous: the earlier instant is
 * taken.
 */
public final class PolishTimes {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT);

    private PolishTimes() {
    }

    /**
     * A Spring Batch time as an instant in {@code shown}.
     *
     * @param stored     as read from the job repository (a {@code LocalDateTime}), {@code null} when not set
     * @param storedZone the default zone of the JVM that wrote it ({@link ZoneId#systemDefault()}, see above)
     */
    public static ZonedDateTime ofBatch(LocalDateTime stored, ZoneId storedZone, ZoneId shown) {
        return stored == null ? null : stored.atZone(storedZone).withZoneSameInstant(shown);
    }

    /** the Spring Batch wall clock ({@code storedZone}) of an instant, to compare with stored times in SQL */
    public static LocalDateTime toBatch(Instant instant, ZoneId storedZone) {
        return LocalDateTime.ofInstant(instant, storedZone);
    }

    /** {@code 03.04.2025 02:00:09}, or {@code ""} for null */
    public static String seconds(ZonedDateTime time) {
        return time == null ? "" : time.format(SECONDS);
    }

    /** {@code 03.04.2025 02:00:09} in {@code zone} */
    public static String seconds(OffsetDateTime time, ZoneId zone) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(SECONDS);
    }

    /** {@code 03.04.2025 02:00} */
    public static String minutes(ZonedDateTime time) {
        return time == null ? "" : time.format(MINUTES);
    }

    /** {@code 03.04.2025} */
    public static String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    /** {@code 8,3 s} */
    public static String duration(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0).replace('.', ',');
    }
}
