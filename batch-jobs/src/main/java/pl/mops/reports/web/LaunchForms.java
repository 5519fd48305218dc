package pl.mops.reports.web;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import pl.mops.reports.mrpips03.ReturnPeriod;

/**
 * The fields of the launch and import forms parsed as the command line parses its options — the same expected forms
 * in the messages — each refusal kept at its field ({@link #errors()}) to be shown beside it.
 */
final class LaunchForms {

    static final String MONTH = "miesiąc w postaci RRRR-MM, np. 2025-10";
    static final String PERIOD = "okres w postaci RRRR-P (I półrocze) albo RRRR-R (rok), np. 2025-P";
    static final String YEAR = "rok w postaci RRRR, np. 2025";
    static final String AS_OF = "data stanu danych w postaci RRRR-MM-DD, np. 2026-11-30";

    private final Map<String, String> errors = new LinkedHashMap<>();

    YearMonth month(String field, String raw) {
        return required(field, raw, YearMonth::parse, MONTH);
    }

    ReturnPeriod period(String field, String raw) {
        return required(field, raw, ReturnPeriod::parse, PERIOD);
    }

    Integer year(String field, String raw) {
        return required(field, raw, text -> {
            if (!text.matches("\\d{4}")) {
                throw new IllegalArgumentException(text);
            }
            return Year.parse(text).getValue();
        }, YEAR);
    }

    /** optional: {@code null} when empty */
    LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return parse(field, raw, LocalDate::parse, AS_OF);
    }

    private <T> T required(String field, String raw, Function<String, T> parser, String expected) {
        if (raw == null || raw.isBlank()) {
            errors.put(field, "Podaj " + expected + ".");
            return null;
        }
        return parse(field, raw, parser, expected);
    }

    private <T> T parse(String field, String raw, Function<String, T> parser, String expected) {
        try {
            return parser.apply(raw.strip());
        } catch (RuntimeException e) {
            String shown = raw.strip().length() > 40 ? raw.strip().substring(0, 40) + "…" : raw.strip();
            errors.put(field, "Nieprawidłowa wartość „" + shown + "”: oczekiwano " + expected + ".");
            return null;
        }
    }

    void error(String field, String message) {
        errors.put(field, message);
    }

    boolean valid() {
        return errors.isEmpty();
    }

    Map<String, String> errors() {
        return errors;
    }
}
