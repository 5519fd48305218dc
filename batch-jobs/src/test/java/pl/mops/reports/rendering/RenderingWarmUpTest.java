package pl.mops.reports.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.csv.LongFormCsvRenderer;
import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.rendering.pdf.JasperPdfRenderer;
import pl.mops.reports.rendering.xlsx.XlsxRenderer;

/**
 * The warm-up's made-up document is one every format renders: the warm-up only logs its failures, so a sample that
 * stopped being valid would silently warm up nothing.
 */
class RenderingWarmUpTest {

    @Test
    void theSampleDocumentRendersInEveryFormat() throws IOException {
        List<DocumentRenderer> renderers = new Renderers(List.of(new LongFormCsvRenderer(), new JasperPdfRenderer(),
                new XlsxRenderer())).all();
        for (DocumentRenderer renderer : renderers) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            renderer.render(RenderingWarmUp.sample(), out);
            assertThat(out.size()).as(renderer.extension()).isGreaterThan(100);
        }
        assertThat(renderers).extracting(DocumentRenderer::extension).containsExactly("xlsx", "pdf", "csv");
    }
}
