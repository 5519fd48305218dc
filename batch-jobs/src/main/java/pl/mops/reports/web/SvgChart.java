package pl.mops.reports.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

import org.springframework.web.util.HtmlUtils;

import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ValueType;

/**
 * A chart of a document as inline SVG drawn on the server (no script, no library, no style attribute — the console's
 * Content-Security-Policy allows none): bars by category or lines over the categories, the value axis from zero with
 * round steps labelled in Polish notation, a title and {@code aria-labelledby} for screen readers (the data
 * themselves are in the table beside the chart). It prints in grey: the first series is solid dark, the second a
 * hatched bar or a dashed line with square markers, a later one dotted; a series' forecast part is dashed with hollow
 * markers.
 */
final class SvgChart {

    static final int WIDTH = 760;
    /** the plot's height; below it the category labels (slanted when they do not fit), the axis title, the legend */
    static final int PLOT = 240;
    private static final int LEFT = 84;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BASE = TOP + PLOT;
    private static final double CHAR = 7.0;
    private static final int SLANT = 55;
    private static final String INK = "#1a1a1a";
    private static final String[] COLOURS = {"#0b4f8a", "#6b3e00", "#444444"};
    private static final String[] DASHES = {null, "8 5", "2 4"};

    private SvgChart() {
    }

    /** amounts when the axis says złoty, whole numbers when every value is whole, else two decimals */
    static ValueType valueType(ReportChart chart) {
        if (chart.valueLabel() != null && chart.valueLabel().contains("zł")) {
            return ValueType.AMOUNT;
        }
        boolean whole = chart.series().stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull)
                .allMatch(v -> v.stripTrailingZeros().scale() <= 0);
        return whole ? ValueType.COUNT : ValueType.DECIMAL;
    }

    static String svg(ReportChart chart) {
        BigDecimal max = chart.series().stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal step = step(max);
        if (valueType(chart) == ValueType.COUNT && step.compareTo(BigDecimal.ONE) < 0) {
            step = BigDecimal.ONE; // a count has no gridline between whole numbers
        }
        BigDecimal top = max.signum() <= 0 ? step
                : max.divide(step, 0, RoundingMode.CEILING).multiply(step);
        String id = "wykres-" + chart.id();
        int below = labelSpace(chart);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wykres\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(BASE + below + 52).append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(id)
                .append("-tytul\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">")
                .append("<title id=\"").append(id).append("-tytul\">").append(text(chart.title()))
                .append(". Dane w tabeli pod wykresem.</title>")
                .append("<defs><pattern id=\"").append(id).append("-kreski\" width=\"6\" height=\"6\" "
                        + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" "
                        + "height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"")
                .append(COLOURS[1]).append("\" stroke-width=\"3\"/></pattern></defs>");
        axes(svg, chart, step, top, below);
        int n = chart.categories().size();
        double band = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, n);
        for (int s = 0; s < chart.series().size(); s++) {
            ChartSeries series = chart.series().get(s);
            if (chart.kind() == ReportChart.ChartKind.BAR) {
                bars(svg, series, s, chart.series().size(), band, top, id);
            } else {
                line(svg, series, s, band, top);
            }
        }
        legend(svg, chart, id, BASE + below + 42);
        return svg.append("</svg>").toString();
    }

    /** a round step (1, 2 or 5 × 10^k) giving about five gridlines up to {@code max} */
    static BigDecimal step(BigDecimal max) {
        if (max.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal raw = max.divide(BigDecimal.valueOf(5), 10, RoundingMode.HALF_UP);
        BigDecimal power = BigDecimal.ONE.movePointRight(raw.precision() - raw.scale() - 1);
        for (int factor : new int[] {1, 2, 5, 10}) {
            BigDecimal candidate = power.multiply(BigDecimal.valueOf(factor));
            if (candidate.compareTo(raw) >= 0) {
                return candidate.stripTrailingZeros();
            }
        }
        return power.multiply(BigDecimal.TEN);
    }

    /** whether the category labels are too long for their band and are written slanted */
    private static boolean slanted(ReportChart chart) {
        double band = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, chart.categories().size());
        return longest(chart) * CHAR > band;
    }

    private static int longest(ReportChart chart) {
        return chart.categories().stream().mapToInt(String::length).max().orElse(0);
    }

    /** the room under the plot that the category labels take */
    private static int labelSpace(ReportChart chart) {
        return slanted(chart) ? (int) Math.ceil(longest(chart) * CHAR * Math.sin(Math.toRadians(SLANT))) + 20 : 24;
    }

    private static void axes(StringBuilder svg, ReportChart chart, BigDecimal step, BigDecimal top, int below) {
        ValueType tickType = step.stripTrailingZeros().scale() > 0 ? ValueType.DECIMAL : ValueType.COUNT;
        for (BigDecimal v = BigDecimal.ZERO; v.compareTo(top) <= 0; v = v.add(step)) {
            double y = y(v, top);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\" stroke=\"")
                    .append(v.signum() == 0 ? INK : "#c8ced6").append("\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"").append(INK).append("\">")
                    .append(text(PolishFormats.format(v, tickType))).append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(BASE).append("\" stroke=\"").append(INK).append("\"/>");
        svg.append("<text transform=\"translate(14 ").append((TOP + BASE) / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\" fill=\"").append(INK).append("\">")
                .append(text(chart.valueLabel())).append("</text>");
        int n = chart.categories().size();
        double band = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, n);
        boolean slanted = slanted(chart);
        for (int i = 0; i < n; i++) {
            double x = LEFT + band * (i + 0.5);
            double y = BASE + 16;
            svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" fill=\"").append(INK)
                    .append("\" text-anchor=\"").append(slanted ? "end" : "middle").append('"');
            if (slanted) {
                svg.append(" transform=\"rotate(-").append(SLANT).append(' ').append(num(x)).append(' ').append(num(y)).append(")\"");
            }
            svg.append('>').append(text(chart.categories().get(i))).append("</text>");
        }
        svg.append("<text x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(BASE + below + 18)
                .append("\" text-anchor=\"middle\" fill=\"").append(INK).append("\">")
                .append(text(chart.categoryLabel())).append("</text>");
    }

    private static void bars(StringBuilder svg, ChartSeries series, int s, int count, double band, BigDecimal top,
                             String id) {
        double width = band * 0.7 / count;
        for (int i = 0; i < series.values().size(); i++) {
            BigDecimal value = series.values().get(i);
            if (value == null) {
                continue;
            }
            double x = LEFT + band * i + band * 0.15 + width * s;
            double y = y(value, top);
            svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(width)).append("\" height=\"").append(num(BASE - y)).append("\" fill=\"")
                    .append(s == 1 ? "url(#" + id + "-kreski)" : COLOURS[s % COLOURS.length]).append("\" stroke=\"")
                    .append(COLOURS[s % COLOURS.length]).append("\"/>");
        }
    }

    private static void line(StringBuilder svg, ChartSeries series, int s, double band, BigDecimal top) {
        String colour = COLOURS[s % COLOURS.length];
        double[] previous = null;
        for (int i = 0; i < series.values().size(); i++) {
            BigDecimal value = series.values().get(i);
            if (value == null) {
                previous = null;
                continue;
            }
            double[] point = {LEFT + band * (i + 0.5), y(value, top)};
            if (previous != null) {
                String dash = series.dashedAt(i) ? "8 5" : DASHES[s % DASHES.length];
                svg.append("<line x1=\"").append(num(previous[0])).append("\" y1=\"").append(num(previous[1]))
                        .append("\" x2=\"").append(num(point[0])).append("\" y2=\"").append(num(point[1]))
                        .append("\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"")
                        .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
            }
            marker(svg, point, s, colour, series.dashedFrom() >= 0 && i >= series.dashedFrom());
            previous = point;
        }
    }

    /** a circle for the first series, a square for the others; hollow for a forecast */
    private static void marker(StringBuilder svg, double[] p, int s, String colour, boolean hollow) {
        String fill = hollow ? "#ffffff" : colour;
        if (s == 0) {
            svg.append("<circle cx=\"").append(num(p[0])).append("\" cy=\"").append(num(p[1])).append("\" r=\"4\"");
        } else {
            svg.append("<rect x=\"").append(num(p[0] - 4)).append("\" y=\"").append(num(p[1] - 4))
                    .append("\" width=\"8\" height=\"8\"");
        }
        svg.append(" fill=\"").append(fill).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>");
    }

    private static void legend(StringBuilder svg, ReportChart chart, String id, double y) {
        double x = LEFT;
        for (int s = 0; s < chart.series().size(); s++) {
            ChartSeries series = chart.series().get(s);
            String colour = COLOURS[s % COLOURS.length];
            if (chart.kind() == ReportChart.ChartKind.BAR) {
                svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y - 10))
                        .append("\" width=\"14\" height=\"12\" fill=\"")
                        .append(s == 1 ? "url(#" + id + "-kreski)" : colour).append("\" stroke=\"").append(colour)
                        .append("\"/>");
            } else {
                String dash = series.dashed() ? "8 5" : DASHES[s % DASHES.length];
                svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(num(y - 4)).append("\" x2=\"")
                        .append(num(x + 28)).append("\" y2=\"").append(num(y - 4)).append("\" stroke=\"")
                        .append(colour).append("\" stroke-width=\"2.5\"")
                        .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
                marker(svg, new double[] {x + 14, y - 4}, s, colour, false);
            }
            String name = series.name() + (series.dashedFrom() >= 0 ? " (prognoza: linia przerywana)" : "");
            svg.append("<text x=\"").append(num(x + 34)).append("\" y=\"").append(num(y)).append("\" fill=\"")
                    .append(INK).append("\">").append(text(name)).append("</text>");
            x += 34 + name.length() * 7.2 + 24;
        }
    }

    private static double y(BigDecimal value, BigDecimal top) {
        return BASE - PLOT * value.doubleValue() / top.doubleValue();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String text(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
