package pl.mops.reports.rendering.csv;

import java.util.regex.Pattern;

/**
 * CSV cells a spreadsheet must not run as formulas (OWASP "CSV injection"): every CSV this program writes for
 * people (the import's rejects file, the documents' long-form CSV, the MRPiPS-03 file for CAS, the auditors'
 * lineage) passes its text cells through {@link #text}. A text that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a CR gets a leading apostrophe ({@code '=HYPERLINK(…)}): Excel and LibreOffice then show it as
 * text, and the apostrophe tells the reader the cell was neutralised. Numbers are not texts: a number column is
 * written as it is, and a cell that may hold either ({@link #numberOrText}) keeps a plain number such as
 * {@code -12,50} a number.
 */
public final class SafeCsv {

    /** the first characters that make a spreadsheet take a text for a formula (also applied in SQL: LineageTable) */
    public static final String FORMULA_STARTS = "=+-@\t\r";

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

    private SafeCsv() {
    }

    /** whether a spreadsheet could take the text for a formula */
    public static boolean risky(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** a text cell: neutralised with a leading apostrophe when it could run as a formula */
    public static String text(String value) {
        return risky(value) ? "'" + value : value;
    }

    /** a cell holding a number or a text (e.g. the rejects file's offending value): a plain number stays as it is */
    public static String numberOrText(String value) {
        return value != null && PLAIN_NUMBER.matcher(value).matches() ? value : text(value);
    }

    /** the text as written before {@link #text} (for reading this program's own CSV back) */
    public static String original(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && risky(cell.substring(1)) ? cell.substring(1)
                : cell;
    }
}
