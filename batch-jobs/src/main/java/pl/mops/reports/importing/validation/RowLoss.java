package pl.mops.reports.importing.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exports that look broken as a whole, although each of their rows may be fine: an import refuses them (exit code 2,
 * nothing written) unless the user confirms with {@code --potwierdz-ubytek} ({@link Check#CONFIRMED}), since the new
 * snapshot would become the newest one and every report would run on it:
 * <ul>
 * <li>a file the contract requires that has a header but not one data row (e.g. the export stopped after the
 * header);</li>
 * <li>a file whose every row was rejected (e.g. the wrong columns in every row): nothing of it would be loaded;</li>
 * <li>a file from which fewer than {@link #MIN_KEPT_PERCENT} % of the rows the previous snapshot loaded from it were
 * loaded now (an absent optional file loads 0 rows): the export lost most of that file.</li>
 * </ul>
 * One problem per file, the first that applies in this order; all files are named in one message.
 */
public final class RowLoss {

    /** a file must keep at least this share of the rows the previous snapshot loaded from it */
    public static final int MIN_KEPT_PERCENT = 50;

    /** What an import checks before its snapshot is written. */
    public enum Check {
        /** every check, comparing with the newest snapshot (import and extract without the option) */
        CHECKED,
        /** {@code --potwierdz-ubytek}: the user confirmed the export is as intended, nothing is refused for it */
        CONFIRMED,
        /**
         * the checks within the export only (empty and wholly rejected files), without comparing with the newest
         * snapshot: for sets that are not a later export of the same data (the test corpus)
         */
        WITHIN_EXPORT
    }

    /** what one file of the import gave: its rows read (data records), loaded and the first reject (or null) */
    public record FileCount(String fileName, boolean required, long read, long loaded, String firstReject) {
    }

    /** the newest snapshot before this one: its number and the rows it loaded per file (files with rows only) */
    public record Previous(long snapshotId, Map<String, Long> loaded) {
    }

    private RowLoss() {
    }

    /**
     * @param files    the files of this import in the contract's order
     * @param previous the newest snapshot before this one, or null (none, or not compared)
     * @return the Polish refusal, or null when nothing looks lost
     */
    public static String refusal(List<FileCount> files, Previous previous) {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (FileCount file : files) {
            seen.add(file.fileName());
            long before = previous == null ? 0 : previous.loaded().getOrDefault(file.fileName(), 0L);
            if (file.read() == 0 && file.required()) {
                problems.add("plik " + file.fileName() + " ma nagłówek, ale ani jednego wiersza danych (plik jest "
                        + "wymagany przez kontrakt)" + (before > 0 ? " — poprzednia migawka nr " + previous.snapshotId()
                        + " ma z niego " + rows(before) : ""));
            } else if (file.read() > 0 && file.loaded() == 0) {
                problems.add("w pliku " + file.fileName() + " odrzucono wszystkie wiersze (" + number(file.read())
                        + ") i nie wczytano żadnego" + (file.firstReject() == null ? "" : " — pierwszy problem: "
                        + file.firstReject()));
            } else if (lost(before, file.loaded())) {
                problems.add(lossText(file.fileName(), file.loaded(), before, previous.snapshotId()));
            }
        }
        if (previous != null) {
            previous.loaded().forEach((fileName, before) -> {
                if (!seen.contains(fileName) && lost(before, 0)) {
                    problems.add("pliku " + fileName + " nie ma w eksporcie, a poprzednia migawka nr "
                            + previous.snapshotId() + " ma z niego " + rows(before));
                }
            });
        }
        if (problems.isEmpty()) {
            return null;
        }
        return "Import wstrzymany — eksport wygląda na niepełny: " + String.join("; ", problems)
                + ". Jeśli eksport jest taki, jaki ma być, powtórz polecenie z opcją --potwierdz-ubytek."
                + " Nic nie zostało zapisane.";
    }

    /** fewer than {@link #MIN_KEPT_PERCENT} % of the previous rows */
    static boolean lost(long before, long now) {
        return before > 0 && now * 100 < before * MIN_KEPT_PERCENT;
    }

    private static String lossText(String fileName, long now, long before, long previousId) {
        long lostPercent = (before - now) * 100 / before;
        return "z pliku " + fileName + " wczytano " + rows(now) + ", a poprzednia migawka nr " + previousId + " ma z niego "
                + rows(before) + " — ubyło " + lostPercent + " % (próg: migawka musi zachować co najmniej "
                + MIN_KEPT_PERCENT + " % wierszy każdego pliku poprzedniej)";
    }

    /** "1 wiersz", "3 wiersze", "1 129 wierszy" */
    static String rows(long n) {
        long last = n % 10;
        long lastTwo = n % 100;
        String word = n == 1 ? "wiersz" : last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? "wiersze" : "wierszy";
        return number(n) + " " + word;
    }

    /** 1 129 (the grouping of the import summary) */
    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', ' ');
    }
}
