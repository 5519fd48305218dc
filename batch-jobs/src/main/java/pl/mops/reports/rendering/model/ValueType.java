package pl.mops.reports.rendering.model;

/** How a value is formatted: Polish conventions (space groups thousands, comma before decimals). */
public enum ValueType {
    /** whole number: {@code 12 345} */
    COUNT,
    /** złoty with 2 decimals: {@code 12 345,67} */
    AMOUNT,
    /** percent with 1 decimal; the value is the percentage itself (12.3 means 12,3 %) */
    PERCENT,
    /** a ratio with 2 decimals, e.g. recipients per 1 000 residents: {@code 12,34} */
    DECIMAL
}
