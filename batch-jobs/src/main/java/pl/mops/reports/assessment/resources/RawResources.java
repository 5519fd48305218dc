package pl.mops.reports.assessment.resources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resources file as read, before the values are checked: chapters, positions, years and the raw text of
 * each value, each with the line it stands on (a workbook: its place). The YAML, CSV and XLSX readers fill it; the
 * {@link ResourcesValidator} checks it the same way for both.
 */
final class RawResources {

    /**
     * The raw value of one year of one position.
     *
     * @param text  the text as written (for YAML the scalar's text, never converted by YAML's own rules)
     * @param empty no value at all (empty field, YAML {@code ~}/{@code null})
     * @param line  line of the value
     */
    record Value(String text, boolean empty, int line) {
    }

    static final class PositionEntry {
        final String key;
        final int line;
        final Map<String, Value> years = new LinkedHashMap<>();

        PositionEntry(String key, int line) {
            this.key = key;
            this.line = line;
        }
    }

    static final class ChapterEntry {
        final String key;
        final int line;
        final Map<String, PositionEntry> positions = new LinkedHashMap<>();

        ChapterEntry(String key, int line) {
            this.key = key;
            this.line = line;
        }
    }

    /** a text with its line (the declared year, a source description) */
    record Text(String text, int line) {
    }

    /** where the values came from: the validator names missing things accordingly */
    enum Format {
        YAML, CSV, XLSX
    }

    Format format = Format.YAML;
    /** for a workbook: chapter key → the sheet that holds it (a missing chapter is named as a missing sheet) */
    final Map<String, String> sheets = new LinkedHashMap<>();

    /** the assessment year written in the file ({@code rok:} of a YAML file); {@code null} for a CSV file */
    Text declaredYear;
    /** whether the format requires {@link #declaredYear} (YAML does, CSV takes it from the command line) */
    boolean yearRequired;
    final Map<String, ChapterEntry> chapters = new LinkedHashMap<>();
    final Map<String, Text> sources = new LinkedHashMap<>();
}
