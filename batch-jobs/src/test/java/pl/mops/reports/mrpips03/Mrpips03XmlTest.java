package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.mops.reports.mrpips03.ReturnRepository.CellKey;

/** The XML writer against the shipped schema, without a database. */
class Mrpips03XmlTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    static Layout packagedLayout() throws Exception {
        try (InputStream in = Mrpips03XmlTest.class.getClassLoader().getResourceAsStream("report-templates/mrpips03/2025.1.yaml")) {
            return LayoutReader.read(in.readAllBytes(), "2025.1.yaml");
        }
    }

    static Map<CellKey, BigDecimal> cells(Layout layout, BigDecimal value) {
        Map<CellKey, BigDecimal> cells = new HashMap<>();
        for (Layout.Section s : layout.sections()) {
            for (Layout.Row r : s.rows()) {
                for (Layout.Column c : r.columns()) {
                    cells.put(new CellKey(s.code(), r.code(), c.code()),
                            c.measure() == Measure.KWOTA ? value : value.setScale(0, java.math.RoundingMode.DOWN));
                }
            }
        }
        return cells;
    }

    private static String valid() throws Exception {
        Layout layout = packagedLayout();
        return new String(ReturnXml.write(new ReturnXml.Header("MRPiPS-03", "2025.1", ReturnPeriod.parse("2025-R"),
                "MOPS", "1261011", 2, FINGERPRINT), layout, cells(layout, new BigDecimal("1234567.50"))),
                StandardCharsets.UTF_8);
    }

    @Test
    void writtenDocumentIsValidWithPlainNumbers() throws Exception {
        String xml = valid();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sprawozdanie xmlns=\"urn:mops-reports:mrpips03:1\"");
        assertThat(xml).contains("okres=\"R\" rok=\"2025\"", "korekta=\"2\"",
                "<komorka kolumna=\"KWOTA\">1234567.50</komorka>",
                "<dzial kod=\"1B\">");
        ReturnXml.validate(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void invalidDocumentsAreRejected() throws Exception {
        String xml = valid();
        for (String invalid : new String[] {
                xml.replace(">1234567.50<", ">1 234 567,50<"),                    // grouping and decimal comma
                xml.replace("<komorka kolumna=\"KWOTA\">1234567.50<", "<komorka kolumna=\"KWOTA\">1234567.5<"), // 1 decimal
                xml.replace(" korekta=\"2\"", ""),                                 // missing attribute
                xml.replace("okres=\"R\"", "okres=\"Q\""),                         // unknown period
                xml.replace("urn:mops-reports:mrpips03:1", "urn:other"),           // wrong namespace
                xml.replace("kolumna=\"SWIADCZENIA\"", "kolumna=\"OSOBY\""),       // a column twice in a row
                xml.replace("<wiersz kod=\"ZASILEK_STALY\"", "<wiersz kod=\"OGOLEM_1B\""), // a row twice in a section
                xml.replace("snapshot=\"" + FINGERPRINT + "\"", "snapshot=\"abc\"")}) {
            assertThat(invalid).isNotEqualTo(xml);
            assertThatThrownBy(() -> ReturnXml.validate(invalid.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(ReturnXml.InvalidReturnXml.class)
                    .hasMessageContaining("nie jest zgodny ze schematem");
        }
    }

    @Test
    void theWriterRefusesToProduceAnInvalidDocument() throws Exception {
        Layout layout = packagedLayout();
        assertThatThrownBy(() -> ReturnXml.write(new ReturnXml.Header("MRPiPS-03", "2025.1", ReturnPeriod.parse("2025-P"),
                "MOPS", "12-34", 0, FINGERPRINT), layout, cells(layout, BigDecimal.ONE)))
                .isInstanceOf(ReturnXml.InvalidReturnXml.class).hasMessageContaining("teryt");
    }

    @Test
    void layout2025Point2RowsHaveTheirOwnColumnsAndRowsWithoutDataHaveNoCells() throws Exception {
        Layout layout = Mrpips03LayoutReaderTest.packaged("2025.2");
        Map<CellKey, BigDecimal> cells = cells(layout, new BigDecimal("7.00"));
        // no wsparcie.csv: its rows have no cells
        cells.keySet().removeIf(k -> k.row().startsWith("PORADNICTWO") || k.row().equals("INTERWENCJA_KRYZYSOWA"));
        String xml = new String(ReturnXml.write(new ReturnXml.Header("MRPiPS-03", "2025.2", ReturnPeriod.parse("2025-R"),
                "MOPS", "1261011", 0, FINGERPRINT), layout, cells), StandardCharsets.UTF_8);
        assertThat(xml).contains("<wiersz kod=\"ZASILEK_OKRESOWY\" nr=\"5\">\n"
                        + "      <komorka kolumna=\"OSOBY\">7</komorka>\n"
                        + "      <komorka kolumna=\"SWIADCZENIA\">7</komorka>\n"
                        + "      <komorka kolumna=\"KWOTA\">7.00</komorka>\n"
                        + "      <komorka kolumna=\"KWOTA_DOTACJA\">7.00</komorka>\n"
                        + "      <komorka kolumna=\"KWOTA_SRODKI_WLASNE\">7.00</komorka>\n"
                        + "      <komorka kolumna=\"RODZINY\">7</komorka>",
                "<wiersz kod=\"ZASILEK_OKRESOWY_INNE\" nr=\"10\">\n      <komorka kolumna=\"OSOBY\">7</komorka>\n"
                        + "      <komorka kolumna=\"SWIADCZENIA\">7</komorka>\n      <komorka kolumna=\"KWOTA\">7.00</komorka>\n"
                        + "      <komorka kolumna=\"RODZINY\">7</komorka>",
                "<wiersz kod=\"KONTRAKTY_SOCJALNE\" nr=\"6\">\n      <komorka kolumna=\"KONTRAKTY\">7</komorka>\n"
                        + "      <komorka kolumna=\"OSOBY_OBJETE\">7</komorka>\n    </wiersz>",
                "<wiersz kod=\"INTERWENCJA_KRYZYSOWA\" nr=\"7\">\n    </wiersz>");
        assertThat(xml.split("<komorka ").length - 1).isEqualTo(cells.size());
        ReturnXml.validate(xml.getBytes(StandardCharsets.UTF_8));
    }
}
