package pl.mops.reports.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;

/** How a workbook's sheet prints, read back with POI (issue 16: every sheet prints as a clerk expects). */
public final class PrintedSheets {

    private PrintedSheets() {
    }

    /** A4, one page wide and as many tall as needed, the footer with the document's name and "Strona x z y" */
    public static void assertA4OnePageWide(Sheet sheet, String documentName) {
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getPaperSize()).as(sheet.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
        assertThat(print.getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
        assertThat(print.getFitHeight()).as(sheet.getSheetName()).isEqualTo((short) 0);
        assertThat(sheet.getFooter().getLeft()).as(sheet.getSheetName()).isEqualTo(documentName);
        assertThat(sheet.getFooter().getRight()).as(sheet.getSheetName()).isEqualTo("Strona &P z &N");
    }
}
