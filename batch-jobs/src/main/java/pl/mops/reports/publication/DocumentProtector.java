package pl.mops.reports.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;

/**
 * Statistical disclosure control of a finished document, before it is rendered (so XLSX, PDF and CSV all carry
 * the protected values): plans the hidden figures with {@link SuppressionPlanner} and replaces every cell and
 * chart point showing one (or derived from one) by a mark — {@code <3} for a small count, {@code x} for a value
 * hidden so that the small ones cannot be computed back or narrowed down (the GUS sign "wypełnienie pozycji jest
 * niemożliwe lub niecelowe"). Adds a note to each table with a mark, a footnote and a header line to the document,
 * and returns the audit of the protection ({@link ProtectionReport}) for the auditors' package.
 */
public final class DocumentProtector {

    public static final String HIDDEN_TEXT = "x";
    /** {@code mops.publication.protection-level} when none is given */
    public static final int DEFAULT_PROTECTION_LEVEL = 20;

    private final int threshold;
    private final int protectionLevel;

    /** the protected document and the audit of its protection */
    public record Protected(ReportDocument document, ProtectionReport report) {
    }

    public DocumentProtector(int threshold, int protectionLevel) {
        this.threshold = threshold;
        this.protectionLevel = protectionLevel;
    }

    public DocumentProtector(PublicationProperties properties) {
        this(properties.threshold(), properties.protectionLevel());
    }

    /** the mark of a small count, e.g. {@code <3} */
    public String smallText() {
        return "<" + threshold;
    }

    /** the small values in words: {@code 1–2}, or {@code 1} for a threshold of 2 */
    private String smallRange() {
        return threshold == 2 ? "1" : "1\u2013" + (threshold - 1);
    }

    /** the Polish note printed under each table with a mark and among the document's footnotes */
    public String note() {
        String values = threshold == 2 ? "wartość 1 pokazano" : "wartości " + smallRange() + " pokazano";
        return "Zastosowano ochronę tajemnicy statystycznej: liczby rodzin i osób \u2013 " + values + " jako „"
                + smallText() + "”, a „" + HIDDEN_TEXT + "” oznacza wartość ukrytą (także kwotę i wskaźnik takiej grupy), "
                + "aby nie dało się jej odtworzyć ani zawęzić z sum, różnic ani z innych tabel.";
    }

    public Protected protect(ReportDocument document, ProtectionLayout layout) {
        Map<String, SuppressionPlanner.Figure> figures = new LinkedHashMap<>();
        for (ReportTable table : document.tables()) {
            for (ReportRow row : table.rows()) {
                for (int c = 0; c < table.columns().size(); c++) {
                    collect(figures, layout.cell(table, row, c), row.values().get(c));
                }
            }
        }
        for (ReportChart chart : document.charts()) {
            for (int s = 0; s < chart.series().size(); s++) {
                List<BigDecimal> values = chart.series().get(s).values();
                for (int i = 0; i < values.size(); i++) {
                    collect(figures, layout.chartPoint(document, chart, s, i), values.get(i));
                }
            }
        }
        SuppressionPlanner.Plan plan = SuppressionPlanner.plan(new ArrayList<>(figures.values()),
                layout.relations(document), threshold, protectionLevel);
        Map<String, Mark> marks = plan.marks();
        List<ReportTable> tables = new ArrayList<>();
        for (ReportTable table : document.tables()) {
            tables.add(protect(table, layout, marks));
        }
        List<ReportChart> charts = new ArrayList<>();
        for (ReportChart chart : document.charts()) {
            List<ChartSeries> series = new ArrayList<>();
            for (int s = 0; s < chart.series().size(); s++) {
                ChartSeries original = chart.series().get(s);
                List<BigDecimal> values = new ArrayList<>();
                for (int i = 0; i < original.values().size(); i++) {
                    boolean hidden = mark(layout.chartPoint(document, chart, s, i), marks) != null;
                    values.add(hidden ? null : original.values().get(i));
                }
                series.add(new ChartSeries(original.name(), values, original.dashed(), original.dashedFrom()));
            }
            charts.add(new ReportChart(chart.id(), chart.title(), chart.kind(), chart.categoryLabel(),
                    chart.valueLabel(), chart.categories(), series, chart.source()));
        }
        List<String> header = new ArrayList<>(document.headerLines());
        header.add("Profil publikacji (BIP, rada miasta): liczby " + smallRange() + " i wartości, z których "
                + "można je odtworzyć lub zawęzić, są ukryte (zob. przypisy).");
        List<String> footnotes = new ArrayList<>(document.footnotes());
        footnotes.add(note());
        return new Protected(new ReportDocument(document.code(), document.period(), document.title(), document.unit(),
                header, tables, charts, footnotes, document.metadata(), document.appendix(), document.signatures()),
                plan.report());
    }

    private static void collect(Map<String, SuppressionPlanner.Figure> figures, CellRole role, BigDecimal value) {
        if (role instanceof CellRole.Figure figure && value != null) {
            figures.putIfAbsent(figure.key(), new SuppressionPlanner.Figure(figure.key(), value, figure.units(),
                    figure.tied(), figure.group(), figure.amount()));
        }
    }

    /** the mark of a cell: its figure's, or {@code x} for a derived value with a hidden input; {@code null} = shown */
    private static Mark mark(CellRole role, Map<String, Mark> marks) {
        if (role instanceof CellRole.Figure figure) {
            return marks.get(figure.key());
        }
        if (role instanceof CellRole.Derived derived) {
            return derived.inputs().stream().anyMatch(marks::containsKey) ? Mark.SECONDARY : null;
        }
        return null;
    }

    private ReportTable protect(ReportTable table, ProtectionLayout layout, Map<String, Mark> marks) {
        boolean any = false;
        List<ReportRow> rows = new ArrayList<>();
        for (ReportRow row : table.rows()) {
            List<BigDecimal> values = new ArrayList<>(row.values());
            List<String> texts = new ArrayList<>();
            boolean changed = false;
            for (int c = 0; c < values.size(); c++) {
                texts.add(row.textOf(c));
                Mark mark = values.get(c) == null ? null : mark(layout.cell(table, row, c), marks);
                if (mark != null) {
                    values.set(c, null);
                    texts.set(c, mark.small() ? smallText() : HIDDEN_TEXT);
                    changed = true;
                }
            }
            if (changed) {
                any = true;
                rows.add(new ReportRow(row.key(), row.label(), row.level(), row.total(), values, row.cellTypes(), texts, row.note()));
            } else {
                rows.add(row);
            }
        }
        if (!any) {
            return table;
        }
        List<String> notes = new ArrayList<>(table.notes());
        notes.add(note());
        return new ReportTable(table.id(), table.title(), table.sheetName(), table.dimension(), table.labelHeader(),
                table.columns(), rows, notes, table.labelWidthChars());
    }
}
