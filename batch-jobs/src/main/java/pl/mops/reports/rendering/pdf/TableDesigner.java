package pl.mops.reports.rendering.pdf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import net.sf.jasperreports.engine.JRChild;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignElement;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignField;
import net.sf.jasperreports.engine.design.JRDesignStyle;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.RotationEnum;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;

/**
 * Turns the table body template into the design for one {@link TableLayout}: sizes the label cells, copies
 * the prototype value cells once per column and applies the font size and the row height.
 */
final class TableDesigner {

    static final String HEADER_LABEL = "naglowek.etykieta";
    static final String HEADER_VALUE = "naglowek.wartosc";
    static final String CELL_LABEL = "komorka.etykieta";
    static final String CELL_VALUE = "komorka.wartosc";

    private TableDesigner() {
    }

    static JasperDesign design(JasperDesign design, TableLayout layout) throws JRException {
        design.setName("raport_tabela_" + layout.columnWidths().size());
        design.setPageWidth(layout.width());
        design.setColumnWidth(layout.width());
        for (JRStyle style : design.getStyles()) {
            if (style.getOwnFontSize() != null || style.isDefault()) {
                ((JRDesignStyle) style).setFontSize(layout.fontSize());
            }
        }
        for (int c = 0; c < layout.columnWidths().size(); c++) {
            JRDesignField field = new JRDesignField();
            field.setName(TableRowsDataSource.valueField(c));
            field.setValueClass(String.class);
            design.addField(field);
        }
        int rowHeight = layout.rowHeight();
        JRDesignBand header = (JRDesignBand) design.getColumnHeader();
        int headerHeight = layout.rotatedHeaders() ? layout.headerHeight() : rowHeight + 4;
        header.setHeight(headerHeight);
        if (layout.rotatedHeaders()) {
            JRDesignTextField prototype = (JRDesignTextField) find(header, HEADER_VALUE);
            prototype.setRotation(RotationEnum.LEFT);
            prototype.setTextAdjust(TextAdjustEnum.CUT_TEXT);
            prototype.setHorizontalTextAlign(HorizontalTextAlignEnum.LEFT);
            ((JRDesignTextField) find(header, HEADER_LABEL)).setVerticalTextAlign(VerticalTextAlignEnum.BOTTOM);
        }
        layOutRow(header, HEADER_LABEL, HEADER_VALUE, layout, headerHeight,
                c -> "(String) $P{COLUMN_HEADERS}.get(" + c + ")");
        JRDesignBand detail = (JRDesignBand) design.getDetailSection().getBands()[0];
        detail.setHeight(rowHeight);
        layOutRow(detail, CELL_LABEL, CELL_VALUE, layout, rowHeight,
                c -> "$F{" + TableRowsDataSource.valueField(c) + "}");
        return design;
    }

    private interface CellExpression {
        String of(int column);
    }

    private static void layOutRow(JRDesignBand band, String labelKey, String valueKey, TableLayout layout,
            int height, CellExpression expression) throws JRException {
        JRDesignTextField label = (JRDesignTextField) find(band, labelKey);
        JRDesignTextField prototype = (JRDesignTextField) find(band, valueKey);
        band.removeElement(prototype);
        label.setX(0);
        label.setWidth(layout.labelWidth());
        label.setHeight(height);
        int x = layout.labelWidth();
        List<Integer> widths = layout.columnWidths();
        for (int c = 0; c < widths.size(); c++) {
            JRDesignTextField cell = (JRDesignTextField) prototype.clone();
            cell.setKey(valueKey + "." + c);
            cell.setUUID(UUID.nameUUIDFromBytes((valueKey + "." + c).getBytes(StandardCharsets.UTF_8)));
            cell.setX(x);
            cell.setWidth(widths.get(c));
            cell.setHeight(height);
            cell.setExpression(new JRDesignExpression(expression.of(c)));
            band.addElement(cell);
            x += widths.get(c);
        }
    }

    private static JRDesignElement find(JRDesignBand band, String key) throws JRException {
        for (JRChild child : band.getChildren()) {
            if (child instanceof JRDesignElement element && key.equals(element.getKey())) {
                return element;
            }
        }
        throw new JRException("Szablon tabeli nie ma elementu " + key);
    }
}
