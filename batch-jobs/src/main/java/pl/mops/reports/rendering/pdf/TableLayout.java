package pl.mops.reports.rendering.pdf;

import java.util.ArrayList;
import java.util.List;

import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;

/**
 * How a table is laid out on the page: orientation, font size and the column widths in points. Widths are
 * proportional to {@link ReportColumn#widthChars()} (the label column to its longest label) and fill the
 * width of the page. Two tables with equal layouts share one compiled Jasper report.
 *
 * @param landscape    print on a landscape page (tables with more than {@value #MAX_PORTRAIT_COLUMNS} value columns)
 * @param fontSize     font size of the cells
 * @param labelWidth   width of the label column
 * @param columnWidths widths of the value columns
 * @param headerHeight height of the header row; {@code 0} = one line, grows with the wrapped headers
 *                     (headers whose words fit their columns), otherwise the headers are printed rotated
 *                     (bottom to top) in a row of this height
 */
record TableLayout(boolean landscape, float fontSize, int labelWidth, List<Integer> columnWidths, int headerHeight) {

    static final int MAX_PORTRAIT_COLUMNS = 8;
    static final int VERY_WIDE_COLUMNS = 14;
    static final int PORTRAIT_WIDTH = 523;
    static final int LANDSCAPE_WIDTH = 770;

    private static final float[] FONT_SIZES = {8f, 7.5f, 7f, 6.5f, 6f};
    private static final double CELL_PADDING = 6.5;
    private static final int MIN_LABEL_CHARS = 14;
    private static final int MAX_LABEL_CHARS = 40;
    private static final int MIN_ROTATED_HEADER = 36;
    private static final int MAX_ROTATED_HEADER = 140;

    TableLayout {
        columnWidths = List.copyOf(columnWidths);
    }

    int width() {
        return landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
    }

    /** height of a detail row (one line of text plus the padding) */
    int rowHeight() {
        return (int) Math.ceil(lineHeight(fontSize) + 4.5f);
    }

    /**
     * about the height the table takes when printed whole: the heading, the header row (two lines, or the rotated
     * headers), the rows and the notes under it
     */
    int estimatedHeight(ReportTable table) {
        int header = rotatedHeaders() ? headerHeight : 2 * rowHeight() + 4;
        return 24 + header + table.rows().size() * rowHeight() + 12 * table.notes().size();
    }

    boolean rotatedHeaders() {
        return headerHeight > 0;
    }

    private static float lineHeight(float size) {
        return size * 1.17f;
    }

    static TableLayout of(ReportTable table) {
        return of(table, table.columns().size() > MAX_PORTRAIT_COLUMNS);
    }

    /** the layout on a page of the given orientation (a narrow table may be printed on a landscape page) */
    static TableLayout of(ReportTable table, boolean landscape) {
        int available = landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;

        int labelChars = Math.max(table.labelHeader().length(), 0);
        for (ReportRow row : table.rows()) {
            labelChars = Math.max(labelChars, row.title().length() + 3 * row.level());
        }
        labelChars = Math.min(Math.max(labelChars + 2, MIN_LABEL_CHARS), MAX_LABEL_CHARS);

        int totalChars = labelChars;
        for (ReportColumn column : table.columns()) {
            totalChars += Math.max(column.widthChars(), 1);
        }
        List<Integer> widths = new ArrayList<>();
        int used = 0;
        for (ReportColumn column : table.columns()) {
            int width = (int) Math.floor((double) available * Math.max(column.widthChars(), 1) / totalChars);
            widths.add(width);
            used += width;
        }
        int labelWidth = available - used;
        float fontSize = fontSizeThatFits(table, widths);
        return new TableLayout(landscape, fontSize, labelWidth, widths, rotatedHeaderHeight(table, widths, fontSize));
    }

    /** 0 when every word of every header fits its column, else the height the rotated headers need */
    private static int rotatedHeaderHeight(ReportTable table, List<Integer> widths, float size) {
        boolean wordsFit = true;
        for (int c = 0; c < widths.size() && wordsFit; c++) {
            for (String word : table.columns().get(c).title().split(" ")) {
                if (DejaVuFonts.textWidth(word, true, size) > widths.get(c) - CELL_PADDING) {
                    wordsFit = false;
                    break;
                }
            }
        }
        if (wordsFit) {
            return 0;
        }
        for (int height = MIN_ROTATED_HEADER; height < MAX_ROTATED_HEADER; height += 4) {
            if (rotatedHeadersFit(table, widths, size, height)) {
                return height;
            }
        }
        return MAX_ROTATED_HEADER;
    }

    private static boolean rotatedHeadersFit(ReportTable table, List<Integer> widths, float size, int height) {
        double lineLength = height - CELL_PADDING;
        for (int c = 0; c < widths.size(); c++) {
            int maxLines = (int) Math.floor((widths.get(c) - 4) / lineHeight(size));
            if (wrappedLines(table.columns().get(c).title(), lineLength, size) > Math.max(maxLines, 1)) {
                return false;
            }
        }
        return true;
    }

    /** lines the text takes when wrapped at spaces into lines of the given length (bold) */
    private static int wrappedLines(String text, double lineLength, float size) {
        int lines = 1;
        double used = 0;
        double space = DejaVuFonts.textWidth(" ", true, size);
        for (String word : text.split(" ")) {
            double width = DejaVuFonts.textWidth(word, true, size);
            if (width > lineLength) {
                return Integer.MAX_VALUE;
            }
            if (used > 0 && used + space + width > lineLength) {
                lines++;
                used = width;
            } else {
                used += (used > 0 ? space : 0) + width;
            }
        }
        return lines;
    }

    /** the largest font size (smaller for wide tables) at which every formatted value fits into its column */
    private static float fontSizeThatFits(ReportTable table, List<Integer> widths) {
        float largest = widths.size() > VERY_WIDE_COLUMNS ? 7f : widths.size() > MAX_PORTRAIT_COLUMNS ? 7.5f : 8f;
        for (float size : FONT_SIZES) {
            if (size <= largest && valuesFit(table, widths, size)) {
                return size;
            }
        }
        return FONT_SIZES[FONT_SIZES.length - 1];
    }

    private static boolean valuesFit(ReportTable table, List<Integer> widths, float size) {
        for (int c = 0; c < table.columns().size(); c++) {
            double room = widths.get(c) - CELL_PADDING;
            for (ReportRow row : table.rows()) {
                String text = TableRowsDataSource.cellText(row, c, table.columns());
                if (DejaVuFonts.textWidth(text, row.total(), size) > room) {
                    return false;
                }
            }
        }
        return true;
    }
}
