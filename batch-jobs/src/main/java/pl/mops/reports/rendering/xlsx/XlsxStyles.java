package pl.mops.reports.rendering.xlsx;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.model.ValueType;

/** The cell styles of a workbook, created once (Excel limits the number of styles). */
final class XlsxStyles {

    private final Workbook workbook;
    private final Font boldFont;
    private final CellStyle plain;
    private final CellStyle bold;
    private final CellStyle title;
    private final CellStyle wrapped;
    private final CellStyle header;
    private final Map<String, CellStyle> labels = new HashMap<>();
    private final Map<ValueType, CellStyle> numbers = new EnumMap<>(ValueType.class);
    private final Map<ValueType, CellStyle> totalNumbers = new EnumMap<>(ValueType.class);
    private final CellStyle noValue;
    private final CellStyle noValueTotal;

    XlsxStyles(Workbook workbook) {
        this.workbook = workbook;
        boldFont = workbook.createFont();
        boldFont.setBold(true);
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 13);
        plain = workbook.createCellStyle();
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        header = bordered();
        header.setFont(boldFont);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        for (ValueType type : ValueType.values()) {
            numbers.put(type, createNumber(type, false));
            totalNumbers.put(type, createNumber(type, true));
        }
        noValue = bordered();
        noValue.setAlignment(HorizontalAlignment.RIGHT);
        noValueTotal = bordered();
        noValueTotal.setAlignment(HorizontalAlignment.RIGHT);
        noValueTotal.setFont(boldFont);
    }

    private CellStyle bordered() {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private CellStyle createNumber(ValueType type, boolean total) {
        CellStyle style = bordered();
        style.setDataFormat(workbook.createDataFormat().getFormat(PolishFormats.excelFormat(type)));
        if (total) {
            style.setFont(boldFont);
        }
        return style;
    }

    CellStyle plain() {
        return plain;
    }

    CellStyle bold() {
        return bold;
    }

    CellStyle title() {
        return title;
    }

    CellStyle wrapped() {
        return wrapped;
    }

    CellStyle header() {
        return header;
    }

    CellStyle label(int level, boolean total) {
        return labels.computeIfAbsent(level + "/" + total, k -> {
            CellStyle style = bordered();
            style.setIndention((short) Math.min(level * 2, 15));
            style.setWrapText(true); // a long label wraps in its row (the renderer makes the row tall enough)
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (total) {
                style.setFont(boldFont);
            }
            return style;
        });
    }

    CellStyle number(ValueType type, boolean total) {
        return total ? totalNumbers.get(type) : numbers.get(type);
    }

    CellStyle noValue(boolean total) {
        return total ? noValueTotal : noValue;
    }
}
