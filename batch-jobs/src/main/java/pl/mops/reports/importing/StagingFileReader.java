package pl.mops.reports.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pl.mops.reports.importing.csv.CsvLineSplitter;
import pl.mops.reports.importing.csv.FileScan;
import pl.mops.reports.importing.csv.HeaderText;
import pl.mops.reports.importing.csv.ImportFileError;
import pl.mops.reports.importing.csv.LineSource;
import pl.mops.reports.importing.staging.CopyStream;
import pl.mops.reports.importing.staging.RejectSpool;
import pl.mops.reports.importing.validation.FieldReader;
import pl.mops.reports.importing.validation.RowProblem;
import pl.mops.reports.importing.validation.RowRules;

/**
 * Streams one interchange file into its staging table: header (separator, column mapping),
 * then every line through the row rules. Valid rows go to staging with {@code ok = true}; rows
 * with problems go to staging with {@code ok = false} (so that rows referring to them can name
 * them) and their problems to the reject spool.
 */
final class StagingFileReader {

    private final RowRules rules;
    private final LocalDate today;
    private final LocalDate asOf;

    StagingFileReader(RowRules rules, LocalDate today, LocalDate asOf) {
        this.asOf = asOf;
        this.rules = rules;
        this.today = today;
    }

    FileStats read(Path path, FileScan scan, CopyStream staging, RejectSpool rejects) throws IOException, SQLException {
        String fileName = rules.file().fileName();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path), scan.charset()), 1 << 16)) {
            LineSource lines = new LineSource(reader);
            LineSource.Line header = lines.next();
            if (header == null) {
                throw new ImportFileError(fileName, "plik jest pusty — brak wiersza nagłówka z nazwami kolumn");
            }
            if (header.text() != null && header.text().replace("\uFEFF", "").isBlank()) {
                LineSource.Line next;
                while ((next = lines.next()) != null) {
                    if (next.tooLong() || !next.text().isBlank()) {
                        throw new ImportFileError(fileName,
                                "pierwszy wiersz jest pusty — wiersz 1 musi zawierać nagłówek z nazwami kolumn");
                    }
                }
                throw new ImportFileError(fileName, "plik jest pusty — brak wiersza nagłówka z nazwami kolumn");
            }
            if (header.tooLong()) {
                throw new ImportFileError(fileName, "wiersz nagłówka jest za długi (" + header.length() + " znaków)");
            }
            String headerText = header.text().startsWith("\uFEFF") ? header.text().substring(1) : header.text();
            Character separator = CsvLineSplitter.detectSeparator(headerText);
            List<String> warnings = new ArrayList<>();
            if (separator == null) {
                separator = ';';
            }
            CsvLineSplitter splitter = new CsvLineSplitter(separator);
            Map<String, Integer> columns = mapHeader(fileName, splitter, headerText, warnings);
            FieldReader fields = new FieldReader(columns, today, asOf);
            List<String> headerFields = splitter.split(headerText).fields();
            int width = headerFields.size();
            Object[] values = new Object[rules.stagingColumns().size()];
            Object[] row = new Object[values.length + 2];
            CsvLineSplitter other = new CsvLineSplitter(separator == ';' ? ',' : ';');
            long read = 0;
            long rejected = 0;
            long blank = 0;
            Deque<LineSource.Line> pushedBack = new ArrayDeque<>();
            AscendingIds ids = new AscendingIds();
            LineSource.Line line;
            while ((line = next(lines, pushedBack)) != null) {
                if (!line.tooLong() && line.text().isBlank()) {
                    blank++;
                    continue;
                }
                read++;
                if (line.tooLong()) {
                    rejects.add(fileName, line.number(), "", "", "wiersz jest za długi (" + line.length()
                            + " znaków, najwięcej " + LineSource.MAX_LINE_CHARS + ") — nie został odczytany");
                    rejected++;
                    // its beginning still names the row's id for the rows that refer to it
                    stageKeyOnly(splitter.split(line.head()).fields(), columns, staging, line.number(), row, ids);
                    continue;
                }
                CsvLineSplitter.Split split = splitter.split(line.text());
                Record record = split.openQuote() ? record(line, lines, pushedBack, splitter, width) : null;
                if (record != null) {
                    rejects.add(fileName, line.number(), columnName(headerFields, record.brokenField()), "",
                            "pole w cudzysłowie obejmuje kilka wierszy (wiersze " + line.number() + "–" + record.lastLine()
                                    + ") — żadna wartość kontraktu nie zawiera końca wiersza, więc rekord jest odrzucony "
                                    + "w całości");
                    rejected++;
                    stageKeyOnly(record.fields(), columns, staging, line.number(), row, ids);
                    continue;
                }
                if (!split.ok()) {
                    // the column of the field with the problem; its value is not shown (it may hold anything)
                    rejects.add(fileName, line.number(), columnName(headerFields, split.fields().size()), "",
                            split.problem());
                    rejected++;
                    stageKeyOnly(split.fields(), columns, staging, line.number(), row, ids);
                    continue;
                }
                boolean otherSeparator = split.fields().size() != width && other.split(line.text()).ok()
                        && other.split(line.text()).fields().size() == width;
                if (otherSeparator && read == 1) {
                    // the rows of the file use the other separator: not a bad row but a bad file
                    throw new ImportFileError(fileName, "nagłówek jest rozdzielony znakiem „" + separator
                            + "”, a wiersze znakiem „" + other.separator() + "” (pierwszy taki wiersz: " + line.number()
                            + ") — wszystkie wiersze pliku muszą mieć separator nagłówka; zapisz plik ponownie z jednym "
                            + "separatorem");
                }
                if (split.fields().size() != width) {
                    rejects.add(fileName, line.number(), SHAPE_COLUMN_PREFIX + width + ")",
                            Integer.toString(split.fields().size()), "wiersz ma " + fieldCount(split.fields().size())
                            + ", a nagłówek " + width + " (separator pliku: „" + separator + "”)"
                            + (otherSeparator ? " — wiersz jest rozdzielony znakiem „" + other.separator() + "”" : ""));
                    rejected++;
                    stageKeyOnly(otherSeparator ? other.split(line.text()).fields() : split.fields(), columns, staging,
                            line.number(), row, ids);
                    continue;
                }
                fields.reset(split.fields());
                java.util.Arrays.fill(values, null);
                rules.read(fields, values);
                row[0] = line.number();
                row[1] = fields.valid();
                System.arraycopy(values, 0, row, 2, values.length);
                ids.add(row[2]);
                staging.row(row);
                if (!fields.valid()) {
                    rejected++;
                    for (RowProblem problem : fields.problems()) {
                        rejects.add(fileName, line.number(), problem.column(), problem.value(), problem.message());
                    }
                }
            }
            if (blank > 0) {
                warnings.add("pominięto puste wiersze: " + blank);
            }
            return new FileStats(rules.file(), scan.sha256(), scan.encodingName(), separator, read, rejected, blank,
                    List.copyOf(warnings), ids.ascending());
        }
    }

    /**
     * A row that could not be split into its columns (too long, a quote problem, the wrong number of fields) is
     * rejected, but still staged (not ok) under its id when the id's field was read — from the beginning of a too
     * long line, from the fields before a quote problem, from the fields split by the other separator when the row
     * uses it — so that rows referring to it name it ("osoba P04 została odrzucona (osoby.csv, wiersz 5)") instead
     * of saying it is not in the file. When the id could not be read the row is staged without one: a row that
     * refers to an id not in the file then names the rejected rows whose id is unknown
     * ({@code sql/queries/import-checks.sql}).
     */
    private void stageKeyOnly(List<String> fields, Map<String, Integer> columns, CopyStream staging, long lineNumber,
            Object[] row, AscendingIds ids) throws SQLException {
        RowRules.StagingColumn key = rules.stagingColumns().get(0);
        Integer index = columns.get(key.name());
        if (!key.sqlType().startsWith("text") || index == null) {
            return;
        }
        String id = index < fields.size() ? fields.get(index).replace("\uFEFF", "").trim() : "";
        java.util.Arrays.fill(row, null);
        row[0] = lineNumber;
        row[1] = false;
        row[2] = id.isEmpty() || id.length() > FieldReader.MAX_FIELD_CHARS ? null : id;
        ids.add(row[2]);
        staging.row(row);
    }

    /** "1 pole", "3 pola", "5 pól", "22 pola", "12 pól" */
    static String fieldCount(int n) {
        int last = n % 10;
        int lastTwo = n % 100;
        String word = n == 1 ? "pole" : last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? "pola" : "pól";
        return n + " " + word;
    }

    /** at most this many physical lines make one record with a quoted line break */
    static final int MAX_RECORD_LINES = 20;

    private static LineSource.Line next(LineSource lines, Deque<LineSource.Line> pushedBack) throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.pollFirst();
    }

    /** a record over several lines: its last line, its fields, the (0-based) field holding a line break */
    private record Record(long lastLine, List<String> fields, int brokenField) {
    }

    /**
     * A line whose quoted field is still open at its end, read on as RFC 4180 does (the field goes on in the next
     * line): when the quote closes within {@link #MAX_RECORD_LINES} lines and the joined text splits into the header's
     * number of fields, the lines are one record (the caller rejects it: no value of the contract holds a line break).
     * Otherwise the quote was simply not closed: the lines read ahead are given back and read as records of their own,
     * so that one stray quote rejects only its line.
     */
    private static Record record(LineSource.Line first, LineSource lines, Deque<LineSource.Line> pushedBack,
            CsvLineSplitter splitter, int width) throws IOException {
        List<LineSource.Line> taken = new ArrayList<>();
        StringBuilder text = new StringBuilder(first.text());
        Record found = null;
        while (taken.size() < MAX_RECORD_LINES - 1) {
            LineSource.Line next = next(lines, pushedBack);
            if (next == null) {
                break;
            }
            taken.add(next);
            if (next.tooLong() || text.length() + 1 + next.text().length() > LineSource.MAX_LINE_CHARS) {
                break;
            }
            text.append('\n').append(next.text());
            CsvLineSplitter.Split split = splitter.split(text.toString());
            if (split.ok() && split.fields().size() == width) {
                int broken = 0;
                while (broken < width && split.fields().get(broken).indexOf('\n') < 0) {
                    broken++;
                }
                found = new Record(next.number(), split.fields(), broken);
            }
            if (!split.openQuote()) {
                break;
            }
        }
        if (found == null) {
            for (int i = taken.size() - 1; i >= 0; i--) {
                pushedBack.addFirst(taken.get(i));
            }
        }
        return found;
    }

    /** the rejects file's column of a row with the wrong number of fields: "liczba pól (nagłówek: 6)", value 7 */
    static final String SHAPE_COLUMN_PREFIX = "liczba pól (nagłówek: ";

    /** the column of field {@code index} (0-based) as the rejects file names it: a contract column, or its number */
    private String columnName(List<String> headerFields, int index) {
        if (index < headerFields.size()) {
            String name = headerFields.get(index).trim().toLowerCase(Locale.ROOT);
            if (rules.file().acceptedColumns().contains(name)) {
                return name;
            }
        }
        return "kolumna nr " + (index + 1);
    }

    private Map<String, Integer> mapHeader(String fileName, CsvLineSplitter splitter, String header, List<String> warnings) {
        CsvLineSplitter.Split split = splitter.split(header);
        if (!split.ok()) {
            throw new ImportFileError(fileName, "nie można odczytać nagłówka: " + split.problem());
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        List<Integer> unknownPositions = new ArrayList<>();
        for (int i = 0; i < split.fields().size(); i++) {
            if (split.fields().get(i).indexOf('\uFEFF') >= 0) {
                throw new ImportFileError(fileName, "nagłówek (wiersz 1) zawiera w kolumnie nr " + (i + 1) + " niewidoczny "
                        + "znak BOM (U+FEFF) — dozwolony jest tylko na samym początku pliku");
            }
            String name = split.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!rules.file().acceptedColumns().contains(name)) {
                unknown.add(split.fields().get(i));
                unknownPositions.add(i + 1);
                continue;
            }
            if (index.putIfAbsent(name, i) != null) {
                throw new ImportFileError(fileName, "kolumna „" + name + "” występuje w nagłówku dwa razy");
            }
        }
        List<String> missing = rules.file().requiredColumns().stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            String hint = split.fields().size() == 1 && header.indexOf('\t') >= 0
                    ? " Plik wygląda na rozdzielany tabulatorami — kontrakt dopuszcza separator ; albo ,."
                    : split.fields().size() == 1 ? " Nagłówek nie zawiera separatora ; ani , — sprawdź separator pliku." : "";
            String quoted = HeaderText.quotable(header);
            throw new ImportFileError(fileName, "brak wymaganych kolumn: " + String.join(", ", missing)
                    + (quoted != null ? " (nagłówek: " + quoted + ")."
                    : " (pierwszego wiersza nie cytuję: zawiera wartości wyglądające na dane, a nie nazwy kolumn — "
                    + "plik musi zaczynać się wierszem nagłówka z nazwami kolumn).") + hint);
        }
        if (!unknown.isEmpty()) {
            warnings.add(HeaderText.unknownColumns(unknown, unknownPositions, split.fields()));
        }
        return index;
    }
}
