package pl.mops.reports.publication;

import java.util.List;

import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;

/** What the cells of one kind of report are, and which of its figures add up to which (one per report). */
public interface ProtectionLayout {

    /** the role of value {@code column} of {@code row}; {@link CellRole#PUBLIC} for anything not about clients */
    CellRole cell(ReportTable table, ReportRow row, int column);

    /** the role of point {@code category} of series {@code series} of a chart */
    CellRole chartPoint(ReportDocument document, ReportChart chart, int series, int category);

    /** every relation a reader could use between the figures of the document */
    List<Relation> relations(ReportDocument document);
}
