package pl.mops.reports.rendering.model;

/**
 * A value column.
 *
 * @param code       stable code of the measure, e.g. {@code rodziny}; the "miara" column of the long-form CSV
 * @param header     Polish header, e.g. "Rodziny"
 * @param type       how values are formatted
 * @param widthChars column width in characters (XLSX) and proportional width (PDF)
 * @param note       {@code null}, or a Polish remark about every value of the column, e.g. that the data of its period
 *                   are incomplete ("niepełne: 5 z 31 dni"): printed after the header, and in the long-form CSV as a
 *                   line {@code <code>_uwaga} next to every value
 */
public record ReportColumn(String code, String header, ValueType type, int widthChars, String note) {

    public ReportColumn(String code, String header, ValueType type, int widthChars) {
        this(code, header, type, widthChars, null);
    }

    /** the header as printed: with the note in brackets when there is one */
    public String title() {
        return note == null ? header : header + " (" + note + ")";
    }
}
