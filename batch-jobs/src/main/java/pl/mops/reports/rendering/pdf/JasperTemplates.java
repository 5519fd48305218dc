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
 * body once per {@link TableLayout}. Compiling with JDT takes a few hundred milliseconds per template, so the
 * compiled reports are also kept on disk ({@code $MOPS_HOME/cache/jasper/}, named by the SHA-256 of the template,
 * the variant and the JasperReports version): later runs load them instead of compiling. A damaged cache file is
 * ignored and rewritten.
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

    private final java.nio.file.Path cacheDir;

    JasperTemplates() {
        this(null);
    }

    JasperTemplates(java.nio.file.Path cacheDir) {
        this.cacheDir = cacheDir;
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
            compiled = cached("sekcja", sectionJrxml, "landscape=" + landscape, () -> compileSection(landscape));
            JasperReport previous = sections.putIfAbsent(landscape, compiled);
            compiled = previous != null ? previous : compiled;
        }
        return compiled;
    }

    JasperReport table(TableLayout layout) throws JRException {
        JasperReport compiled = tables.get(layout);
        if (compiled == null) {
            compiled = cached("tabela", tableJrxml, layout.toString(), () -> compile(TableDesigner.design(load(tableJrxml), layout)));
            JasperReport previous = tables.putIfAbsent(layout, compiled);
            compiled = previous != null ? previous : compiled;
        }
        return compiled;
    }

    private interface Compilation {
        JasperReport compile() throws JRException;
    }

    private JasperReport cached(String kind, byte[] jrxml, String variant, Compilation compilation) throws JRException {
        if (cacheDir == null) {
            return compilation.compile();
        }
        java.nio.file.Path file;
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(jrxml);
            digest.update(("\n" + variant + "\n" + JasperReport.class.getPackage().getImplementationVersion() + "\n"
                    + JasperTemplates.class.getName()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            file = cacheDir.resolve(kind + "-" + java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 32) + ".jasper");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (java.nio.file.Files.isRegularFile(file)) {
            try {
                return (JasperReport) net.sf.jasperreports.engine.util.JRLoader.loadObject(file.toFile());
            } catch (JRException | RuntimeException e) {
                // damaged or from another version: compile again below
            }
        }
        JasperReport compiled = compilation.compile();
        try {
            java.nio.file.Files.createDirectories(cacheDir);
            java.nio.file.Path temp = java.nio.file.Files.createTempFile(cacheDir, kind, ".tmp");
            net.sf.jasperreports.engine.util.JRSaver.saveObject(compiled, temp.toFile());
            java.nio.file.Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | JRException | RuntimeException e) {
            // the cache is an optimisation only
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
