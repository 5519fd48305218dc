package pl.mops.reports.rendering.pdf;

import java.time.Instant;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.common.PdfProducer;

/** The JasperReports PDF exporter using {@link DeterministicPdfProducer}: same input, same bytes. */
final class DeterministicPdfExporter extends JRPdfExporter {

    private final Instant created;
    private final byte[] fileId;

    DeterministicPdfExporter(JasperReportsContext context, Instant created, byte[] fileId) {
        super(context);
        this.created = created;
        this.fileId = fileId.clone();
    }

    @Override
    protected PdfProducer createPdfProducer() {
        return new DeterministicPdfProducer(createPdfProducerContext(), created, fileId);
    }
}
