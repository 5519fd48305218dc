package pl.mops.reports.assessment.resources;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated resources file: for every chapter and position a value per year of the assessment
 * ({@code null} = "brak danych", written so in the file), and the optional source of each chapter.
 *
 * @param fileName the file's name (without folders), printed in the documents
 * @param sha256   SHA-256 of the file's bytes: identifies the file among the job's parameters
 * @param year     the assessment year Y (the file holds Y−2, Y−1 and Y)
 * @param values   chapter → position → year → value, in the file's order of the catalogue
 * @param sources  chapter → description of the source of its figures
 */
public record ResourcesFile(String fileName, String sha256, int year,
                            Map<String, Map<String, Map<Integer, BigDecimal>>> values, Map<String, String> sources) {

    public ResourcesFile {
        Map<String, Map<String, Map<Integer, BigDecimal>>> copy = new LinkedHashMap<>();
        values.forEach((chapter, positions) -> {
            Map<String, Map<Integer, BigDecimal>> positionsCopy = new LinkedHashMap<>();
            positions.forEach((position, years) -> positionsCopy.put(position,
                    Collections.unmodifiableMap(new LinkedHashMap<>(years))));
            copy.put(chapter, Collections.unmodifiableMap(positionsCopy));
        });
        values = Collections.unmodifiableMap(copy);
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    public List<Integer> years() {
        return List.of(year - 2, year - 1, year);
    }

    /** the value of a position in a year; {@code null} = brak danych (or no such position) */
    public BigDecimal value(String chapter, String position, int year) {
        Map<String, Map<Integer, BigDecimal>> positions = values.get(chapter);
        Map<Integer, BigDecimal> years = positions == null ? null : positions.get(position);
        return years == null ? null : years.get(year);
    }

    /** the positions of a chapter in order (for the budget: the rozdziały in ascending order) */
    public List<String> positions(String chapter) {
        return new ArrayList<>(values.getOrDefault(chapter, Map.of()).keySet());
    }
}
