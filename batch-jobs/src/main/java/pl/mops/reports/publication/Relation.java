package pl.mops.reports.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A relation between figures of a document that a reader knows from the tables' layout and the counting rules.
 * Disclosure control ({@link IntervalAudit}) uses it as a linear constraint, so it must be true of the data: the
 * layouts classify every relation by what the counting rules guarantee.
 * <ul>
 *   <li>{@link Kind#SUM} — {@code total = Σ parts}: the parts split the units of the total (a family has one
 *       district, so the district cells of a reason add up to the reason's total), or the figures are additive
 *       (amounts and numbers of benefits, e.g. the year-to-date amount is the sum of the months').</li>
 *   <li>{@link Kind#COVER} — {@code max(part) ≤ total ≤ Σ parts}: a distinct count whose units are each in at least
 *       one part and may be in several (families by form: a family with two forms is in two rows, once in the
 *       total).</li>
 *   <li>{@link Kind#SUBSETS} — {@code part ≤ total} for every part: each part counts some of the total's units
 *       (the month's families are some of the year-to-date's; the families with a reason are some of the district's,
 *       but a family may have no reason).</li>
 * </ul>
 * An {@linkplain #assumed() assumed} relation is one a reader would read from the labels but the counting rules do
 * not guarantee (a family may be served by another branch than its district's): it is used where the true values
 * satisfy it and ignored where they do not (a reader using it would then be wrong). Every other relation must hold
 * on the true values; one that does not is a layout error and stops the protection
 * ({@link #check(Map)}).
 */
public record Relation(String total, List<String> parts, Kind kind, boolean assumed) {

    public enum Kind {
        /** {@code total = Σ parts} */
        SUM,
        /** {@code max(part) ≤ total ≤ Σ parts} */
        COVER,
        /** {@code part ≤ total} for every part */
        SUBSETS
    }

    public Relation {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("A relation without parts: " + total);
        }
    }

    public static Relation sum(String total, List<String> parts) {
        return new Relation(total, parts, Kind.SUM, false);
    }

    public static Relation cover(String total, List<String> parts) {
        return new Relation(total, parts, Kind.COVER, false);
    }

    public static Relation subsets(String total, List<String> parts) {
        return new Relation(total, parts, Kind.SUBSETS, false);
    }

    /** the same relation, as one the counting rules do not guarantee */
    public Relation asAssumed() {
        return new Relation(total, parts, kind, true);
    }

    /** the total and the parts */
    public List<String> members() {
        List<String> members = new ArrayList<>(parts.size() + 1);
        members.add(total);
        members.addAll(parts);
        return members;
    }

    /**
     * Whether the relation holds on the given values; {@code null} when some member has no value (is not in the
     * document), so nothing can be said.
     */
    public Boolean holdsOn(Map<String, BigDecimal> values) {
        BigDecimal t = values.get(total);
        if (t == null) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal max = null;
        for (String part : parts) {
            BigDecimal v = values.get(part);
            if (v == null) {
                return null;
            }
            sum = sum.add(v);
            max = max == null || v.compareTo(max) > 0 ? v : max;
        }
        return switch (kind) {
            case SUM -> t.compareTo(sum) == 0;
            case COVER -> max.compareTo(t) <= 0 && t.compareTo(sum) <= 0;
            case SUBSETS -> max.compareTo(t) <= 0;
        };
    }

    /**
     * Throws {@link IllegalStateException} naming the relation and its values when a guaranteed relation does not
     * hold on the true values (a layout error: publishing on a wrong relation would protect the wrong thing).
     */
    public void check(Map<String, BigDecimal> values) {
        if (!assumed && Boolean.FALSE.equals(holdsOn(values))) {
            StringBuilder text = new StringBuilder("Relation does not hold on the data (layout error): ")
                    .append(this).append(": ").append(total).append('=').append(values.get(total));
            for (String part : parts) {
                text.append(", ").append(part).append('=').append(values.get(part));
            }
            throw new IllegalStateException(text.toString());
        }
    }

    @Override
    public String toString() {
        String op = switch (kind) {
            case SUM -> " = Σ ";
            case COVER -> " covered by ";
            case SUBSETS -> " ⊇ each of ";
        };
        return (assumed ? "assumed " : "") + total + op + parts;
    }
}
