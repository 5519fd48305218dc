package pl.mops.reports.mrpips03;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.csv.CsvLineSplitter;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.rendering.csv.SafeCsv;

/**
 * The same return as the unit's case system (the homologated one that submits to CAS) produced it, read from a CSV
 * file {@code dzial;wiersz;kolumna;wartosc} — rows addressed by their code or by their number {@code nr} — or in the
 * form of this program's own {@code -cas.csv} ({@code dzial;nr_wiersza;kod_wiersza;kolumna;wartosc}). A header line
 * is optional; separator {@code ;}, {@code ,} or a tab (from the first line); UTF-8 (with or without a BOM), else
 * Windows-1250; numbers with a decimal comma or point and spaces as thousands separators; an empty value is a cell
 * without a value. Codes compare with case and Polish letters folded.
 * <p>
 * A line that cannot be read (wrong number of fields, an empty address, a value that is not a number, a cell given
 * twice, a row number that two rows share) is a problem named by file, line, column and value; any problem refuses
 * the whole file. A line addressed to a section, row or column this layout does not have is not a problem: it is a
 * cell the other system adds, listed by the comparison.
 */
final class CaseSystemReturn {

    /** a cell of the other file: where it is (resolved against the layout, or not) and its value */
    record Cell(long line, String section, String rowReference, String column, BigDecimal value, CellKey key) {
        boolean resolved() {
            return key != null;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
    private static final int MAX_PROBLEMS = 20;

    private final String fileName;
    private final List<Cell> cells = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final byte[] content;
    private final Charset encoding;

    private CaseSystemReturn(String fileName, byte[] content, Charset encoding) {
        this.fileName = fileName;
        this.content = content;
        this.encoding = encoding;
    }

    static CaseSystemReturn read(Path file, Layout layout) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError("Nie ma pliku " + file + " (sprawozdanie z systemu dziedzinowego do porównania).", ExitCode.INVALID_INPUT, e);
        } catch (IOException e) {
            throw new UserError("Nie można odczytać pliku " + file + ": " + e.getMessage(), ExitCode.INVALID_INPUT, e);
        }
        Charset encoding = encoding(content);
        CaseSystemReturn read = new CaseSystemReturn(file.getFileName().toString(), content, encoding);
        read.parse(new String(content, encoding), layout);
        if (!read.problems.isEmpty()) {
            int shown = Math.min(MAX_PROBLEMS, read.problems.size());
            throw new UserError("Plik " + read.fileName + " nie jest poprawnym sprawozdaniem do porównania ("
                    + read.problems.size() + " " + PolishPlural.of(read.problems.size(), "problem", "problemy", "problemów")
                    + "):\n  "
                    + String.join("\n  ", read.problems.subList(0, shown))
                    + (shown < read.problems.size() ? "\n  … i " + (read.problems.size() - shown) + " dalszych." : "")
                    + "\nOczekiwany układ wiersza: dzial;wiersz;kolumna;wartosc (wiersz: kod albo numer wiersza).",
                    ExitCode.INVALID_INPUT, null);
        }
        return read;
    }

    List<Cell> cells() {
        return cells;
    }

    String fileName() {
        return fileName;
    }

    /** the file exactly as it was read (it goes into the auditors' package) */
    byte[] content() {
        return content;
    }

    String encodingName() {
        return encoding == StandardCharsets.UTF_8 ? "UTF-8" : "Windows-1250";
    }

    private static Charset encoding(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1250");
        }
    }

    private void parse(String text, Layout layout) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        CsvLineSplitter splitter = new CsvLineSplitter(separator(lines.length == 0 ? "" : lines[0]));
        Map<CellKey, Long> seen = new HashMap<>();
        Map<String, Long> seenUnresolved = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            long lineNumber = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            CsvLineSplitter.Split split = splitter.split(line);
            if (!split.ok()) {
                problems.add(where(lineNumber, "—", line) + split.problem());
                continue;
            }
            // a code this program's own -cas.csv neutralised against formula injection ('-…) reads as written
            List<String> fields = split.fields().stream().map(String::strip).map(SafeCsv::original).toList();
            if (i == 0 && fold(fields.get(0)).equals("DZIAL")) {
                continue; // the header
            }
            boolean five = fields.size() == 5;
            if (fields.size() != 4 && fields.size() != 5) {
                problems.add(where(lineNumber, "—", line) + "wiersz ma " + fields.size() + " "
                        + PolishPlural.of(fields.size(), "pole", "pola", "pól") + ", a powinien mieć 4 "
                        + "(dzial;wiersz;kolumna;wartosc) albo 5 (dzial;nr_wiersza;kod_wiersza;kolumna;wartosc)");
                continue;
            }
            String section = fields.get(0);
            String rowReference = five ? (fields.get(2).isEmpty() ? fields.get(1) : fields.get(2)) : fields.get(1);
            String column = fields.get(five ? 3 : 2);
            String rawValue = fields.get(five ? 4 : 3);
            if (section.isEmpty() || rowReference.isEmpty() || column.isEmpty()) {
                problems.add(where(lineNumber, section.isEmpty() ? "dzial" : rowReference.isEmpty() ? "wiersz" : "kolumna",
                        "") + "pusty adres komórki (dział, wiersz i kolumna są wymagane)");
                continue;
            }
            BigDecimal value = null;
            if (!rawValue.isEmpty()) {
                String normalized = rawValue.replace("\u00A0", "").replace(" ", "");
                if (!NUMBER.matcher(normalized).matches()) {
                    problems.add(where(lineNumber, "wartosc", rawValue) + "wartość nie jest liczbą (np. 12, 1234,56)");
                    continue;
                }
                value = new BigDecimal(normalized.replace(',', '.'));
            }
            Optional<CellKey> key;
            try {
                key = resolve(layout, section, rowReference, column);
            } catch (IllegalArgumentException ambiguous) {
                problems.add(where(lineNumber, "wiersz", rowReference) + ambiguous.getMessage());
                continue;
            }
            if (key.isPresent()) {
                Long first = seen.putIfAbsent(key.get(), lineNumber);
                if (first != null) {
                    problems.add(where(lineNumber, "wiersz", rowReference) + "komórka " + key.get() + " podana drugi raz "
                            + "(pierwszy raz w wierszu " + first + ")");
                    continue;
                }
            } else {
                String address = fold(section) + "/" + fold(rowReference) + "/" + fold(column);
                Long first = seenUnresolved.putIfAbsent(address, lineNumber);
                if (first != null) {
                    problems.add(where(lineNumber, "wiersz", rowReference) + "komórka " + section + "/" + rowReference
                            + "/" + column + " podana drugi raz (pierwszy raz w wierszu " + first + ")");
                    continue;
                }
            }
            cells.add(new Cell(lineNumber, section, rowReference, column, value, key.orElse(null)));
        }
    }

    private String where(long line, String column, String value) {
        return "plik " + fileName + ", wiersz " + line + ", kolumna " + column
                + (value.isEmpty() ? "" : ", wartość „" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "”")
                + ": ";
    }

    private static char separator(String header) {
        if (header.indexOf(';') >= 0) {
            return ';';
        }
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return ',';
    }

    /** the cell of the layout a line addresses: the row by its code, else by its number; empty when there is none */
    static Optional<CellKey> resolve(Layout layout, String sectionCode, String rowReference, String columnCode) {
        Section section = null;
        for (Section s : layout.sections()) {
            if (fold(s.code()).equals(fold(sectionCode))) {
                section = s;
            }
        }
        if (section == null) {
            return Optional.empty();
        }
        Row row = null;
        for (Row r : section.rows()) {
            if (fold(r.code()).equals(fold(rowReference))) {
                row = r;
            }
        }
        if (row == null) {
            List<Row> numbered = section.rows().stream().filter(r -> r.nr().strip().equals(rowReference.strip())).toList();
            if (numbered.size() > 1) {
                throw new IllegalArgumentException("numer wiersza " + rowReference + " mają w dziale " + section.code()
                        + " wiersze " + String.join(", ", numbered.stream().map(Row::code).toList())
                        + " \u2014 podaj kod wiersza");
            }
            row = numbered.isEmpty() ? null : numbered.get(0);
        }
        if (row == null) {
            return Optional.empty();
        }
        String column = null;
        for (Layout.Column c : row.columns()) { // a row has only its own columns (layout 2025.2)
            if (fold(c.code()).equals(fold(columnCode))) {
                column = c.code();
            }
        }
        return column == null ? Optional.empty() : Optional.of(new CellKey(section.code(), row.code(), column));
    }

    /** upper case without Polish diacritics: UBÓSTWO = UBOSTWO, zasilek_okresowy = ZASILEK_OKRESOWY */
    static String fold(String code) {
        String decomposed = Normalizer.normalize(code.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('ł', 'l').replace('Ł', 'L').toUpperCase(Locale.ROOT);
    }

    /** for tests: the cells by address */
    Map<String, BigDecimal> byAddress() {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (Cell cell : cells) {
            map.put(cell.resolved() ? cell.key().toString() : cell.section() + "/" + cell.rowReference() + "/"
                    + cell.column(), cell.value());
        }
        return map;
    }
}
