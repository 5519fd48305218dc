package pl.mops.reports.rendering.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
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

    private static final Paint[] PALETTE = {
        new Color(0x2F, 0x5D, 0x8A), new Color(0xE0, 0x8A, 0x2E), new Color(0x5A, 0x9E, 0x5A),
        new Color(0x8C, 0x5A, 0x9E), new Color(0x9E, 0x4A, 0x4A), new Color(0x6E, 0x6E, 0x6E)
    };
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    private static final Color TEXT = new Color(0x1A, 0x1A, 0x1A);

    private ChartDrawer() {
    }

    static JFreeChart draw(ReportChart chart) {
        DefaultCategoryDataset dataset = dataset(chart);
        CategoryAxis categoryAxis = new CategoryAxis(chart.categoryLabel());
        NumberAxis valueAxis = new NumberAxis(chart.valueLabel());
        valueAxis.setNumberFormatOverride(polishNumbers());
        // bars start at zero; a trend line is easier to read on an axis fitted to its values
        valueAxis.setAutoRangeIncludesZero(chart.kind() == ReportChart.ChartKind.BAR);
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
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.12);
        for (int s = 0; s < chart.series().size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
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
            renderer.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
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
        valueAxis.setUpperMargin(0.08);
    }

    private static DecimalFormat polishNumbers() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pl-PL"));
        symbols.setGroupingSeparator('\u00A0');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0.##", symbols);
    }
}
