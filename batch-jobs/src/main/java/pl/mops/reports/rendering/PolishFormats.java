package pl.mops.reports.rendering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import pl.mops.reports.rendering.model.ValueType;

/**
 * Polish number formatting for text outputs (PDF, summaries): a no-break space (U+00A0) groups
 * thousands, a comma separates decimals. XLSX cells stay numeric and use {@link #excelFormat}.
 */
public final class PolishFormats {

    /** U+00A0: keeps "12 345" on one line. */
    public static final char GROUPING = '\u00A0';
    /** shown where a cell has no value */
    public static final String NO_VALUE = "\u2013";

    private PolishFormats() {
    }

    public static String format(BigDecimal value, ValueType type) {
        if (value == null) {
            return NO_VALUE;
        }
        return switch (type) {
            case COUNT -> pattern("#,##0").format(value.setScale(0, RoundingMode.HALF_UP));
            case AMOUNT, DECIMAL -> pattern("#,##0.00").format(value.setScale(2, RoundingMode.HALF_UP));
            case PERCENT -> pattern("#,##0.0").format(value.setScale(1, RoundingMode.HALF_UP)) + "\u00A0%";
        };
    }

    /** Excel number format for a value type; Excel shows the separators of the reader's locale. */
    public static String excelFormat(ValueType type) {
        return switch (type) {
            case COUNT -> "#,##0";
            case AMOUNT, DECIMAL -> "#,##0.00";
            case PERCENT -> "0.0%"; // the cell holds the fraction (0.099 for 9,9 %), see excelValue
        };
    }

    /**
     * The number stored in a workbook cell for a value of the model: a percentage as the fraction that Excel's percent
     * format expects (9.9 → 0.099), every other type as it is.
     */
    public static double excelValue(BigDecimal value, ValueType type) {
        return type == ValueType.PERCENT ? value.movePointLeft(2).doubleValue() : value.doubleValue();
    }

    private static DecimalFormat pattern(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pl-PL"));
        symbols.setGroupingSeparator(GROUPING);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
