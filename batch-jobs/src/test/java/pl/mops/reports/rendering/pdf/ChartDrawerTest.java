package pl.mops.reports.rendering.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ReportChart;

/** The charts as a reader sees them: axes from zero, numbers on the bars, series apart in black and white. */
class ChartDrawerTest {

    private static List<BigDecimal> values(long... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    private static CategoryPlot plot(ReportChart chart) {
        JFreeChart drawn = ChartDrawer.draw(chart);
        // lays the chart out once, as the PDF does, so that the axis ranges are computed from the data
        BufferedImage image = new BufferedImage(520, 300, BufferedImage.TYPE_INT_RGB);
        drawn.draw(image.createGraphics(), new java.awt.Rectangle(0, 0, 520, 300));
        return (CategoryPlot) drawn.getPlot();
    }

    @Test
    void aTrendLineFarAboveZeroStillHasItsAxisFromZero() {
        // 5 200 – 5 560 families: fitted to the values the axis would start near 5 150
        ReportChart trend = new ReportChart("W3", "Rodziny w kolejnych miesiącach", ReportChart.ChartKind.LINE,
                "Miesiąc", "Rodziny", List.of("I", "II", "III", "IV"), List.of(
                        new ChartSeries("2025", values(5200, 5240, 5310, 5560), false),
                        ChartSeries.withForecast("2025 prognoza", values(5200, 5240, 5310, 5560), 3)));
        CategoryPlot plot = plot(trend);
        assertThat(plot.getRangeAxis().getRange().getLowerBound()).isEqualTo(0.0);
        assertThat(plot.getRangeAxis().getRange().getUpperBound()).isGreaterThanOrEqualTo(5560.0);
    }

    @Test
    void barsStartAtZeroAndCarryTheirValuesInThePolishFormat() {
        ReportChart bars = new ReportChart("W1", "Rodziny według dzielnic", ReportChart.ChartKind.BAR, "Dzielnica",
                "Rodziny", List.of("Stare Miasto", "Grzegórzki", "Podgórze"), List.of(
                        new ChartSeries("marzec 2025", values(1234, 987, 1500), false),
                        new ChartSeries("marzec 2024", values(1100, 1010, 1490), false)));
        CategoryPlot plot = plot(bars);
        assertThat(plot.getRangeAxis().getRange().getLowerBound()).isEqualTo(0.0);
        CategoryItemRenderer renderer = plot.getRenderer();
        assertThat(renderer.isItemLabelVisible(0, 0)).isTrue();
        assertThat(renderer.getItemLabelGenerator(0, 0).generateLabel(plot.getDataset(), 0, 0))
                .isEqualTo("1\u00A0234");
        assertThat(renderer.getItemLabelGenerator(1, 2).generateLabel(plot.getDataset(), 1, 2))
                .isEqualTo("1\u00A0490");
    }

    @Test
    void aChartOfZerosAndHiddenValuesHasAnAxisFromZeroToOne() {
        ReportChart zeros = new ReportChart("W4", "Kwota świadczeń", ReportChart.ChartKind.LINE, "Miesiąc", "Kwota (zł)",
                List.of("I", "II", "III"), List.of(new ChartSeries("2025", java.util.Arrays.asList(
                        BigDecimal.ZERO, null, new BigDecimal("0.00")), false)));
        CategoryPlot plot = plot(zeros);
        assertThat(plot.getRangeAxis().getRange().getLowerBound()).isEqualTo(0.0);
        assertThat(plot.getRangeAxis().getRange().getUpperBound()).isEqualTo(1.0);
    }

    @Test
    void countsHaveWholeNumberTicks() {
        ReportChart counts = new ReportChart("W3", "Rodziny", ReportChart.ChartKind.LINE, "Miesiąc", "Rodziny",
                List.of("I", "II"), List.of(new ChartSeries("2025", values(4, 4), false)));
        org.jfree.chart.axis.NumberAxis axis = (org.jfree.chart.axis.NumberAxis) plot(counts).getRangeAxis();
        assertThat(axis.getTickUnit().getSize() % 1.0).isZero();
    }

    @Test
    void seriesColoursDifferInGreyAndLinesInTheirMarkers() {
        // printed in black and white a colour becomes its luminance (ITU-R BT.601); neighbours at least 20 % apart
        for (int s = 0; s + 1 < ChartDrawer.PALETTE.length; s++) {
            assertThat(Math.abs(grey(ChartDrawer.PALETTE[s]) - grey(ChartDrawer.PALETTE[s + 1])))
                    .as("series %d and %d in grey", s, s + 1).isGreaterThan(0.2);
        }
        ReportChart lines = new ReportChart("W3", "Trend", ReportChart.ChartKind.LINE, "Miesiąc", "Rodziny",
                List.of("I", "II"), List.of(new ChartSeries("2025", values(10, 12), false),
                        new ChartSeries("2024", values(9, 11), true)));
        CategoryItemRenderer renderer = plot(lines).getRenderer();
        assertThat(renderer.getSeriesShape(0)).isNotEqualTo(renderer.getSeriesShape(1));
        assertThat(((BasicStroke) renderer.getItemStroke(0, 1)).getDashArray()).isNull();
        assertThat(((BasicStroke) renderer.getItemStroke(1, 1)).getDashArray()).isNotNull();
    }

    @Test
    void theForecastIsDashedFromItsFirstYear() {
        ReportChart trend = new ReportChart("W5", "Trend z prognozą", ReportChart.ChartKind.LINE, "Rok", "Osoby",
                List.of("2023", "2024", "2025", "2026", "2027"), List.of(
                        ChartSeries.withForecast("Osoby", values(100, 110, 120, 130, 140), 3)));
        CategoryItemRenderer renderer = plot(trend).getRenderer();
        assertThat(((BasicStroke) renderer.getItemStroke(0, 2)).getDashArray()).isNull();
        assertThat(((BasicStroke) renderer.getItemStroke(0, 3)).getDashArray()).isNotNull();
        assertThat(((BasicStroke) renderer.getItemStroke(0, 4)).getDashArray()).isNotNull();
    }

    private static double grey(Color colour) {
        return (0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue()) / 255.0;
    }
}
