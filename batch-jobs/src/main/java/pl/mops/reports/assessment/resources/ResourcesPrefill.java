package pl.mops.reports.assessment.resources;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template of the resources file knows before a clerk fills it in, whatever its form (the commented
 * YAML or the workbook): the values it can prefill, notes on single positions, the budget chapters it lists
 * and the lines about the snapshot offered for comparison. Computed once (by the template of the assessment)
 * and written by either form.
 *
 * @param year           the assessment year Y (the template holds Y−2, Y−1 and Y)
 * @param values         "chapter.position" → year → value known beforehand (e.g. the population)
 * @param valueNotes     "chapter.position" → year → where a prefilled value comes from
 * @param notes          "chapter.position" → further notes on the position (e.g. the staff norm)
 * @param budgetChapters the budget chapters (rozdziały) the template lists
 * @param snapshotNotes  lines about the snapshot's figures for comparison (none when there is no snapshot)
 * @param texts          "chapter.position" → year → a value that is no number, written as text (e.g. "brak danych"
 *                       typed in the console's form); the budget's positions by their rozdział
 */
public record ResourcesPrefill(int year, Map<String, Map<Integer, BigDecimal>> values,
                               Map<String, Map<Integer, String>> valueNotes, Map<String, List<String>> notes,
                               List<String> budgetChapters, List<String> snapshotNotes,
                               Map<String, Map<Integer, String>> texts) {

    public ResourcesPrefill(int year, Map<String, Map<Integer, BigDecimal>> values,
                            Map<String, Map<Integer, String>> valueNotes, Map<String, List<String>> notes,
                            List<String> budgetChapters, List<String> snapshotNotes) {
        this(year, values, valueNotes, notes, budgetChapters, snapshotNotes, Map.of());
    }

    public ResourcesPrefill {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        valueNotes = Collections.unmodifiableMap(new LinkedHashMap<>(valueNotes));
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        budgetChapters = List.copyOf(budgetChapters);
        snapshotNotes = List.copyOf(snapshotNotes);
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    public List<Integer> years() {
        return List.of(year - 2, year - 1, year);
    }

    /** the prefilled value, {@code null} = the clerk fills it in */
    public BigDecimal value(String chapter, String position, int y) {
        return values.getOrDefault(chapter + "." + position, Map.of()).get(y);
    }

    /** a value written as text, {@code null} = none */
    public String text(String chapter, String position, int y) {
        return texts.getOrDefault(chapter + "." + position, Map.of()).get(y);
    }

    public String valueNote(String chapter, String position, int y) {
        return valueNotes.getOrDefault(chapter + "." + position, Map.of()).get(y);
    }

    public List<String> notes(String chapter, String position) {
        return notes.getOrDefault(chapter + "." + position, List.of());
    }
}
