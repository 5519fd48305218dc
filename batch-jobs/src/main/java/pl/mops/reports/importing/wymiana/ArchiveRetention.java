package pl.mops.reports.importing.wymiana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.mops.reports.system.PolishTimes;

/**
 * The drop folder's archive ({@code przyjete/}, {@code odrzucone/}) keeps each export for
 * {@code mops.wymiana.przechowywanie-miesiecy} months (13) after it was archived, then removes it with its note.
 * The time it was archived is the prefix the program gave its name ({@code 20261205-011503-…}, in
 * {@code mops.time-zone}), not the file's modification time (a moved export keeps the time it was written). An entry
 * without such a prefix (put there by hand) is left alone. Each removal is one line in the log: the archive folder,
 * the entry's name and when it was archived — never its contents.
 */
public final class ArchiveRetention {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final Pattern PREFIX = Pattern.compile("^(\\d{8}-\\d{6})-.+");
    private static final Logger log = LoggerFactory.getLogger(ArchiveRetention.class);

    private ArchiveRetention() {
    }

    /** @return the removed entries, e.g. {@code przyjete/20251101-011500-eksport} */
    public static List<String> removeExpired(Path dropFolder, ZonedDateTime now, int months) {
        ZonedDateTime limit = now.minusMonths(months);
        List<String> removed = new ArrayList<>();
        for (String archive : List.of(DropFolder.ACCEPTED, DropFolder.REJECTED)) {
            Path dir = dropFolder.resolve(archive);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path entry : entries) {
                Matcher m = PREFIX.matcher(entry.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                ZonedDateTime archived;
                try {
                    archived = LocalDateTime.parse(m.group(1), STAMP).atZone(now.getZone());
                } catch (DateTimeParseException e) {
                    continue;
                }
                if (archived.isBefore(limit)) {
                    OwnerOnlyTree.deleteTree(entry);
                    if (!Files.exists(entry)) {
                        String name = archive + "/" + entry.getFileName();
                        removed.add(name);
                        log.info("Archiwum folderu wymiany: usunięto {} (zarchiwizowane {}, przechowywanie {} mies.)",
                                name, PolishTimes.seconds(archived), months);
                    } else {
                        log.warn("Archiwum folderu wymiany: nie udało się usunąć {}/{} (uprawnienia?)", archive,
                                entry.getFileName());
                    }
                }
            }
        }
        return removed;
    }
}
