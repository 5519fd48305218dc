package pl.mops.reports.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import pl.mops.reports.importing.csv.CsvLineSplitter;
import pl.mops.reports.importing.csv.FileScan;
import pl.mops.reports.importing.csv.ImportFileError;
import pl.mops.reports.importing.csv.LineSource;
import pl.mops.reports.importing.validation.Codes;
import pl.mops.reports.importing.validation.ImportDictionaries;

/**
 * Which version of the interchange contract an export uses (interchange.md, "Additions (contract version 2)"):
 * 2 when it has {@code kontrakty.csv}, {@code wsparcie.csv}, the column {@code cechy} in {@code swiadczenia.csv},
 * or uses a code that only version 2 of the dictionaries has (a form or a (form, sub-type) of
 * config/slowniki/formy-wersja-2.csv or podtypy-wersja-2.csv) in the {@code forma}/{@code podtyp} of a realisation or the {@code forma} of a plan line;
 * else 1. A code counts wherever it appears in a row that can be split into the header's columns, whether the row
 * is loaded or rejected for another reason: the version is a property of the files (and the dictionaries), known
 * before the import, because the fingerprint depends on it.
 *
 * @param reasons what makes the export a version-2 export, in Polish for the summary (empty for version 1); when a
 *                file or the column decides, the rows are not scanned for codes
 */
public record ContractVersion(int number, List<String> reasons) {

    public static ContractVersion detect(Path dir, Map<ContractFile, FileScan> scans, ImportDictionaries dictionaries) {
        List<String> reasons = new ArrayList<>();
        for (ContractFile file : Version2File.values()) {
            if (scans.containsKey(file)) {
                reasons.add("plik " + file.fileName());
            }
        }
        FileScan benefits = scans.get(InterchangeFile.SWIADCZENIA);
        if (benefits != null && new Scan(dir, InterchangeFile.SWIADCZENIA, benefits).hasColumn("cechy")) {
            reasons.add("kolumna cechy w swiadczenia.csv");
        }
        if (reasons.isEmpty()) {
            Set<String> forms = dictionaries.version2Forms();
            Set<String> subtypes = dictionaries.version2Subtypes();
            String code = null;
            if (benefits != null && !(forms.isEmpty() && subtypes.isEmpty())) {
                code = new Scan(dir, InterchangeFile.SWIADCZENIA, benefits).firstVersion2Code(forms, subtypes);
            }
            FileScan plan = scans.get(InterchangeFile.PLAN);
            if (code == null && plan != null && !forms.isEmpty()) {
                code = new Scan(dir, InterchangeFile.PLAN, plan).firstVersion2Code(forms, Set.of());
            }
            if (code != null) {
                reasons.add(code);
            }
        }
        return new ContractVersion(reasons.isEmpty() ? 1 : 2, List.copyOf(reasons));
    }

    /** "2 kontraktu wymiany danych (plik kontrakty.csv, …)" for the summary */
    public String describe() {
        return number + " kontraktu wymiany danych" + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")");
    }

    /**
     * A lenient read of one file: a header or row the import will reject (too long, unsplittable, wrong number of
     * fields, no header) is skipped here — the import reports it.
     */
    private static final class Scan {
        private final Path path;
        private final ContractFile file;
        private final FileScan scan;

        Scan(Path dir, ContractFile file, FileScan scan) {
            this.path = dir.resolve(file.fileName());
            this.file = file;
            this.scan = scan;
        }

        boolean hasColumn(String column) {
            try (BufferedReader reader = open()) {
                Header header = header(new LineSource(reader));
                return header != null && header.index().containsKey(column);
            } catch (IOException e) {
                throw new ImportFileError(file.fileName(), "błąd odczytu pliku (" + e.getMessage() + ")");
            }
        }

        /** "forma POMOC_RZECZOWA (swiadczenia.csv, wiersz 12)", or null when no row uses a version-2 code */
        String firstVersion2Code(Set<String> forms, Set<String> subtypes) {
            try (BufferedReader reader = open()) {
                LineSource lines = new LineSource(reader);
                Header header = header(lines);
                Integer formColumn = header == null ? null : header.index().get("forma");
                if (formColumn == null) {
                    return null;
                }
                Integer subtypeColumn = header.index().get("podtyp");
                LineSource.Line line;
                while ((line = lines.next()) != null) {
                    if (line.tooLong() || line.text().isBlank()) {
                        continue;
                    }
                    CsvLineSplitter.Split split = header.splitter().split(line.text());
                    if (!split.ok() || split.fields().size() != header.width()) {
                        continue;
                    }
                    String form = Codes.canonical(split.fields().get(formColumn));
                    String where = " (" + file.fileName() + ", wiersz " + line.number() + ")";
                    if (forms.contains(form)) {
                        return "forma " + form + where;
                    }
                    if (subtypeColumn != null) {
                        String subtype = Codes.canonical(split.fields().get(subtypeColumn));
                        if (!subtype.isEmpty() && subtypes.contains(form + "/" + subtype)) {
                            return "podtyp " + form + "/" + subtype + where;
                        }
                    }
                }
                return null;
            } catch (IOException e) {
                throw new ImportFileError(file.fileName(), "błąd odczytu pliku (" + e.getMessage() + ")");
            }
        }

        private BufferedReader open() throws IOException {
            return new BufferedReader(new InputStreamReader(Files.newInputStream(path), scan.charset()), 1 << 16);
        }

        /** the header's columns (lower case, first occurrence), or null when the file has no readable header */
        private static Header header(LineSource lines) throws IOException {
            LineSource.Line first = lines.next();
            if (first == null || first.tooLong()) {
                return null;
            }
            String text = first.text().startsWith("\uFEFF") ? first.text().substring(1) : first.text();
            if (text.isBlank()) {
                return null;
            }
            Character separator = CsvLineSplitter.detectSeparator(text);
            CsvLineSplitter splitter = new CsvLineSplitter(separator == null ? ';' : separator);
            CsvLineSplitter.Split split = splitter.split(text);
            if (!split.ok()) {
                return null;
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < split.fields().size(); i++) {
                index.putIfAbsent(split.fields().get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            return new Header(splitter, index, split.fields().size());
        }
    }

    private record Header(CsvLineSplitter splitter, Map<String, Integer> index, int width) {
    }
}
