package pl.mops.reports.rendering.pdf;

import java.util.List;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.renderers.Renderable;

/**
 * One part of a section: a table (compiled body, its first rows printed together with the heading, the
 * remaining rows, headers, notes) or a chart. Field names are those of the section template.
 */
record SectionPart(
        boolean landscape,
        String tableTitle,
        JasperReport tableReport,
        JRDataSource tableRows,
        JRDataSource tableRest,
        String labelHeader,
        List<String> columnHeaders,
        String tableNotes,
        String chartTitle,
        Renderable chartImage) {

    /**
     * @param firstRows the rows kept on one page with the heading and the header row
     * @param rest      the remaining rows, {@code null} when there are none
     */
    static SectionPart table(boolean landscape, String title, JasperReport report, JRDataSource firstRows,
            JRDataSource rest, String labelHeader, List<String> columnHeaders, String notes) {
        return new SectionPart(landscape, title, report, firstRows, rest, labelHeader, columnHeaders, notes, null,
                null);
    }

    static SectionPart chart(String title, Renderable image) {
        return new SectionPart(false, null, null, null, null, null, null, null, title, image);
    }

    Object field(String name) {
        return switch (name) {
            case "TABLE_TITLE" -> tableTitle;
            case "TABLE_REPORT" -> tableReport;
            case "TABLE_ROWS" -> tableRows;
            case "TABLE_REST" -> tableRest;
            case "LABEL_HEADER" -> labelHeader;
            case "COLUMN_HEADERS" -> columnHeaders;
            case "TABLE_NOTES" -> tableNotes;
            case "CHART_TITLE" -> chartTitle;
            case "CHART_IMAGE" -> chartImage;
            default -> throw new IllegalArgumentException("Nieznane pole sekcji: " + name);
        };
    }
}
