package pl.mops.reports.assessment.resources;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.assessment.resources.ResourceCatalogue.Chapter;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Position;

/**
 * The resources of one assessment year as a clerk typed them in the console's form — every value as text, checked or
 * not — with the form's field names: {@code w.<chapter>.<position>.<year>} for a position of the catalogue,
 * {@code b.<n>.klucz} and {@code b.<n>.<year>} for the n-th row of the budget (a rozdział typed as its key),
 * {@code zrodlo.<chapter>} for a chapter's source. A draft is stored as {@link #serialize()}.
 */
public final class TypedResources {

    /** one budget row: the rozdział as typed and its values for Y−2, Y−1, Y */
    public record BudgetRow(String key, List<String> values) {
        public BudgetRow {
            key = clean(key);
            values = values.stream().map(TypedResources::clean).toList();
        }

        boolean blank() {
            return key.isEmpty() && values.stream().allMatch(String::isEmpty);
        }
    }

    /** how long one typed text may be (a longer one is cut: no figure or source needs more) */
    static final int MAX_TEXT = 500;
    /** how many budget rows the form takes at most */
    public static final int MAX_BUDGET_ROWS = 200;

    private final int year;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<BudgetRow> budget = new ArrayList<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    public TypedResources(int year) {
        this.year = year;
    }

    public int year() {
        return year;
    }

    public List<Integer> years() {
        return List.of(year - 2, year - 1, year);
    }

    public static String valueField(String chapter, String position, int y) {
        return "w." + chapter + "." + position + "." + y;
    }

    public static String budgetKeyField(int row) {
        return "b." + row + ".klucz";
    }

    public static String budgetValueField(int row, int y) {
        return "b." + row + "." + y;
    }

    public static String sourceField(String chapter) {
        return "zrodlo." + chapter;
    }

    /** the typed text of a position of the catalogue ("" when none) */
    public String value(String chapter, String position, int y) {
        return values.getOrDefault(valueField(chapter, position, y), "");
    }

    public void value(String chapter, String position, int y, String text) {
        values.put(valueField(chapter, position, y), clean(text));
    }

    public List<BudgetRow> budget() {
        return Collections.unmodifiableList(budget);
    }

    public void addBudgetRow(String key, List<String> yearValues) {
        BudgetRow row = new BudgetRow(key, yearValues);
        if (!row.blank() && budget.size() < MAX_BUDGET_ROWS) {
            budget.add(row);
        }
    }

    public String source(String chapter) {
        return sources.getOrDefault(chapter, "");
    }

    public void source(String chapter, String text) {
        sources.put(chapter, clean(text));
    }

    /** the values posted by the form (unknown fields are ignored, blank budget rows dropped) */
    public static TypedResources fromForm(int year, Map<String, String> fields) {
        TypedResources typed = new TypedResources(year);
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            for (Position position : chapter.positions()) {
                for (int y : typed.years()) {
                    typed.value(chapter.key(), position.key(), y,
                            fields.get(valueField(chapter.key(), position.key(), y)));
                }
            }
            typed.source(chapter.key(), fields.get(sourceField(chapter.key())));
        }
        for (int row = 0; row < MAX_BUDGET_ROWS && fields.containsKey(budgetKeyField(row)); row++) {
            final int r = row;
            typed.addBudgetRow(fields.get(budgetKeyField(row)),
                    typed.years().stream().map(y -> fields.get(budgetValueField(r, y))).toList());
        }
        return typed;
    }

    /** what the template prefills: its values (decimal comma) and its budget rows, still empty */
    public static TypedResources fromPrefill(ResourcesPrefill prefill) {
        TypedResources typed = new TypedResources(prefill.year());
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            for (Position position : chapter.positions()) {
                for (int y : typed.years()) {
                    typed.value(chapter.key(), position.key(), y, prefilled(prefill, chapter.key(), position.key(), y));
                }
            }
        }
        for (String budgetChapter : prefill.budgetChapters()) {
            typed.budget.add(new BudgetRow(budgetChapter, typed.years().stream()
                    .map(y -> prefilled(prefill, ResourceCatalogue.BUDGET, budgetChapter, y)).toList()));
        }
        return typed;
    }

    /** the prefilled value as the form shows it: a number with a decimal comma, a text as written, else "" */
    public static String prefilled(ResourcesPrefill prefill, String chapter, String position, int y) {
        BigDecimal value = prefill.value(chapter, position, y);
        String text = prefill.text(chapter, position, y);
        return value != null ? shown(value) : text != null ? text : "";
    }

    /** a number as the form shows it: plain digits, decimal comma, no trailing zeros (4.50 → "4,5") */
    static String shown(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /**
     * The values as a workbook of {@code ozps template --xlsx} holds them: a text that reads as a number (decimal comma
     * or point, spaces between thousands) as a number cell, any other text ("brak danych", a mistake) as text.
     */
    public ResourcesPrefill asPrefill() {
        Map<String, Map<Integer, BigDecimal>> numbers = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> texts = new LinkedHashMap<>();
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            for (Position position : chapter.positions()) {
                for (int y : years()) {
                    put(numbers, texts, chapter.key() + "." + position.key(), y, value(chapter.key(), position.key(), y));
                }
            }
        }
        List<String> budgetKeys = new ArrayList<>();
        for (BudgetRow row : budget) {
            if (row.key().isEmpty() || budgetKeys.contains(row.key())) {
                continue;
            }
            budgetKeys.add(row.key());
            for (int i = 0; i < 3; i++) {
                put(numbers, texts, ResourceCatalogue.BUDGET + "." + row.key(), years().get(i), row.values().get(i));
            }
        }
        return new ResourcesPrefill(year, numbers, Map.of(), Map.of(), budgetKeys, List.of(), texts);
    }

    private static void put(Map<String, Map<Integer, BigDecimal>> numbers, Map<String, Map<Integer, String>> texts,
                            String key, int y, String text) {
        if (text.isEmpty()) {
            return;
        }
        BigDecimal number = number(text);
        if (number != null) {
            numbers.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(y, number);
        } else {
            texts.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(y, text);
        }
    }

    private static BigDecimal number(String text) {
        String plain = text.replace(" ", "").replace("\u00A0", "").replace(',', '.');
        if (!plain.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(plain);
    }

    /** the draft's text: one line per value ({@code w}), budget row ({@code b}) and source ({@code z}), tab-separated */
    public String serialize() {
        StringBuilder out = new StringBuilder();
        values.forEach((field, text) -> {
            if (!text.isEmpty()) {
                out.append("w\t").append(field).append('\t').append(text).append('\n');
            }
        });
        for (BudgetRow row : budget) {
            out.append("b\t").append(row.key());
            row.values().forEach(v -> out.append('\t').append(v));
            out.append('\n');
        }
        sources.forEach((chapter, text) -> {
            if (!text.isEmpty()) {
                out.append("z\t").append(chapter).append('\t').append(text).append('\n');
            }
        });
        return out.toString();
    }

    /** reads what {@link #serialize()} wrote */
    public static TypedResources parse(int year, String serialized) {
        TypedResources typed = new TypedResources(year);
        for (String line : serialized.split("\n")) {
            String[] parts = line.split("\t", -1);
            if (parts[0].equals("w") && parts.length == 3) {
                typed.values.put(parts[1], parts[2]);
            } else if (parts[0].equals("b") && parts.length == 5) {
                typed.addBudgetRow(parts[1], List.of(parts[2], parts[3], parts[4]));
            } else if (parts[0].equals("z") && parts.length == 3) {
                typed.sources.put(parts[1], parts[2]);
            }
        }
        return typed;
    }

    /** a typed text on one line, without the tabs that separate the draft's fields, at most {@link #MAX_TEXT} long */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\t\\r\\n]", " ").strip();
        return line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT) : line;
    }
}
