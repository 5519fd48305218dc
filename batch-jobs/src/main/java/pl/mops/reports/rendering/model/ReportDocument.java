package pl.mops.reports.rendering.model;

import java.util.List;

/**
 * A finished report, independent of its file format: the XLSX, PDF and CSV renderers all draw
 * the same document, so the three files always carry the same numbers.
 *
 * @param code      short code of the report, e.g. {@code statystyka}; used in the long-form CSV
 * @param period    period the report covers, e.g. {@code 2025-10}; first column of the long-form CSV
 * @param title     Polish title printed on top of the document
 * @param unit      name of the reporting unit (MOPS)
 * @param headerLines Polish lines under the title (period, snapshot and its fingerprint, layout version)
 * @param tables    the tables, in order
 * @param charts    charts drawn in the PDF, and in the workbook those with a source table
 * @param footnotes Polish footnotes (counting rules, methods) printed after the tables
 * @param metadata  document metadata fixed from the run's parameters (never the wall clock)
 */
public record ReportDocument(
        String code,
        String period,
        String title,
        String unit,
        List<String> headerLines,
        List<ReportTable> tables,
        List<ReportChart> charts,
        List<String> footnotes,
        DocumentMetadata metadata) {

    public ReportDocument {
        headerLines = List.copyOf(headerLines);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        footnotes = List.copyOf(footnotes);
    }
}
