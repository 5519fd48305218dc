package pl.mops.reports.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF page by page, as PDFBox reads it: no-break spaces as spaces and every run of white space
 * (line ends too) as one space, so that a heading wrapped over two lines is still found.
 */
public final class PdfPages {

    private PdfPages() {
    }

    public static List<String> of(Path pdf) throws IOException {
        return of(Files.readAllBytes(pdf));
    }

    public static List<String> of(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document).replace('\u00A0', ' ').replaceAll("\\s+", " "));
            }
        }
        return pages;
    }

    /** the index (from 0) of the first page containing the text, or -1 */
    public static int indexOf(List<String> pages, String text) {
        for (int p = 0; p < pages.size(); p++) {
            if (pages.get(p).contains(text)) {
                return p;
            }
        }
        return -1;
    }
}
