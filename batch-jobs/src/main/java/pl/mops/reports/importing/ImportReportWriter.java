package pl.mops.reports.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.importing.staging.OwnerOnly;
import pl.mops.reports.importing.validation.Pesel;
import pl.mops.reports.rendering.csv.SafeCsv;

/**
 * The two files an import leaves for the user: {@code import-<snapshot>.txt} (the summary, as
 * printed) and {@code odrzucone-<snapshot>.csv} (UTF-8 with BOM, {@code ;}, one line per rejected
 * row and problem: {@code plik;wiersz;kolumna;wartosc;komunikat}). Both are written under a
 * {@code .tmp} name; the importer renames them once the snapshot is committed.
 *
 * <p>Personal data: a PESEL in the value column is shown with its last five digits masked
 * ({@code 850312*****}), and so is any PESEL-like number in a value or message; the line number identifies the row for
 * whoever fixes the export. Values longer than 100 characters are shortened. No data row is ever quoted: the summary's
 * remarks name header columns only ({@link pl.mops.reports.importing.csv.HeaderText}). A value or text that a
 * spreadsheet could run as a formula is neutralised ({@link SafeCsv}: {@code '=…}); a plain number such as a negative
 * amount stays a number. The rejects file holds case data row by row: it is created readable by its owner only
 * ({@code rw-------}, {@link OwnerOnly}); the summary holds counts and names only.
 */
@Component
public class ImportReportWriter {

    static final String[] REJECT_HEADER = {"plik", "wiersz", "kolumna", "wartosc", "komunikat"};
    private static final int MAX_VALUE_CHARS = 100;

    private final JdbcTemplate jdbc;

    public ImportReportWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** the import summary as printed and stored with the snapshot */
    public static String summary(ImportResult result) {
        StringBuilder out = new StringBuilder();
        out.append("Import danych — migawka nr ").append(result.snapshot().id()).append('\n');
        out.append("Źródło:  ").append(result.snapshot().source()).append('\n');
        out.append("Odcisk:  ").append(result.snapshot().fingerprint()).append(" (SHA-256 zawartości plików i słowników)\n");
        out.append("Wersja:  ").append(result.contract().describe()).append('\n');
        out.append("Zakres:  ").append(result.snapshot().coverage().span())
                .append(" (od miesiąca pierwszego świadczenia do stanu danych na dzień eksportu)\n\n");
        out.append(String.format(Locale.ROOT, "%-20s %-15s %-9s %12s %12s %12s%n", "plik", "kodowanie", "separator",
                "przeczytano", "wczytano", "odrzucono"));
        for (ImportResult.FileOutcome file : result.files()) {
            out.append(String.format(Locale.ROOT, "%-20s %-15s %-9s %12s %12s %12s%n", file.stats().file().fileName(),
                    file.stats().encoding(), "  " + file.stats().separator(), number(file.stats().read()),
                    number(file.loaded()), number(file.rejected())));
        }
        out.append(String.format(Locale.ROOT, "%-46s %12s %12s %12s%n", "razem", number(result.totalRead()),
                number(result.totalLoaded()), number(result.totalRejected())));
        boolean header = false;
        for (ImportResult.FileOutcome file : result.files()) {
            for (String warning : file.stats().warnings()) {
                if (!header) {
                    out.append("\nUwagi:\n");
                    header = true;
                }
                out.append("  ").append(file.stats().file().fileName()).append(": ").append(warning).append('\n');
            }
        }
        out.append('\n');
        if (result.totalRejected() == 0) {
            out.append("Wszystkie wiersze zostały wczytane. Plik odrzuconych wierszy (pusty): ");
        } else {
            out.append("Odrzucone wiersze: ").append(number(result.totalRejected())).append(" (problemów: ")
                    .append(number(result.rejectLines())).append(") — szczegóły: ");
        }
        out.append(result.rejectsFile()).append('\n');
        return out.toString();
    }

    Path writeSummary(Path target, String summary) {
        Path temp = temp(target);
        try {
            Files.writeString(temp, summary, StandardCharsets.UTF_8);
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** the rejects file: case data row by row, so readable by the owner only ({@link OwnerOnly}) */
    Path writeRejects(Path target, long snapshotId) {
        Path temp = temp(target);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
        try {
            OwnerOnly.create(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            writer.write('\uFEFF');
            printer.printRecord((Object[]) REJECT_HEADER);
            jdbc.query("SELECT file_name, line, col, value, message FROM snapshot_reject WHERE snapshot_id = ? ORDER BY seq",
                    rs -> {
                        try {
                            printer.printRecord(SafeCsv.text(rs.getString(1)), rs.getLong(2), SafeCsv.text(rs.getString(3)),
                                    SafeCsv.numberOrText(shown(rs.getString(3), rs.getString(4))),
                                    SafeCsv.text(Pesel.masked(rs.getString(5))));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, snapshotId);
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * the value as the rejects file shows it: a PESEL masked (the value of the {@code pesel} column whatever its length,
     * and any PESEL-like number of another column, e.g. an id that is a PESEL), long values shortened
     */
    static String shown(String column, String value) {
        if ("pesel".equals(column) && value.length() > 6) {
            return value.substring(0, 6) + "*".repeat(value.length() - 6);
        }
        String masked = Pesel.masked(value);
        return masked.length() <= MAX_VALUE_CHARS ? masked
                : masked.substring(0, MAX_VALUE_CHARS) + "… (" + masked.length() + " znaków)";
    }

    private static Path temp(Path target) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    /** 1 129: the grouping every count shown to a person uses (the summary, {@code snapshots}) */
    public static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', ' ');
    }
}
