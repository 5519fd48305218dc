package pl.mops.reports.importing.wymiana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.FailureTranslator;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.ImportResult;
import pl.mops.reports.importing.SnapshotImporter;
import pl.mops.reports.importing.SnapshotJobs;
import pl.mops.reports.rendering.ReportFileWriter;

/**
 * The drop folder {@code MOPS_HOME/wymiana/} ({@code mops.wymiana.folder}): the case system (or a person) puts an
 * export into it — a folder of the contract's files, or one ZIP of them, either with an optional {@code stan-na.txt}
 * ({@code RRRR-MM-DD}). One {@link #check} (each tick of the schedule's entry {@code wymiana}, or the command
 * {@code wymiana}) does this:
 * <ol>
 * <li>takes the folder's lock ({@code .blokada}, a lock of the operating system: two processes never check one folder
 *     at once; the second one skips its check) and removes what an interrupted check left unpacked
 *     ({@code .rozpakowane/});</li>
 * <li>removes archive entries older than the retention ({@link ArchiveRetention});</li>
 * <li>takes each complete export, oldest first (by the time its marker or ZIP was last written): a folder only when
 *     it holds the marker file {@code GOTOWE} (the exporter writes it last); a ZIP only when it was last modified at
 *     least {@code mops.wymiana.stabilny-po} (60 s) ago and its size and time are the same at the start of the check
 *     and just before it is read — a ZIP still being written is left for the next check; whether it is whole (its
 *     central directory readable) and safe to unpack the import itself checks ({@link ExportContents});</li>
 * <li>imports it once through the job {@code snapshotImport} ({@link SnapshotJobs}): recorded in {@code runs},
 *     notified on failure, resumed after a crash (the same export has the same identity, so the interrupted run is
 *     resumed, not duplicated; the same content gives the same snapshot);</li>
 * <li>moves it into {@code przyjete/} (a new snapshot, or the same content as an existing one — then the note says
 *     so), or, when the export itself is at fault (a file-level error, an unsafe or broken ZIP, a bad
 *     {@code stan-na.txt}: exit code 2), into {@code odrzucone/}; under a name with the time it was archived
 *     ({@code 20261205-011503-eksport.zip}, no clashes), with a note of the same name ({@code …-eksport.txt}) saying
 *     what happened (for a rejected one: the Polish reason). Everything moved there is for the service account only.
 *     An export that failed for another reason (no database, full disk, another process importing, an unexpected
 *     error) stays where it is and is tried again after {@code ponowienie-po} (another process importing: at the next
 *     check).</li>
 * </ol>
 * An export is archived after its import committed; a process killed in between leaves it in place, and the next
 * check finds its content already imported (the same snapshot, "identical" in the note).
 */
@Component
public class DropFolder {

    public static final String ACCEPTED = "przyjete";
    public static final String REJECTED = "odrzucone";
    public static final String MARKER = "GOTOWE";
    static final String LOCK_FILE = ".blokada";
    static final String UNPACKED = ".rozpakowane";

    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

    /** What happened to one entry of the drop folder. */
    public enum Status {
        /** imported as a new snapshot and archived in przyjete/ */
        ACCEPTED,
        /** the same content as an existing snapshot: no new one; archived in przyjete/ with a note saying so */
        ACCEPTED_SAME,
        /** the export is at fault: archived in odrzucone/ with the reason */
        REJECTED,
        /** a folder without the marker GOTOWE: left alone */
        INCOMPLETE,
        /** a ZIP still being written: left alone */
        BEING_WRITTEN,
        /** the import failed for a reason not in the export: left in place, tried again later */
        FAILED,
        /** failed earlier, its retry time has not come */
        WAITING,
        /** another process is importing: tried at the next check */
        HELD_ELSEWHERE,
        /** neither a folder nor a ZIP: left alone */
        IGNORED
    }

    /**
     * One entry and what happened to it.
     *
     * @param archived where it was moved ({@code null} when it stayed)
     * @param note     the note next to it
     * @param result   the import's result, when it completed
     * @param exitCode the failed import's exit code (3 no database, 4 a file, 5 another process…), else 0
     */
    public record Outcome(String name, Status status, String message, Path archived, Path note, ImportResult result,
                          int exitCode) {

        Outcome(String name, Status status, String message, Path archived, Path note, ImportResult result) {
            this(name, status, message, archived, note, result, 0);
        }

        /** one line in Polish, e.g. "eksport.zip: przyjęty — nowa migawka nr 5 …" */
        public String describe() {
            return name + ": " + message;
        }
    }

    /** One check: the folder, whether another process was checking it, the entries and the archive entries removed. */
    public record Check(Path folder, boolean busy, List<Outcome> exports, List<String> removedFromArchive) {
    }

    private final SnapshotJobs jobs;
    private final SnapshotImporter importer;
    private final DropFolderSettings settings;
    private final MopsProperties properties;
    private final Clock clock;
    /** exports whose import failed for a reason not in them (by identity): not tried again before this time */
    private final Map<String, Instant> retryAt = new ConcurrentHashMap<>();

    public DropFolder(SnapshotJobs jobs, SnapshotImporter importer, DropFolderSettings settings,
                      MopsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.importer = importer;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    public Path folder() {
        return settings.folderIn(properties.home());
    }

    /**
     * @param launchedBy "harmonogram" or the user
     * @param progress   the import's progress lines (the command prints them)
     * @param report     told each entry's outcome as soon as it is known
     * @param retryAfter how long an export whose import failed for a reason not in it waits
     */
    public Check check(String launchedBy, SnapshotImporter.Progress progress, Consumer<Outcome> report,
                       Duration retryAfter) {
        Path folder = folder();
        OwnerOnlyTree.folderIfMissing(folder);
        try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                log.info("Folder wymiany {} sprawdza właśnie inny proces — pomijam to sprawdzenie.", folder);
                return new Check(folder, true, List.of(), List.of());
            }
            try {
                OwnerOnlyTree.restrict(folder.resolve(LOCK_FILE));
                return checkLocked(folder, launchedBy, progress, report, retryAfter);
            } finally {
                OwnerOnlyTree.deleteTree(folder.resolve(UNPACKED));
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Check checkLocked(Path folder, String launchedBy, SnapshotImporter.Progress progress,
                              Consumer<Outcome> report, Duration retryAfter) throws IOException {
        OwnerOnlyTree.deleteTree(folder.resolve(UNPACKED));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.timeZone()));
        List<String> removed = ArchiveRetention.removeExpired(folder, now, settings.keepMonths());
        List<Outcome> outcomes = new ArrayList<>();
        List<Candidate> ready = new ArrayList<>();
        for (Path entry : entries(folder)) {
            String name = entry.getFileName().toString();
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory()) {
                Path marker = entry.resolve(MARKER);
                if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
                    Instant written = Files.getLastModifiedTime(marker).toInstant();
                    ready.add(new Candidate(entry, name, false, written, "folder:" + written.toEpochMilli(), -1));
                } else {
                    outcomes.add(report(report, new Outcome(name, Status.INCOMPLETE, "niekompletny (brak pliku " + MARKER
                            + ", który eksport zapisuje na końcu) — czeka", null, null, null)));
                }
            } else if (attributes.isRegularFile() && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                Instant written = attributes.lastModifiedTime().toInstant();
                Duration age = Duration.between(written, Instant.now());
                if (age.compareTo(settings.settleTime()) < 0) {
                    outcomes.add(report(report, new Outcome(name, Status.BEING_WRITTEN, "plik ZIP jest jeszcze "
                            + "zapisywany (zmieniony " + Math.max(0, age.toSeconds()) + " s temu, czeka "
                            + settings.settleTime().toSeconds() + " s) — czeka", null, null, null)));
                } else {
                    ready.add(new Candidate(entry, name, true, written,
                            "zip:" + attributes.size() + ":" + written.toEpochMilli(), attributes.size()));
                }
            } else {
                outcomes.add(report(report, new Outcome(name, Status.IGNORED, "pominięty — to nie folder eksportu ani "
                        + "plik ZIP", null, null, null)));
            }
        }
        ready.sort(Comparator.comparing(Candidate::written).thenComparing(Candidate::name));
        for (Candidate candidate : ready) {
            Outcome outcome = take(folder, candidate, launchedBy, progress, retryAfter);
            outcomes.add(report(report, outcome));
            if (outcome.status() == Status.FAILED && outcome.exitCode() == 3) {
                break; // the next ones would fail the same way
            }
        }
        return new Check(folder, false, outcomes, removed);
    }

    private record Candidate(Path path, String name, boolean zip, Instant written, String identity, long size) {
    }

    private Outcome take(Path folder, Candidate candidate, String launchedBy, SnapshotImporter.Progress progress,
                         Duration retryAfter) throws IOException {
        Instant retry = retryAt.get(candidate.identity());
        if (retry != null && clock.instant().isBefore(retry)) {
            return new Outcome(candidate.name(), Status.WAITING, "poprzednia próba wczytania nie powiodła się — "
                    + "następna " + PolishTimes.minutes(retry.atZone(properties.timeZone())), null, null, null);
        }
        if (candidate.zip()) {
            BasicFileAttributes again = Files.readAttributes(candidate.path(), BasicFileAttributes.class);
            if (again.size() != candidate.size() || !again.lastModifiedTime().toInstant().equals(candidate.written())) {
                return new Outcome(candidate.name(), Status.BEING_WRITTEN, "plik ZIP zmienia się (inny rozmiar lub czas "
                        + "przy drugim odczycie) — czeka", null, null, null);
            }
        }
        ImportResult result;
        try {
            result = jobs.importFiles(new SnapshotJobs.ImportRequest(candidate.path(), "wymiana:" + candidate.name(),
                    importer.defaultOutputDir(), null, true,
                    candidate.zip() ? folder.resolve(UNPACKED).resolve(candidate.name()) : null,
                    candidate.zip() ? settings : null, candidate.identity(), launchedBy, false, progress));
        } catch (RuntimeException e) {
            UserError error = FailureTranslator.toUserError(e);
            if (error.exitCode() == 2 && Files.exists(candidate.path(), LinkOption.NOFOLLOW_LINKS)) {
                retryAt.remove(candidate.identity());
                return archive(folder, candidate, REJECTED, Status.REJECTED, null, error.getMessage());
            }
            if (error.exitCode() == 5) {
                return new Outcome(candidate.name(), Status.HELD_ELSEWHERE, "nie wczytano teraz — " + error.getMessage(),
                        null, null, null, error.exitCode());
            }
            Instant next = clock.instant().plus(retryAfter);
            retryAt.put(candidate.identity(), next);
            log.warn("Folder wymiany: {} nie został wczytany (zostaje w folderze, następna próba {}): {}", candidate.name(),
                    PolishTimes.minutes(next.atZone(properties.timeZone())), error.getMessage());
            return new Outcome(candidate.name(), Status.FAILED, "nie wczytano: " + error.getMessage()
                    + " Eksport zostaje w folderze; następna próba " + PolishTimes.minutes(next.atZone(properties.timeZone()))
                    + ".", null, null, null, error.exitCode());
        }
        retryAt.remove(candidate.identity());
        return archive(folder, candidate, ACCEPTED, result.reused() ? Status.ACCEPTED_SAME : Status.ACCEPTED, result,
                null);
    }

    /** moves the export into the archive folder under a stamped name and writes its note */
    private Outcome archive(Path folder, Candidate candidate, String archiveName, Status status, ImportResult result,
                            String reason) throws IOException {
        Path archive = OwnerOnlyTree.folder(folder.resolve(archiveName));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.timeZone()));
        String stamp = now.format(ArchiveRetention.STAMP);
        String base = candidate.name().replaceFirst("(?i)\\.zip$", "");
        Path target = archive.resolve(stamp + "-" + candidate.name());
        Path note = archive.resolve(stamp + "-" + base + ".txt");
        for (int i = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.exists(note, LinkOption.NOFOLLOW_LINKS); i++) {
            target = archive.resolve(stamp + "-" + i + "-" + candidate.name());
            note = archive.resolve(stamp + "-" + i + "-" + base + ".txt");
        }
        Files.move(candidate.path(), target, StandardCopyOption.ATOMIC_MOVE);
        int kept = OwnerOnlyTree.restrictTree(target);
        if (kept > 0) {
            log.warn("Folder wymiany: {} pozycji w {} zachowało uprawnienia (inny właściciel?) — sprawdź, kto może je "
                    + "czytać.", kept, folder.relativize(target));
        }
        String moved = archiveName + "/" + target.getFileName();
        String what = switch (status) {
            case ACCEPTED -> "przyjęty — nowa migawka nr " + result.snapshot().id() + " (zakres danych "
                    + result.snapshot().coverage().span() + ")";
            case ACCEPTED_SAME -> "przyjęty bez nowej migawki — zawartość identyczna z migawką nr "
                    + result.snapshot().id() + " (zakres danych " + result.snapshot().coverage().span() + ")";
            default -> "odrzucony — " + reason.replaceFirst("\\.$", "");
        };
        StringBuilder text = new StringBuilder();
        text.append("Eksport: ").append(candidate.name()).append(candidate.zip() ? " (plik ZIP)" : " (folder)").append('\n');
        text.append(status == Status.REJECTED ? "Odrzucono: " : "Przyjęto: ").append(PolishTimes.seconds(now)).append('\n');
        text.append("Przeniesiono do: ").append(moved).append('\n');
        if (status == Status.REJECTED) {
            text.append("Powód: ").append(reason).append('\n');
            text.append("Co zrobić: popraw eksport i umieść go ponownie w folderze wymiany (").append(folder)
                    .append("); nic z tego eksportu nie zostało wczytane.\n");
        } else {
            text.append(status == Status.ACCEPTED ? "Wynik: nowa migawka nr " : "Wynik: nie utworzono nowej migawki — "
                    + "zawartość identyczna z migawką nr ").append(result.snapshot().id()).append('\n');
            text.append("Zakres danych: ").append(result.snapshot().coverage().span()).append('\n');
            text.append("Odcisk: ").append(result.snapshot().fingerprint()).append('\n');
            if (!result.reused()) {
                text.append("Podsumowanie importu: ").append(result.summaryFile()).append('\n');
            }
        }
        text.append("Archiwum przechowuje eksport ").append(settings.keepMonths())
                .append(" mies. (mops.wymiana.przechowywanie-miesiecy), potem go usuwa.\n");
        ReportFileWriter.writeAtomically(note, text.toString().getBytes(StandardCharsets.UTF_8));
        OwnerOnlyTree.restrict(note);
        if (status == Status.REJECTED) {
            log.warn("Folder wymiany: {} odrzucony i przeniesiony do {}: {}", candidate.name(), moved, reason);
        } else {
            log.info("Folder wymiany: {} {} i przeniesiony do {}", candidate.name(), what, moved);
        }
        return new Outcome(candidate.name(), status, what + "; przeniesiony do " + moved
                + (status == Status.REJECTED ? " (powód w " + archiveName + "/" + note.getFileName() + ")" : ""),
                target, note, result);
    }

    private static Outcome report(Consumer<Outcome> report, Outcome outcome) {
        report.accept(outcome);
        return outcome;
    }

    /** the entries that may be exports: not hidden, not the archive folders */
    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> {
                String name = p.getFileName().toString();
                return !name.startsWith(".") && !name.equals(ACCEPTED) && !name.equals(REJECTED);
            }).sorted().toList();
        }
    }
}
