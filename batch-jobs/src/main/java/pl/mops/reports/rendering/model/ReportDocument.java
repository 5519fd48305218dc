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
 * @param appendix  Polish lines of the technical appendix („Załącznik techniczny”, after the footnotes): the
 *                  snapshot's fingerprint, file names, configuration paths — what auditors need and the council
 *                  does not; empty = no appendix
 * @param signatures whether the document ends with a signature block (sporządził, data, kierownik jednostki)
 *                  left empty for a hand signature (the returns)
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
        DocumentMetadata metadata,
        List<String> appendix,
        boolean signatures) {

    public ReportDocument {
        headerLines = List.copyOf(headerLines);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        footnotes = List.copyOf(footnotes);
        appendix = List.copyOf(appendix);
    }

    /** a document without a technical appendix and without a signature block */
    public ReportDocument(String code, String period, String title, String unit, List<String> headerLines,
            List<ReportTable> tables, List<ReportChart> charts, List<String> footnotes, DocumentMetadata metadata) {
        this(code, period, title, unit, headerLines, tables, charts, footnotes, metadata, List.of(), false);
    }

    /** the same document with the given technical appendix */
    public ReportDocument withAppendix(List<String> lines) {
        return new ReportDocument(code, period, title, unit, headerLines, tables, charts, footnotes, metadata, lines,
                signatures);
    }

    /** the same document ending with a signature block for a hand signature */
    public ReportDocument withSignatures() {
        return new ReportDocument(code, period, title, unit, headerLines, tables, charts, footnotes, metadata,
                appendix, true);
    }
}
