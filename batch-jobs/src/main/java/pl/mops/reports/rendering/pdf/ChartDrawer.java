package pl.mops.reports.rendering.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ReportChart;

/**
 * Builds a JFreeChart for a {@link ReportChart}: bars (horizontal when there are many categories, so long
 * district names stay readable) or lines (dashed for series marked dashed, or from a series' first forecast
 * category on, with hollow markers there), DejaVu Sans, Polish numbers.
 * The title is printed by the report above the chart, so the chart itself has none.
 */
final class ChartDrawer {

    /** bar charts with more categories than this are drawn horizontally */
    static final int MAX_VERTICAL_CATEGORIES = 8;

    /**
     * Series colours chosen so that they also differ in lightness (printed in black and white they are dark,
     * light and middle grey); lines differ besides by their markers (circle, square, triangle, diamond).
     */
    static final Color[] PALETTE = {
        new Color(0x1F, 0x3F, 0x66), new Color(0xF0, 0xA8, 0x5A), new Color(0x4F, 0x8F, 0x4F),
        new Color(0xB8, 0x9C, 0xD0), new Color(0x6B, 0x1E, 0x1E), new Color(0xC8, 0xC8, 0xC8)
    };
    private static final java.awt.Shape[] MARKERS = {
        new java.awt.geom.Ellipse2D.Double(-2.8, -2.8, 5.6, 5.6),
        new java.awt.geom.Rectangle2D.Double(-2.6, -2.6, 5.2, 5.2),
        new java.awt.Polygon(new int[] {-3, 0, 3}, new int[] {3, -3, 3}, 3),
        new java.awt.Polygon(new int[] {0, 3, 0, -3}, new int[] {-3, 0, 3, 0}, 4)
    };
    /** bars with more values than this get no value labels (they would overlap) */
    static final int MAX_LABELLED_BARS = 60;
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    private static final Color TEXT = new Color(0x1A, 0x1A, 0x1A);

    private ChartDrawer() {
    }

    static JFreeChart draw(ReportChart chart) {
        DefaultCategoryDataset dataset = dataset(chart);
        CategoryAxis categoryAxis = new CategoryAxis(chart.categoryLabel());
        NumberAxis valueAxis = new NumberAxis(chart.valueLabel());
        valueAxis.setNumberFormatOverride(polishNumbers());
        // every value axis starts at zero: an axis fitted to the values makes a change of a few per cent look
        // like a doubling
        valueAxis.setAutoRangeIncludesZero(true);
        valueAxis.setAutoRangeStickyZero(true);
        if (wholeNumbers(chart)) {
            // families, persons: no tick at 2,5
            valueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (!anyAboveZero(chart)) {
            // nothing but zeros (or hidden values): an axis 0–1, not one around zero with ticks "-0"
            valueAxis.setRange(0, 1);
        }
        CategoryItemRenderer renderer = chart.kind() == ReportChart.ChartKind.BAR
                ? barRenderer(chart) : lineRenderer(chart);
        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        boolean horizontal = chart.kind() == ReportChart.ChartKind.BAR
                && chart.categories().size() > MAX_VERTICAL_CATEGORIES;
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        style(plot, categoryAxis, valueAxis, chart, horizontal);

        JFreeChart result = new JFreeChart(null, DejaVuFonts.bold(11f), plot, chart.series().size() > 1);
        result.setBackgroundPaint(Color.WHITE);
        result.setAntiAlias(true);
        result.setTextAntiAlias(true);
        LegendTitle legend = result.getLegend();
        if (legend != null) {
            legend.setItemFont(DejaVuFonts.regular(8f));
            legend.setItemPaint(TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setBackgroundPaint(Color.WHITE);
        }
        return result;
    }

    private static DefaultCategoryDataset dataset(ReportChart chart) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<String> categories = chart.categories();
        for (ChartSeries series : chart.series()) {
            for (int i = 0; i < categories.size(); i++) {
                BigDecimal value = i < series.values().size() ? series.values().get(i) : null;
                dataset.addValue(value, series.name(), categories.get(i));
            }
        }
        return dataset;
    }

    private static BarRenderer barRenderer(ReportChart chart) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.12);
        for (int s = 0; s < chart.series().size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesOutlinePaint(s, TEXT);
        }
        // a thin dark outline keeps a light bar visible on white paper
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.4f));
        int bars = chart.series().size() * chart.categories().size();
        if (bars <= MAX_LABELLED_BARS) {
            renderer.setDefaultItemLabelGenerator(
                    new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}", polishNumbers()));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(DejaVuFonts.regular(bars > 24 ? 6f : 7f));
            renderer.setDefaultItemLabelPaint(TEXT);
            boolean horizontal = chart.categories().size() > MAX_VERTICAL_CATEGORIES;
            renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                    horizontal ? org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3
                            : org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE12,
                    horizontal ? org.jfree.chart.ui.TextAnchor.CENTER_LEFT
                            : org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER));
            renderer.setItemLabelAnchorOffset(2.0);
        }
        return renderer;
    }

    private static LineAndShapeRenderer lineRenderer(ReportChart chart) {
        // a segment takes the stroke of the point it leads to, so a series can turn dashed from one category on
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true) {
            @Override
            public Stroke getItemStroke(int row, int column) {
                ChartSeries series = chart.series().get(row);
                return series.dashedFrom() >= 0 ? stroke(series.dashedAt(column)) : super.getItemStroke(row, column);
            }

            @Override
            public boolean getItemShapeFilled(int row, int column) {
                ChartSeries series = chart.series().get(row);
                return series.dashedFrom() < 0 ? super.getItemShapeFilled(row, column) : !series.dashedAt(column);
            }
        };
        for (int s = 0; s < chart.series().size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesStroke(s, stroke(chart.series().get(s).dashed()));
            renderer.setSeriesShape(s, MARKERS[s % MARKERS.length]);
        }
        return renderer;
    }

    private static Stroke stroke(boolean dashed) {
        if (dashed) {
            return new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {5f, 3.5f}, 0f);
        }
        return new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static void style(CategoryPlot plot, CategoryAxis categoryAxis, NumberAxis valueAxis,
            ReportChart chart, boolean horizontal) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setInsets(new RectangleInsets(4, 4, 4, 12));

        Font axisLabel = DejaVuFonts.regular(8.5f);
        Font tick = DejaVuFonts.regular(chart.categories().size() > 12 ? 7f : 7.5f);
        categoryAxis.setLabelFont(axisLabel);
        categoryAxis.setLabelPaint(TEXT);
        categoryAxis.setTickLabelFont(tick);
        categoryAxis.setTickLabelPaint(TEXT);
        categoryAxis.setCategoryMargin(chart.kind() == ReportChart.ChartKind.BAR ? 0.25 : 0.0);
        categoryAxis.setLowerMargin(0.02);
        categoryAxis.setUpperMargin(0.02);
        categoryAxis.setMaximumCategoryLabelWidthRatio(horizontal ? 0.45f : 1f);
        if (!horizontal && String.join("", chart.categories()).length() > 60) {
            categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        valueAxis.setLabelFont(axisLabel);
        valueAxis.setLabelPaint(TEXT);
        valueAxis.setTickLabelFont(DejaVuFonts.regular(7.5f));
        valueAxis.setTickLabelPaint(TEXT);
        // room for the value labels above (or right of) the longest bar
        valueAxis.setUpperMargin(chart.kind() == ReportChart.ChartKind.BAR ? 0.12 : 0.08);
    }

    private static boolean wholeNumbers(ReportChart chart) {
        for (ChartSeries series : chart.series()) {
            for (BigDecimal value : series.values()) {
                if (value != null && value.stripTrailingZeros().scale() > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean anyAboveZero(ReportChart chart) {
        for (ChartSeries series : chart.series()) {
            for (BigDecimal value : series.values()) {
                if (value != null && value.signum() != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static DecimalFormat polishNumbers() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pl-PL"));
        symbols.setGroupingSeparator('\u00A0');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0.##", symbols);
    }
}
