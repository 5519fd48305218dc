package pl.mops.reports.rendering.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.Map;

import org.springframework.stereotype.Component;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportTable;

/**
 * Renders a {@link ReportDocument} to an A4 PDF with JasperReports: the title block, the tables (landscape
 * pages for tables with more than {@value TableLayout#MAX_PORTRAIT_COLUMNS} value columns), the charts and
 * the footnotes. Consecutive parts with the same orientation form one section (one JasperPrint); the
 * sections are exported together into one PDF. Same document, same bytes (see {@link DeterministicPdfProducer}).
 */
@Component
public class JasperPdfRenderer implements DocumentRenderer {

    /** fixed, so line breaking does not depend on the machine's default locale */
    private static final Locale POLISH = Locale.forLanguageTag("pl-PL");
    private static final String CREATOR = "MOPS — system sprawozdawczy (JasperReports)";
    /** the height of the title block without header lines, of one (possibly wrapped) header line, of a page's body */
    private static final int TITLE_BLOCK_HEIGHT = 62;
    private static final int HEADER_LINE_HEIGHT = 16;
    private static final int PORTRAIT_BODY_HEIGHT = 842 - 34 - 28 - 22;
    /** rows of a table printed on the same page as its heading and header row (a table of up to two more: all) */
    static final int ROWS_WITH_HEADING = 3;
    /** a space before a year: the year is never the only word of a line */
    private static final java.util.regex.Pattern SPACE_BEFORE_YEAR =
            java.util.regex.Pattern.compile(" (?=(19|20)\\d\\d(?!\\d))");

    private final JasperTemplates templates;

    /** without a template cache (tests, tools) */
    public JasperPdfRenderer() {
        this.templates = new JasperTemplates();
    }

    /** compiled templates cached in {@code $MOPS_HOME/cache/jasper} */
    static {
        // Images (charts) go through ImageIO in memory, not through its disk cache: the cache registers a JVM
        // shutdown hook on first use, which fails ("Shutdown in progress") when a stop signal has come during the
        // step, and leaves temporary files behind.
        javax.imageio.ImageIO.setUseCache(false);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public JasperPdfRenderer(pl.mops.reports.MopsProperties properties) {
        this.templates = new JasperTemplates(properties.home().resolve("cache").resolve("jasper"));
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public void render(ReportDocument document, OutputStream out) throws IOException {
        try {
            List<JasperPrint> sections = fillSections(document);
            PageNumbering.stamp(sections);
            export(document, sections, out);
        } catch (JRException | RuntimeException e) {
            throw new IOException("Nie udało się utworzyć pliku PDF raportu „" + document.title() + "” ("
                    + document.code() + ", " + document.period() + "): " + e.getMessage(), e);
        }
    }

    private List<JasperPrint> fillSections(ReportDocument document) throws JRException {
        List<List<SectionPart>> runs = groupByOrientation(parts(document));
        List<JasperPrint> prints = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<SectionPart> run = runs.get(i);
            boolean landscape = !run.isEmpty() && run.get(0).landscape();
            Map<String, Object> parameters = parameters(document, i == 0, i == runs.size() - 1);
            JasperReport section = templates.section(landscape);
            prints.add(JasperFillManager.getInstance(templates.context())
                    .fill(section, parameters, new SectionPartsDataSource(run)));
        }
        return prints;
    }

    private List<SectionPart> parts(ReportDocument document) throws JRException {
        List<SectionPart> parts = new ArrayList<>();
        int leadingNarrow = leadingNarrowTablesForLandscape(document);
        for (int t = 0; t < document.tables().size(); t++) {
            ReportTable table = document.tables().get(t);
            TableLayout layout = t < leadingNarrow ? TableLayout.of(table, true) : TableLayout.of(table);
            List<String> headers = new ArrayList<>();
            for (ReportColumn column : table.columns()) {
                headers.add(column.title());
            }
            int rows = table.rows().size();
            int kept = rows <= ROWS_WITH_HEADING + 2 ? rows : ROWS_WITH_HEADING;
            parts.add(SectionPart.table(layout.landscape(), keepYears(table.title()), templates.table(layout),
                    new TableRowsDataSource(table, 0, kept), kept < rows ? new TableRowsDataSource(table, kept, rows) : null,
                    table.labelHeader(), headers, lines(table.notes())));
        }
        for (int i = 0; i < document.charts().size(); i++) {
            ReportChart chart = document.charts().get(i);
            parts.add(SectionPart.chart(keepYears(chart.title()),
                    new ChartRenderable("wykres-" + i + "-" + chart.id(), ChartDrawer.draw(chart))));
        }
        return parts;
    }

    /**
     * The number of portrait tables before the first landscape one to print on landscape pages with it: all of them
     * when together with the title block they would fill less than half of the first page (which would otherwise end
     * there, three quarters empty, because a landscape table needs a page of its own orientation); else none.
     */
    private static int leadingNarrowTablesForLandscape(ReportDocument document) {
        int height = TITLE_BLOCK_HEIGHT + HEADER_LINE_HEIGHT * document.headerLines().size();
        int count = 0;
        for (ReportTable table : document.tables()) {
            TableLayout layout = TableLayout.of(table);
            if (layout.landscape()) {
                return count > 0 && height <= PORTRAIT_BODY_HEIGHT / 2 ? count : 0;
            }
            height += layout.estimatedHeight(table);
            count++;
        }
        return 0;
    }

    /** runs of consecutive parts with the same orientation; at least one (possibly empty) run */
    private static List<List<SectionPart>> groupByOrientation(List<SectionPart> parts) {
        List<List<SectionPart>> runs = new ArrayList<>();
        List<SectionPart> current = new ArrayList<>();
        for (SectionPart part : parts) {
            if (!current.isEmpty() && current.get(0).landscape() != part.landscape()) {
                runs.add(current);
                current = new ArrayList<>();
            }
            current.add(part);
        }
        runs.add(current);
        return runs;
    }

    private static Map<String, Object> parameters(ReportDocument document, boolean first, boolean last) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, POLISH);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        parameters.put("DOCUMENT_TITLE", document.title());
        parameters.put("UNIT", document.unit());
        parameters.put("TITLE", keepYears(document.title()));
        parameters.put("HEADER_LINES", keepYears(lines(document.headerLines())));
        parameters.put("SHOW_TITLE_BLOCK", first);
        parameters.put("FOOTNOTES", lines(document.footnotes()));
        parameters.put("SHOW_FOOTNOTES", last && !document.footnotes().isEmpty());
        parameters.put("APPENDIX", lines(document.appendix()));
        parameters.put("SHOW_APPENDIX", last && !document.appendix().isEmpty());
        parameters.put("SHOW_SIGNATURES", last && document.signatures());
        return parameters;
    }

    private void export(ReportDocument document, List<JasperPrint> sections, OutputStream out)
            throws JRException {
        DocumentMetadata metadata = document.metadata();
        DeterministicPdfExporter exporter =
                new DeterministicPdfExporter(templates.context(), metadata.created(), fileId(document));
        exporter.setExporterInput(SimpleExporterInput.getInstance(sections));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(document.title());
        configuration.setMetadataAuthor(metadata.author());
        configuration.setMetadataSubject(metadata.subject());
        configuration.setMetadataKeywords(metadata.keywords());
        configuration.setMetadataCreator(CREATOR);
        configuration.setDisplayMetadataTitle(true);
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    /** the PDF file identifier: 16 bytes of the SHA-256 of the whole document model (records print all values) */
    static byte[] fileId(ReportDocument document) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return Arrays.copyOf(sha.digest(document.toString().getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Brak algorytmu SHA-256", e);
        }
    }

    /** a no-break space before each year, so that a line break never leaves a year alone on a line */
    static String keepYears(String text) {
        return text == null ? null : SPACE_BEFORE_YEAR.matcher(text).replaceAll("\u00A0");
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? null : String.join("\n", lines);
    }
}
