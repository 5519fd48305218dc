package pl.mops.reports.assessment.resources;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import pl.mops.reports.assessment.resources.ResourceCatalogue.Chapter;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Kind;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Position;

/**
 * Checks a resources file as read (YAML or CSV) against the {@link ResourceCatalogue}: every chapter and
 * position present and no unknown one, exactly the three years of the assessment, every value a number
 * ≥ 0 of its kind (a whole number for counts, at most 2 decimals otherwise) or "brak danych", and the sums
 * that must agree. Every problem is collected with its line.
 */
final class ResourcesValidator {

    /** digits with an optional decimal point or comma; groups of three digits may be separated by spaces */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+|\\d{1,3}([ \\u00A0]\\d{3})+)([.,]\\d+)?");
    private static final BigDecimal MAX = new BigDecimal("10000000000000");

    private final int year;
    private final ResourceProblems problems;
    private final boolean csv;

    private ResourcesValidator(int year, ResourceProblems problems, boolean csv) {
        this.year = year;
        this.problems = problems;
        this.csv = csv;
    }

    static ResourcesFile validate(RawResources raw, int year, String fileName, String sha256, ResourceProblems problems) {
        ResourcesValidator validator = new ResourcesValidator(year, problems, raw.format == RawResources.Format.CSV);
        validator.checkYear(raw);
        Map<String, Map<String, Map<Integer, BigDecimal>>> values = new LinkedHashMap<>();
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            values.put(chapter.key(), validator.chapter(chapter, raw.chapters.get(chapter.key()), raw.sheets.get(chapter.key())));
        }
        Map<String, String> sources = validator.sources(raw);
        validator.consistency(values, raw);
        return new ResourcesFile(fileName, sha256, year, values, sources);
    }

    private List<Integer> years() {
        return List.of(year - 2, year - 1, year);
    }

    private String yearsText() {
        return (year - 2) + ", " + (year - 1) + ", " + year;
    }

    private void checkYear(RawResources raw) {
        if (!raw.yearRequired) {
            return;
        }
        if (raw.declaredYear == null) {
            problems.add(1, "brak klucza „rok:” z rokiem oceny (np. rok: " + year + ").");
        } else if (!raw.declaredYear.text().equals(String.valueOf(year))) {
            problems.add(raw.declaredYear.line(), "plik dotyczy roku „" + raw.declaredYear.text() + "”, a ocena jest za rok "
                    + year + " (plik zasoby-" + year + ".yaml musi mieć „rok: " + year + "”).");
        }
    }

    private Map<String, Map<Integer, BigDecimal>> chapter(Chapter chapter, RawResources.ChapterEntry entry, String sheet) {
        Map<String, Map<Integer, BigDecimal>> result = new LinkedHashMap<>();
        if (entry == null && sheet != null) {
            problems.add(0, "brak arkusza „" + sheet + "” (rozdział " + chapter.key() + ": " + chapter.title() + ").");
            return result;
        }
        if (entry == null) {
            problems.add(csv ? 0 : 1, "brak rozdziału „" + chapter.key() + "” (" + chapter.title() + ").");
            return result;
        }
        if (chapter.open()) {
            Map<String, Map<Integer, BigDecimal>> sorted = new TreeMap<>();
            for (RawResources.PositionEntry position : entry.positions.values()) {
                if (!ResourceCatalogue.isBudgetChapter(position.key)) {
                    problems.add(position.line, "nieznany klucz „" + position.key + "” w rozdziale " + chapter.key()
                            + " — oczekiwano pięciocyfrowego numeru rozdziału klasyfikacji budżetowej z działu 852, 853 "
                            + "albo 855, np. \"85202\".");
                    continue;
                }
                sorted.put(position.key, years(chapter.key(), position, Kind.AMOUNT));
            }
            if (entry.positions.isEmpty()) {
                problems.add(entry.line, "rozdział „" + chapter.key() + "” nie zawiera żadnego rozdziału klasyfikacji "
                        + "budżetowej (podaj co najmniej jeden, np. \"85219\").");
            }
            result.putAll(sorted);
            return result;
        }
        List<String> allowed = chapter.positions().stream().map(Position::key).toList();
        for (RawResources.PositionEntry position : entry.positions.values()) {
            if (chapter.position(position.key).isEmpty()) {
                problems.add(position.line, "nieznany klucz „" + position.key + "” w rozdziale " + chapter.key()
                        + Suggestions.hint(position.key, allowed));
            }
        }
        for (Position position : chapter.positions()) {
            RawResources.PositionEntry found = entry.positions.get(position.key());
            if (found == null) {
                problems.add(csv ? 0 : entry.line, "brak pozycji " + chapter.key() + "." + position.key() + " ("
                        + position.label() + ") — podaj wartości za lata " + yearsText() + ".");
                continue;
            }
            result.put(position.key(), years(chapter.key(), found, position.kind()));
        }
        return result;
    }

    private Map<Integer, BigDecimal> years(String chapter, RawResources.PositionEntry position, Kind kind) {
        String where = chapter + "." + position.key;
        Map<Integer, BigDecimal> result = new LinkedHashMap<>();
        for (Map.Entry<String, RawResources.Value> e : position.years.entrySet()) {
            Integer y = parseYear(e.getKey());
            int line = e.getValue() == null ? position.line : e.getValue().line();
            if (y == null || !years().contains(y)) {
                problems.add(line, (e.getKey().isEmpty() ? "brak roku" : "rok „" + e.getKey() + "” spoza okresu oceny")
                        + " w pozycji " + where + " (dozwolone lata: " + yearsText() + ").");
                continue;
            }
            if (e.getValue() != null) {
                result.put(y, value(where, y, e.getValue(), kind));
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int y : years()) {
            if (!position.years.containsKey(String.valueOf(y))) {
                missing.add(y);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(position.line, "brak wartości za " + (missing.size() == 1 ? "rok " : "lata ")
                    + String.join(", ", missing.stream().map(String::valueOf).toList()) + " w pozycji " + where
                    + " (wymagane lata: " + yearsText() + "; nieznaną wartość wpisz jako „" + ResourceCatalogue.NO_DATA + "”).");
        }
        Map<Integer, BigDecimal> ordered = new LinkedHashMap<>();
        for (int y : years()) {
            ordered.put(y, result.get(y));
        }
        return ordered;
    }

    private BigDecimal value(String where, int y, RawResources.Value value, Kind kind) {
        String at = " w pozycji " + where + ", rok " + y;
        if (value.empty()) {
            problems.add(value.line(), "brak wartości" + at + " (uzupełnij albo wpisz „" + ResourceCatalogue.NO_DATA + "”).");
            return null;
        }
        String text = value.text().trim();
        if (text.toLowerCase(Locale.ROOT).equals(ResourceCatalogue.NO_DATA)) {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            problems.add(value.line(), "wartość „" + text + "”" + at + " nie jest liczbą (wpisz liczbę albo „"
                    + ResourceCatalogue.NO_DATA + "”).");
            return null;
        }
        BigDecimal number = new BigDecimal(text.replace(" ", "").replace("\u00A0", "").replace(',', '.'));
        if (number.signum() < 0) {
            problems.add(value.line(), "ujemna liczba " + text + at + " — wartości nie mogą być ujemne.");
            return null;
        }
        if (number.compareTo(MAX) >= 0) {
            problems.add(value.line(), "liczba " + text + at + " jest zbyt duża.");
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (kind == Kind.COUNT && stripped.scale() > 0) {
            problems.add(value.line(), "wartość " + text + at + " musi być liczbą całkowitą.");
            return null;
        }
        if (stripped.scale() > kind.scale) {
            problems.add(value.line(), "wartość " + text + at + " ma więcej niż " + kind.scale + " miejsca po przecinku.");
            return null;
        }
        return number.setScale(kind.scale, java.math.RoundingMode.UNNECESSARY);
    }

    private static Integer parseYear(String text) {
        try {
            return text.matches("\\d{4}") ? Integer.valueOf(text) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, String> sources(RawResources raw) {
        Map<String, String> result = new LinkedHashMap<>();
        List<String> allowed = ResourceCatalogue.CHAPTERS.stream().map(Chapter::key).toList();
        for (Map.Entry<String, RawResources.Text> e : raw.sources.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problems.add(e.getValue().line(), "nieznany rozdział „" + e.getKey() + "” w " + ResourceCatalogue.SOURCES
                        + Suggestions.hint(e.getKey(), allowed));
            } else if (!e.getValue().text().isBlank()) {
                result.put(e.getKey(), e.getValue().text().trim());
            }
        }
        return result;
    }

    /** the sums that must agree, for the years in which every figure involved is known */
    private void consistency(Map<String, Map<String, Map<Integer, BigDecimal>>> values, RawResources raw) {
        Map<String, Map<Integer, BigDecimal>> demography = values.get(ResourceCatalogue.DEMOGRAPHY);
        Map<String, Map<Integer, BigDecimal>> labour = values.get(ResourceCatalogue.LABOUR);
        Map<String, Map<Integer, BigDecimal>> staff = values.get(ResourceCatalogue.STAFF);
        for (int y : years()) {
            BigDecimal total = get(demography, "ludnosc_ogolem", y);
            BigDecimal groups = sum(demography, y, "kobiety_0_17", "kobiety_18_59", "kobiety_60_plus",
                    "mezczyzni_0_17", "mezczyzni_18_64", "mezczyzni_65_plus");
            if (total != null && groups != null && total.compareTo(groups) != 0) {
                problems.add(line(raw, ResourceCatalogue.DEMOGRAPHY, "ludnosc_ogolem", y), "liczba mieszkańców ogółem "
                        + plain(total) + " w roku " + y + " różni się od sumy sześciu grup płci i wieku (" + plain(groups) + ").");
            }
            BigDecimal unemployed = get(labour, "bezrobotni", y);
            BigDecimal longTerm = get(labour, "bezrobotni_dlugotrwale", y);
            if (unemployed != null && longTerm != null && longTerm.compareTo(unemployed) > 0) {
                problems.add(line(raw, ResourceCatalogue.LABOUR, "bezrobotni_dlugotrwale", y), "bezrobotnych długotrwale ("
                        + plain(longTerm) + ") jest więcej niż bezrobotnych ogółem (" + plain(unemployed) + ") w roku " + y + ".");
            }
            for (String[] post : ResourceCatalogue.STAFF_POSTS) {
                BigDecimal persons = get(staff, post[0] + "_osoby", y);
                BigDecimal fte = get(staff, post[0] + "_etaty", y);
                if (persons != null && fte != null && fte.compareTo(persons) > 0) {
                    problems.add(line(raw, ResourceCatalogue.STAFF, post[0] + "_etaty", y), "liczba etatów (" + plain(fte)
                            + ") większa niż liczba osób (" + plain(persons) + ") w pozycji " + ResourceCatalogue.STAFF + "."
                            + post[0] + " w roku " + y + ".");
                }
            }
        }
    }

    private static BigDecimal get(Map<String, Map<Integer, BigDecimal>> chapter, String position, int y) {
        Map<Integer, BigDecimal> years = chapter == null ? null : chapter.get(position);
        return years == null ? null : years.get(y);
    }

    private static BigDecimal sum(Map<String, Map<Integer, BigDecimal>> chapter, int y, String... positions) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String position : positions) {
            BigDecimal value = get(chapter, position, y);
            if (value == null) {
                return null;
            }
            sum = sum.add(value);
        }
        return sum;
    }

    private static int line(RawResources raw, String chapter, String position, int y) {
        RawResources.ChapterEntry c = raw.chapters.get(chapter);
        RawResources.PositionEntry p = c == null ? null : c.positions.get(position);
        if (p == null) {
            return 0;
        }
        RawResources.Value v = p.years.get(String.valueOf(y));
        return v != null ? v.line() : p.line;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
