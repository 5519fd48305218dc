package pl.mops.reports.rendering.pdf;

import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.text.AttributedCharacterIterator;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;

import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;

/**
 * The OpenPDF producer of JasperReports with the three things that would make every PDF different:
 * <ul>
 *   <li>creation and modification date: set from the document's metadata, not the clock;</li>
 *   <li>file identifier (/ID in the trailer): OpenPDF uses the {@code /FileID} entry of the info dictionary
 *       when present ({@code PdfWriter.close()}), otherwise time and memory; we put one derived from the
 *       document content there;</li>
 *   <li>font subset tags: see {@link FixedSubsetTagRandom}.</li>
 * </ul>
 */
final class DeterministicPdfProducer extends ClassicPdfProducer {

    private final Instant created;
    private final byte[] fileId;

    DeterministicPdfProducer(PdfProducerContext context, Instant created, byte[] fileId) {
        super(context);
        this.created = created;
        this.fileId = fileId.clone();
    }

    @Override
    public Font getFont(Map<AttributedCharacterIterator.Attribute, Object> attributes, Locale locale) {
        Font font = super.getFont(attributes, locale);
        BaseFont baseFont = font.getBaseFont();
        if (baseFont != null) {
            baseFont.setSecureRandom(FixedSubsetTagRandom.forFont(baseFont.getPostscriptFontName()));
        }
        return font;
    }

    @Override
    public void close() {
        PdfDictionary info = getPdfWriter().getInfo();
        PdfDate date = new PdfDate(utc(created));
        info.put(PdfName.CREATIONDATE, date);
        info.put(PdfName.MODDATE, date);
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(fileId, fileId));
        super.close();
    }

    private static Calendar utc(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
