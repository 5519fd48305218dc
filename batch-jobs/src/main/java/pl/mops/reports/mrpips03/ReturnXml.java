package pl.mops.reports.mrpips03;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;

/**
 * The XML of a return ({@code report-templates/mrpips03/mrpips03.xsd}): one {@code komorka} per cell of a row (each
 * row has its own columns) in layout order, counts as whole numbers and amounts with a "." and exactly 2 decimals. A
 * row fed by a file the snapshot did not have ({@link MissingData}) is written without cells: 0 would be a false
 * figure. {@link #validate} checks a
 * document against the schema; the writer never writes a file that fails it.
 */
public final class ReturnXml {

    public static final String NAMESPACE = "urn:mops-reports:mrpips03:1";
    static final String SCHEMA = Layouts.FOLDER + "/mrpips03.xsd";

    /** the attributes of the root element */
    public record Header(String symbol, String version, ReturnPeriod period, String unit, String teryt, int correction,
                         String snapshotFingerprint) {
    }

    private static volatile Schema schema;

    private ReturnXml() {
    }

    public static byte[] write(Header header, Layout layout, Map<CellKey, BigDecimal> cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 15);
        try {
            out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "sprawozdanie");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("formularz", header.symbol());
            xml.writeAttribute("wersja", header.version());
            xml.writeAttribute("okres", String.valueOf(header.period().half()));
            xml.writeAttribute("rok", String.valueOf(header.period().year()));
            xml.writeAttribute("jednostka", header.unit());
            xml.writeAttribute("teryt", header.teryt());
            xml.writeAttribute("korekta", String.valueOf(header.correction()));
            xml.writeAttribute("snapshot", header.snapshotFingerprint());
            MissingData missing = MissingData.of(layout, cells);
            for (Section section : layout.sections()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement(NAMESPACE, "dzial");
                xml.writeAttribute("kod", section.code());
                for (Row row : section.rows()) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement(NAMESPACE, "wiersz");
                    xml.writeAttribute("kod", row.code());
                    xml.writeAttribute("nr", row.nr());
                    for (Column column : missing.withoutData(section.code(), row.code()) ? List.<Column>of() : row.columns()) {
                        BigDecimal value = cells.get(new CellKey(section.code(), row.code(), column.code()));
                        if (value == null) {
                            throw new IllegalStateException("Brak komórki " + section.code() + "/" + row.code() + "/"
                                    + column.code());
                        }
                        xml.writeCharacters("\n      ");
                        xml.writeStartElement(NAMESPACE, "komorka");
                        xml.writeAttribute("kolumna", column.code());
                        xml.writeCharacters(plain(value, column.measure()));
                        xml.writeEndElement();
                    }
                    xml.writeCharacters("\n    ");
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Nie udało się zbudować XML sprawozdania: " + e.getMessage(), e);
        }
        byte[] bytes = out.toByteArray();
        validate(bytes);
        return bytes;
    }

    /** a count as a whole number, an amount with exactly 2 decimals; never grouped, never in exponent form */
    static String plain(BigDecimal value, Measure measure) {
        int scale = measure.type() == pl.mops.reports.rendering.model.ValueType.AMOUNT ? 2 : 0;
        return value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** @throws InvalidReturnXml with the line, column and reason of the first error */
    public static void validate(byte[] document) {
        try {
            Validator validator = schema().newValidator();
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXParseException e) {
            throw new InvalidReturnXml("XML sprawozdania nie jest zgodny ze schematem " + SCHEMA + " (wiersz "
                    + e.getLineNumber() + ", kolumna " + e.getColumnNumber() + "): " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new InvalidReturnXml("XML sprawozdania nie jest zgodny ze schematem " + SCHEMA + ": " + e.getMessage(), e);
        }
    }

    private static Schema schema() {
        Schema loaded = schema;
        if (loaded == null) {
            try (InputStream in = ReturnXml.class.getClassLoader().getResourceAsStream(SCHEMA)) {
                if (in == null) {
                    throw new IllegalStateException("Brak schematu " + SCHEMA + " w ścieżce klas");
                }
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                loaded = factory.newSchema(new StreamSource(new ByteArrayInputStream(in.readAllBytes())));
                schema = loaded;
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("Nie można wczytać schematu " + SCHEMA + ": " + e.getMessage(), e);
            }
        }
        return loaded;
    }

    /** a document that does not conform to the schema */
    public static final class InvalidReturnXml extends RuntimeException {
        InvalidReturnXml(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
