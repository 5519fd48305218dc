package pl.mops.reports.assessment.resources;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What last year's resources file adds to the prefill of year Y: its file holds Y−3, Y−2 and Y−1, so the years
 * Y−2 and Y−1 of every position the template leaves empty are taken from it ("brak danych" as text), each with a note
 * naming the file; its budget rozdziały replace the template's examples. The template's own values stay.
 */
public final class PreviousYearPrefill {

    private PreviousYearPrefill() {
    }

    public static ResourcesPrefill merge(ResourcesPrefill base, ResourcesFile previous) {
        if (previous.year() != base.year() - 1) {
            return base;
        }
        String note = "z pliku zasobów za rok " + previous.year() + " (" + previous.fileName() + ")";
        Map<String, Map<Integer, BigDecimal>> values = copy(base.values());
        Map<String, Map<Integer, String>> notes = copy(base.valueNotes());
        Map<String, Map<Integer, String>> texts = copy(base.texts());
        previous.values().forEach((chapter, positions) -> positions.forEach((position, years) -> {
            String key = chapter + "." + position;
            for (int y : List.of(base.year() - 2, base.year() - 1)) {
                if (!years.containsKey(y) || base.value(chapter, position, y) != null) {
                    continue;
                }
                BigDecimal value = years.get(y);
                if (value != null) {
                    values.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(y, value);
                } else {
                    texts.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(y, ResourceCatalogue.NO_DATA);
                }
                notes.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(y, note);
            }
        }));
        List<String> budget = previous.positions(ResourceCatalogue.BUDGET);
        return new ResourcesPrefill(base.year(), values, notes, base.notes(),
                budget.isEmpty() ? base.budgetChapters() : budget, base.snapshotNotes(), texts);
    }

    private static <T> Map<String, Map<Integer, T>> copy(Map<String, Map<Integer, T>> map) {
        Map<String, Map<Integer, T>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        return copy;
    }
}
