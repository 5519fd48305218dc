package pl.mops.reports.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Everything a reader of a produced file could see, as text, for the tests that look for personal data: the raw
 * bytes as UTF-8, plus the XML of every part of an XLSX, the text of a PDF, and every entry of a ZIP (recursively).
 */
public final class ReadableText {

    private ReadableText() {
    }

    public static String of(String name, byte[] content) throws IOException {
        StringBuilder text = new StringBuilder(new String(content, StandardCharsets.UTF_8));
        if (name.endsWith(".xlsx") || name.endsWith(".zip")) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    text.append('\n').append(of(e.getName(), in.readAllBytes()));
                }
            }
        } else if (name.endsWith(".pdf")) {
            try (PDDocument pdf = Loader.loadPDF(content)) {
                text.append('\n').append(new PDFTextStripper().getText(pdf));
            }
        }
        return text.toString();
    }
}
