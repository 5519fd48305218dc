package pl.mops.reports.rendering.pdf;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.JFreeChart;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import net.sf.jasperreports.renderers.Renderable;

/**
 * A JFreeChart placed into a Jasper image element as vector graphics: the PDF exporter hands us the
 * Graphics2D of a PDF form XObject and the chart draws itself into it (text as outlines, so no fonts).
 */
final class ChartRenderable implements Renderable, Graphics2DRenderable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final transient JFreeChart chart;

    ChartRenderable(String id, JFreeChart chart) {
        this.id = id;
        this.chart = chart;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
        chart.draw(graphics, area);
    }
}
