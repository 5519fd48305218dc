package pl.mops.reports.rendering.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRBand;
import net.sf.jasperreports.engine.JRChild;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JRDesignElement;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

/**
 * Loads the JRXML templates from the classpath ({@code report-templates/jasper/}) and compiles them once per
 * JVM with the Java (JDT) compiler: the section template in a portrait and a landscape variant, and the table
 * body once per {@link TableLayout}.
 */
final class JasperTemplates {

    static final String SECTION_TEMPLATE = "report-templates/jasper/raport-sekcja.jrxml";
    static final String TABLE_TEMPLATE = "report-templates/jasper/raport-tabela.jrxml";

    private static final String IGNORE_MISSING_FONT = "net.sf.jasperreports.awt.ignore.missing.font";

    private final SimpleJasperReportsContext context;
    private final byte[] sectionJrxml;
    private final byte[] tableJrxml;
    private final Map<Boolean, JasperReport> sections = new ConcurrentHashMap<>();
    private final Map<TableLayout, JasperReport> tables = new ConcurrentHashMap<>();

    JasperTemplates() {
        context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        context.setProperty(IGNORE_MISSING_FONT, "false");
        sectionJrxml = readClasspath(SECTION_TEMPLATE);
        tableJrxml = readClasspath(TABLE_TEMPLATE);
    }

    JasperReportsContext context() {
        return context;
    }

    JasperReport section(boolean landscape) throws JRException {
        JasperReport compiled = sections.get(landscape);
        if (compiled == null) {
            compiled = compileSection(landscape);
            JasperReport previous = sections.putIfAbsent(landscape, compiled);
            compiled = previous != null ? previous : compiled;
        }
        return compiled;
    }

    JasperReport table(TableLayout layout) throws JRException {
        JasperReport compiled = tables.get(layout);
        if (compiled == null) {
            compiled = compile(TableDesigner.design(load(tableJrxml), layout));
            JasperReport previous = tables.putIfAbsent(layout, compiled);
            compiled = previous != null ? previous : compiled;
        }
        return compiled;
    }

    private JasperReport compileSection(boolean landscape) throws JRException {
        JasperDesign design = load(sectionJrxml);
        if (landscape) {
            toLandscape(design);
        }
        return compile(design);
    }

    /** A4 landscape: elements spanning the column get the wider column, elements on the right edge move right. */
    private static void toLandscape(JasperDesign design) {
        int portraitColumn = design.getColumnWidth();
        int landscapeColumn = TableLayout.LANDSCAPE_WIDTH;
        int extra = landscapeColumn - portraitColumn;
        // orientation stays "portrait" on purpose: with "landscape" the PDF exporter writes a portrait
        // MediaBox rotated by /Rotate 90; this way the MediaBox itself is 842 x 595
        design.setPageWidth(design.getPageHeight());
        design.setPageHeight(595);
        design.setColumnWidth(landscapeColumn);
        design.setLeftMargin(36);
        design.setRightMargin(design.getPageWidth() - 36 - landscapeColumn);
        for (JRBand band : design.getAllBands()) {
            for (JRChild child : band.getChildren()) {
                if (child instanceof JRDesignElement element) {
                    if (element.getX() == 0 && element.getWidth() == portraitColumn) {
                        element.setWidth(landscapeColumn);
                    } else if (element.getX() + element.getWidth() == portraitColumn) {
                        element.setX(element.getX() + extra);
                    }
                }
            }
        }
    }

    private JasperDesign load(byte[] jrxml) throws JRException {
        return JRXmlLoader.load(context, new ByteArrayInputStream(jrxml));
    }

    private JasperReport compile(JasperDesign design) throws JRException {
        if (!"java".equals(design.getLanguage())) {
            throw new JRException("Szablon " + design.getName() + " musi używać języka java, a używa: "
                    + design.getLanguage());
        }
        return JasperCompileManager.getInstance(context).compile(design);
    }

    private static byte[] readClasspath(String path) {
        try (InputStream in = JasperTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Brak szablonu " + path + " w ścieżce klas");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Nie można odczytać szablonu " + path, e);
        }
    }
}
