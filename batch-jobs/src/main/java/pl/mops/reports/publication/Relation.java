package pl.mops.reports.publication;

import java.util.List;

/**
 * A relation a reader can use to compute one figure from others: {@code total = Σ parts}. Many totals of these
 * reports are distinct counts (a family with two reasons is in two reason rows but once in the total), so the
 * relation need not hold exactly; disclosure control treats it as exact anyway (conservative: a reader may use it
 * as an approximation, which must not pin down a hidden value either).
 */
public record Relation(String total, List<String> parts) {

    public Relation {
        parts = List.copyOf(parts);
    }
}
