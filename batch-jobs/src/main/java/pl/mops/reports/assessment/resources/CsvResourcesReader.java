package pl.mops.reports.assessment.resources;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.importing.csv.CsvLineSplitter;

/**
 * Reads the CSV form of a resources file into {@link RawResources}: UTF-8, separator {@code ;}, a header
 * {@code rozdzial;pozycja;rok;wartosc} (any order, any case), one row per chapter, position and year; lines
 * starting with {@code #} and blank lines are skipped. Sources are rows {@code zrodla;<rozdział>;;<opis>}.
 * The assessment year is the one of the command line.
 */
final class CsvResourcesReader {

    static final List<String> COLUMNS = List.of("rozdzial", "pozycja", "rok", "wartosc");

    private CsvResourcesReader() {
    }

    static RawResources read(String content, ResourceProblems problems) {
        RawResources raw = new RawResources();
        raw.yearRequired = false;
        raw.format = RawResources.Format.CSV;
        CsvLineSplitter splitter = new CsvLineSplitter(';');
        String[] lines = content.split("\r\n|\n|\r", -1);
        Map<String, Integer> columns = null;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            CsvLineSplitter.Split split = splitter.split(line);
            if (!split.ok()) {
                problems.add(lineNumber, split.problem() + ".");
                continue;
            }
            List<String> fields = split.fields();
            if (columns == null) {
                columns = header(fields, lineNumber, problems);
                if (columns == null) {
                    return raw;
                }
                continue;
            }
            if (fields.size() != COLUMNS.size()) {
                problems.add(lineNumber, "wiersz ma " + fields.size() + " "
                        + PolishPlural.of(fields.size(), "pole", "pola", "pól") + " zamiast 4 (rozdzial;pozycja;rok;wartosc).");
                continue;
            }
            String chapterKey = fields.get(columns.get("rozdzial")).trim();
            String positionKey = fields.get(columns.get("pozycja")).trim();
            String year = fields.get(columns.get("rok")).trim();
            String value = fields.get(columns.get("wartosc")).trim();
            String id = chapterKey + "." + positionKey + (year.isEmpty() ? "" : ", rok " + year);
            Integer first = seen.putIfAbsent(id, lineNumber);
            if (first != null) {
                problems.add(lineNumber, "powtórzony wiersz „" + id + "” (pierwszy raz w wierszu " + first + "); obowiązuje pierwszy.");
                continue;
            }
            if (chapterKey.equals(ResourceCatalogue.SOURCES)) {
                raw.sources.put(positionKey, new RawResources.Text(value, lineNumber));
                continue;
            }
            if (ResourceCatalogue.chapter(chapterKey).isEmpty()) {
                problems.add(lineNumber, "nieznany rozdział „" + chapterKey + "”"
                        + Suggestions.hint(chapterKey, ResourceCatalogue.CHAPTERS.stream().map(c -> c.key()).toList()));
                continue;
            }
            RawResources.ChapterEntry chapter = raw.chapters.computeIfAbsent(chapterKey,
                    k -> new RawResources.ChapterEntry(k, lineNumber));
            RawResources.PositionEntry position = chapter.positions.computeIfAbsent(positionKey,
                    k -> new RawResources.PositionEntry(k, lineNumber));
            position.years.put(year, new RawResources.Value(value, value.isEmpty(), lineNumber));
        }
        if (columns == null) {
            problems.add(0, "plik jest pusty (brak wiersza nagłówka rozdzial;pozycja;rok;wartosc).");
        }
        return raw;
    }

    private static Map<String, Integer> header(List<String> fields, int line, ResourceProblems problems) {
        if (fields.size() == 1 && fields.get(0).contains(",")) {
            problems.add(line, "separatorem pól musi być średnik (;), nie przecinek — przecinek może być separatorem "
                    + "dziesiętnym.");
            return null;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(line, "nieznana kolumna „" + fields.get(i).trim() + "” w nagłówku (wymagane kolumny: "
                        + String.join(";", COLUMNS) + ").");
                return null;
            }
            columns.put(name, i);
        }
        if (columns.size() != COLUMNS.size() || fields.size() != COLUMNS.size()) {
            problems.add(line, "nagłówek musi mieć dokładnie kolumny " + String.join(";", COLUMNS) + ".");
            return null;
        }
        return columns;
    }
}
