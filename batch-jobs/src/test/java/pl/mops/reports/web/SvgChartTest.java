package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ReportChart;

/** The server-drawn charts: round steps from zero, Polish axis labels, well-formed SVG with its title, grey-safe. */
class SvgChartTest {

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        // about five gridlines: 3 570 / 5 = 714 → 1 000; 4 / 5 = 0,8 → 1; 0,1 / 5 = 0,02 → 0,02; 95 / 5 = 19 → 20
        assertThat(SvgChart.step(new BigDecimal("3570"))).isEqualByComparingTo("1000");
        assertThat(SvgChart.step(new BigDecimal("4"))).isEqualByComparingTo("1");
        assertThat(SvgChart.step(new BigDecimal("0.1"))).isEqualByComparingTo("0.02");
        assertThat(SvgChart.step(new BigDecimal("95"))).isEqualByComparingTo("20");
        assertThat(SvgChart.step(BigDecimal.ZERO)).isEqualByComparingTo("1");
    }

    @Test
    void aLineChartStartsAtZeroWithPolishLabelsAndADashedSecondSeries() throws Exception {
        ReportChart chart = new ReportChart("W4", "Kwota <świadczeń> (zł)", ReportChart.ChartKind.LINE, "Miesiąc",
                "Kwota (zł)", List.of("I", "II", "III"), List.of(
                new ChartSeries("2025", values("1400.00", "1950.50", "3570.00"), false),
                new ChartSeries("2024", values("450.00", null, "450.00"), true)));
        String svg = SvgChart.svg(chart);
        Document document = parse(svg);
        assertThat(document.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Kwota <świadczeń> (zł). Dane w tabeli pod wykresem.");
        List<String> texts = texts(document);
        // 3 570 rounds up to 4 000 in steps of 1 000, from 0; thousands grouped with a no-break space
        assertThat(texts).contains("0", "1\u00a0000", "2\u00a0000", "3\u00a0000", "4\u00a0000", "I", "II", "III",
                "Miesiąc", "Kwota (zł)", "2025", "2024").doesNotContain("5\u00a0000");
        // the previous year dashed, with square markers; its missing February breaks the line (no segment to it)
        assertThat(svg).contains("stroke-dasharray=\"8 5\"", "<rect x=").doesNotContain("style=");
        NodeList lines = document.getElementsByTagName("line");
        long dashed = java.util.stream.IntStream.range(0, lines.getLength())
                .filter(i -> "8 5".equals(((org.w3c.dom.Element) lines.item(i)).getAttribute("stroke-dasharray")))
                .count();
        assertThat(dashed).isEqualTo(1); // the legend's sample only: 450 → (none) → 450 draws no segment
    }

    @Test
    void countsHaveWholeGridlinesAndLongCategoriesAreSlanted() throws Exception {
        ReportChart chart = new ReportChart("W1", "Rodziny", ReportChart.ChartKind.BAR, "Dzielnica", "Rodziny",
                List.of("I Stare Miasto", "II Grzegórzki", "III Prądnik Czerwony", "IV Prądnik Biały", "V Krowodrza",
                        "VI Bronowice", "VII Zwierzyniec", "VIII Dębniki", "IX Łagiewniki-Borek Fałęcki",
                        "X Swoszowice", "XI Podgórze Duchackie", "XII Bieżanów-Prokocim"),
                List.of(new ChartSeries("Rodziny", values("2", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                        "1"), false)));
        String svg = SvgChart.svg(chart);
        assertThat(texts(parse(svg))).contains("0", "1", "2").doesNotContain("0,50", "1,50");
        assertThat(svg).contains("rotate(-55 ");
    }

    private static List<String> texts(Document document) {
        NodeList nodes = document.getElementsByTagName("text");
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }
}
