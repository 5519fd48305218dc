package pl.mops.reports.rendering.model;

/**
 * A value column.
 *
 * @param code       stable code of the measure, e.g. {@code rodziny}; the "miara" column of the long-form CSV
 * @param header     Polish header, e.g. "Rodziny"
 * @param type       how values are formatted
 * @param widthChars column width in characters (XLSX) and proportional width (PDF)
 */
public record ReportColumn(String code, String header, ValueType type, int widthChars) {
}
