package pl.mops.reports.rendering.xlsx;

import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a sheet prints, as a clerk expects it from Excel: A4, portrait unless the sheet is wider than a portrait page,
 * one page wide and as many pages tall as needed, the header rows (and, for a wide sheet, the label column) repeated
 * on every page, ordinary margins and a footer with the document's name and "Strona x z y".
 */
public final class XlsxPageSetup {

    /**
     * Width in characters (of the workbook's default font) that still prints in portrait without shrinking below about
     * 85 %: an A4 page less the margins holds some 95 characters at 100 %.
     */
    static final int PORTRAIT_WIDTH_CHARS = 110;

    private XlsxPageSetup() {
    }

    /**
     * @param sheet         the sheet
     * @param documentTitle the name printed in the footer
     * @param headerFirst   first header row to repeat (0-based), or {@code -1} for none
     * @param headerLast    last header row to repeat (0-based)
     *                      (the width is that of the columns in use: the sheet's rows must be in memory, i.e. XSSF)
     */
    public static void apply(Sheet sheet, String documentTitle, int headerFirst, int headerLast) {
        int columns = 0;
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            columns = Math.max(columns, row.getLastCellNum());
        }
        int widthChars = 0;
        for (int c = 0; c < columns; c++) {
            widthChars += sheet.isColumnHidden(c) ? 0 : sheet.getColumnWidth(c) / 256;
        }
        apply(sheet, documentTitle, headerFirst, headerLast, widthChars);
    }

    /** as {@link #apply(Sheet, String, int, int)} with the width of the printed columns given, in characters */
    public static void apply(Sheet sheet, String documentTitle, int headerFirst, int headerLast, int widthChars) {
        boolean landscape = widthChars > PORTRAIT_WIDTH_CHARS;
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(PageMargin.LEFT, 0.6);
        sheet.setMargin(PageMargin.RIGHT, 0.6);
        sheet.setMargin(PageMargin.TOP, 0.7);
        sheet.setMargin(PageMargin.BOTTOM, 0.75);
        sheet.setMargin(PageMargin.HEADER, 0.3);
        sheet.setMargin(PageMargin.FOOTER, 0.3);
        if (headerFirst >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(headerFirst, headerLast, -1, -1));
        }
        if (landscape) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
        }
        Footer footer = sheet.getFooter();
        footer.setLeft(escape(documentTitle));
        footer.setRight("Strona &P z &N");
    }

    /** an ampersand starts a code in Excel's header and footer text: a literal one is doubled */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&&");
    }
}
