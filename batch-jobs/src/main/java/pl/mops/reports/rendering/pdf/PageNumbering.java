package pl.mops.reports.rendering.pdf;

import java.util.List;

import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Writes "Strona X z Y" into the page footers once all sections are filled: each section is a separate
 * JasperPrint (its own orientation), so its own page counter would restart at 1.
 */
final class PageNumbering {

    static final String PAGE_NUMBER_KEY = "numerStrony";

    private PageNumbering() {
    }

    static int stamp(List<JasperPrint> sections) {
        int total = 0;
        for (JasperPrint section : sections) {
            total += section.getPages().size();
        }
        int number = 0;
        for (JasperPrint section : sections) {
            for (JRPrintPage page : section.getPages()) {
                number++;
                for (JRPrintElement element : page.getElements()) {
                    if (element instanceof JRPrintText text && PAGE_NUMBER_KEY.equals(element.getKey())) {
                        text.setText("Strona " + number + " z " + total);
                    }
                }
            }
        }
        return total;
    }
}
