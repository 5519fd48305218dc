package pl.mops.reports.importing.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the fields of one row by column name, turning each into its canonical value or a
 * {@link RowProblem}. A row is valid when no problem was recorded; every problem of a row is kept
 * (the rejects file has one line per row and problem).
 */
public final class FieldReader {

    public static final int MAX_FIELD_CHARS = 1_000;
    private static final Pattern AMOUNT = Pattern.compile("\\d+([.,]\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    /** the largest integer a count of the contract may have (9 digits) */
    public static final int MAX_INTEGER = 999_999_999;
    private static final Pattern ISO_DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final String BOM = "\uFEFF";
    static final String BOM_INSIDE = "wartość zawiera niewidoczny znak BOM (U+FEFF) — dozwolony jest tylko na samym "
            + "początku pliku (tu zwykle po sklejeniu plików albo skopiowaniu wartości); usuń go z eksportu";

    private final Map<String, Integer> columnIndex;
    private final LocalDate today;
    /** the export's "stan na" when it is earlier than today: later dates contradict it */
    private final LocalDate asOf;
    private List<String> fields;
    private final List<RowProblem> problems = new ArrayList<>();

    public FieldReader(Map<String, Integer> columnIndex, LocalDate today) {
        this(columnIndex, today, today);
    }

    /** @param asOf the day the export was taken ({@code --stan-na}); no date of the data may be later */
    public FieldReader(Map<String, Integer> columnIndex, LocalDate today, LocalDate asOf) {
        this.columnIndex = columnIndex;
        this.today = today;
        this.asOf = asOf.isBefore(today) ? asOf : today;
    }

    public void reset(List<String> rowFields) {
        this.fields = rowFields;
        problems.clear();
    }

    public List<RowProblem> problems() {
        return problems;
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public void problem(String column, String value, String message) {
        problems.add(new RowProblem(column, value, message));
    }

    /**
     * the trimmed raw value, or null when the column is absent or the field empty. A byte order mark (U+FEFF) is
     * allowed only at the very start of a file (interchange.md): inside a value it is a problem of the row, and the
     * value is read without it, so that a row's id stays the id other rows refer to (they then name the rejected row)
     */
    public String raw(String column) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            return null;
        }
        String value = fields.get(index).trim();
        if (value.indexOf(BOM) >= 0) {
            if (problems.stream().noneMatch(p -> p.column().equals(column) && p.message().equals(BOM_INSIDE))) {
                problem(column, value.replace(BOM, "<U+FEFF>"), BOM_INSIDE);
            }
            value = value.replace(BOM, "").trim();
        }
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_FIELD_CHARS) {
            if (tooLong(column)) {
                return null; // already reported: a rule may read a column twice
            }
            problem(column, value, "wartość jest za długa (" + value.length() + " znaków, najwięcej " + MAX_FIELD_CHARS + ")");
            return null;
        }
        return value;
    }

    public String required(String column) {
        String value = raw(column);
        if (value == null && !tooLong(column)) {
            problem(column, "", "brak wartości w wymaganej kolumnie " + column);
        }
        return value;
    }

    private boolean tooLong(String column) {
        return problems.stream().anyMatch(p -> p.column().equals(column));
    }

    public String id(String column) {
        return required(column);
    }

    public LocalDate date(String column, boolean required) {
        String value = required ? required(column) : raw(column);
        if (value == null) {
            return null;
        }
        LocalDate date = isoDate(value);
        try {
            if (date == null) {
                date = LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            if (ISO_DATE_SHAPE.matcher(value).matches()) {
                problem(column, value, "niepoprawna data „" + value + "” — taki dzień nie istnieje w kalendarzu");
                return null;
            }
            problem(column, value, "niepoprawna data „" + value + "” (oczekiwany format RRRR-MM-DD, np. 2025-03-31)");
            return null;
        }
        if (date.isAfter(today)) {
            problem(column, value, "data " + value + " jest z przyszłości (dziś jest " + today + ")");
            return null;
        }
        if (date.isAfter(asOf)) {
            problem(column, value, "data " + value + " jest późniejsza niż stan danych eksportu (--stan-na " + asOf + ")");
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            problem(column, value, "data " + value + " jest wcześniejsza niż 1900-01-01");
            return null;
        }
        return date;
    }

    /**
     * The usual date, "RRRR-MM-DD" with a day that exists, read without {@link java.time.format.DateTimeFormatter}
     * (several times faster; it was a visible part of reading a file); null for anything else, which
     * {@link LocalDate#parse} then reads or rejects with its message, exactly as before.
     */
    private static LocalDate isoDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** the number written by the ASCII digits from..to, or -1 when one is not a digit */
    private static int digits(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** a code from a closed set (dictionary or enumeration), compared in canonical form */
    public String code(String column, boolean required, Collection<String> allowed, String what) {
        String value = required ? required(column) : raw(column);
        if (value == null) {
            return null;
        }
        String code = Codes.canonical(value);
        if (!allowed.contains(code)) {
            problem(column, value, "nieznany " + what + " „" + value + "” (dozwolone: " + String.join(", ", allowed) + ")");
            return null;
        }
        return code;
    }

    public BigDecimal amount(String column, boolean required) {
        String value = required ? required(column) : raw(column);
        if (value == null) {
            return null;
        }
        String unsigned = value.startsWith("-") ? value.substring(1) : value;
        if (!AMOUNT.matcher(unsigned).matches()) {
            problem(column, value, "niepoprawna kwota „" + value + "” (oczekiwano złotych z kropką lub przecinkiem, "
                    + "bez separatora tysięcy, np. 1234.50)");
            return null;
        }
        BigDecimal amount = new BigDecimal(value.replace(',', '.'));
        if (amount.signum() < 0) {
            problem(column, value, "kwota " + value + " jest ujemna");
            return null;
        }
        if (amount.scale() > 2) {
            problem(column, value, "kwota " + value + " ma więcej niż 2 miejsca po przecinku");
            return null;
        }
        if (amount.precision() - amount.scale() > 12) {
            problem(column, value, "kwota " + value + " jest za duża");
            return null;
        }
        return amount;
    }

    public Integer integer(String column, boolean required, int minimum) {
        String value = required ? required(column) : raw(column);
        if (value == null) {
            return null;
        }
        int plain = value.length() <= 9 ? digits(value, 0, value.length()) : -1;
        if (plain >= 0 && plain >= minimum) {
            return plain; // the usual case: up to 9 plain digits, at least the minimum
        }
        if (!INTEGER.matcher(value).matches()) {
            problem(column, value, "„" + value + "” nie jest liczbą całkowitą");
            return null;
        }
        java.math.BigInteger big = new java.math.BigInteger(value);
        if (big.compareTo(java.math.BigInteger.valueOf(MAX_INTEGER)) > 0) {
            problem(column, value, "liczba " + value + " jest za duża (najwięcej 999 999 999)");
            return null;
        }
        if (big.compareTo(java.math.BigInteger.valueOf(minimum)) < 0) {
            problem(column, value, column + " musi wynosić co najmniej " + minimum + " (jest " + big + ")");
            return null;
        }
        return big.intValueExact();
    }
}
