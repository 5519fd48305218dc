package pl.mops.reports.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An attacker on published tables, written for the tests independently of the program's planner: it knows which
 * cells are published (with their numbers) and which are hidden, takes linear relations between cells that a reader
 * can see in the tables' layout, and finds every hidden cell whose value those relations pin down.
 * <p>
 * Method: dense Gaussian elimination over exact fractions of the relations restricted to the hidden cells, then the
 * null space: a hidden cell is pinned down iff every solution of the homogeneous system has 0 there, i.e. its column
 * is a pivot column whose reduced row has no entry in any free column.
 */
public final class PublishedValuesAttack {

    private final Set<String> hidden = new LinkedHashSet<>();
    private final List<Map<String, Integer>> relations = new ArrayList<>();

    /** a cell the reader cannot see (the published numbers themselves do not matter for what is pinned down) */
    public void hidden(String cell) {
        hidden.add(cell);
    }

    /** {@code total = Σ parts} */
    public void sum(String total, List<String> parts) {
        Map<String, Integer> row = new LinkedHashMap<>();
        row.merge(total, 1, Integer::sum);
        for (String part : parts) {
            row.merge(part, -1, Integer::sum);
        }
        relations.add(row);
    }

    /** {@code a = b} (the same figure in two places) */
    public void equal(String a, String b) {
        sum(a, List.of(b));
    }

    /** {@code result = minuend − subtrahend} */
    public void difference(String result, String minuend, String subtrahend) {
        Map<String, Integer> row = new LinkedHashMap<>();
        row.merge(result, 1, Integer::sum);
        row.merge(minuend, -1, Integer::sum);
        row.merge(subtrahend, 1, Integer::sum);
        relations.add(row);
    }

    public int relationCount() {
        return relations.size();
    }

    /** the hidden cells a reader can compute */
    public Set<String> pinnedDown() {
        List<String> columns = new ArrayList<>(hidden);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        List<Fraction[]> matrix = new ArrayList<>();
        for (Map<String, Integer> relation : relations) {
            Fraction[] row = new Fraction[columns.size()];
            java.util.Arrays.fill(row, Fraction.ZERO);
            boolean any = false;
            for (Map.Entry<String, Integer> e : relation.entrySet()) {
                Integer column = index.get(e.getKey());
                if (column != null && e.getValue() != 0) {
                    row[column] = row[column].add(Fraction.of(e.getValue()));
                    any = true;
                }
            }
            if (any) {
                matrix.add(row);
            }
        }
        int n = columns.size();
        int rank = 0;
        int[] pivotOfRow = new int[matrix.size()];
        for (int c = 0; c < n && rank < matrix.size(); c++) {
            int found = -1;
            for (int r = rank; r < matrix.size(); r++) {
                if (!matrix.get(r)[c].isZero()) {
                    found = r;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            Fraction[] pivot = matrix.get(found);
            matrix.set(found, matrix.get(rank));
            matrix.set(rank, pivot);
            Fraction inverse = pivot[c].inverse();
            for (int k = 0; k < n; k++) {
                pivot[k] = pivot[k].multiply(inverse);
            }
            for (int r = 0; r < matrix.size(); r++) {
                Fraction[] other = matrix.get(r);
                if (r != rank && !other[c].isZero()) {
                    Fraction factor = other[c];
                    for (int k = 0; k < n; k++) {
                        other[k] = other[k].subtract(factor.multiply(pivot[k]));
                    }
                }
            }
            pivotOfRow[rank] = c;
            rank++;
        }
        Set<Integer> pivotColumns = new java.util.HashSet<>();
        for (int r = 0; r < rank; r++) {
            pivotColumns.add(pivotOfRow[r]);
        }
        Set<String> pinned = new LinkedHashSet<>();
        for (int r = 0; r < rank; r++) {
            boolean free = true;
            for (int k = 0; k < n; k++) {
                if (!pivotColumns.contains(k) && !matrix.get(r)[k].isZero()) {
                    free = false;
                    break;
                }
            }
            if (free) {
                pinned.add(columns.get(pivotOfRow[r]));
            }
        }
        return pinned;
    }

    /** an exact fraction in lowest terms with a positive denominator */
    record Fraction(BigInteger numerator, BigInteger denominator) {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

        static Fraction of(long value) {
            return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
        }

        static Fraction reduced(BigInteger n, BigInteger d) {
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger g = n.gcd(d);
            return g.signum() == 0 ? ZERO : new Fraction(n.divide(g), d.divide(g));
        }

        boolean isZero() {
            return numerator.signum() == 0;
        }

        Fraction add(Fraction o) {
            return reduced(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                    denominator.multiply(o.denominator));
        }

        Fraction subtract(Fraction o) {
            return add(new Fraction(o.numerator.negate(), o.denominator));
        }

        Fraction multiply(Fraction o) {
            return reduced(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
        }

        Fraction inverse() {
            return reduced(denominator, numerator);
        }

        BigDecimal toBigDecimal() {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator));
        }
    }
}
