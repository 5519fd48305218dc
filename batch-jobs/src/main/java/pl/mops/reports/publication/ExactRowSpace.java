package pl.mops.reports.publication;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which unknown figures a reader can compute from the published ones. Every relation {@code total − Σ parts = 0}
 * is restricted to its unknown members (the published members are constants); an unknown figure is determined iff
 * its unit vector lies in the row space of those restricted relations. Decided by Gauss–Jordan elimination over
 * the integers (rows scaled by their gcd, so the arithmetic is exact), on sparse rows.
 * <p>
 * In reduced row echelon form a unit vector {@code e_c} is in the row space iff some row is a multiple of
 * {@code e_c}: the coefficient of each row in a combination equals the combination's entry at that row's pivot.
 */
public final class ExactRowSpace {

    private ExactRowSpace() {
    }

    /**
     * @param relations the relations
     * @param unknown   the figures a reader does not see (hidden ones, and any figure a relation names that is not
     *                  published at all)
     * @return the unknown figures that are nevertheless determined, in the order of {@code unknown}'s iteration
     */
    public static Set<String> determined(List<Relation> relations, Set<String> unknown) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (String key : unknown) {
            index.put(key, names.size());
            names.add(key);
        }
        List<TreeMap<Integer, BigInteger>> pivotRows = new ArrayList<>();
        Map<Integer, TreeMap<Integer, BigInteger>> byPivot = new HashMap<>();
        for (Relation relation : relations) {
            TreeMap<Integer, BigInteger> row = new TreeMap<>();
            add(row, index.get(relation.total()), BigInteger.ONE);
            for (String part : relation.parts()) {
                add(row, index.get(part), BigInteger.ONE.negate());
            }
            // reduce by the pivots found so far (pivot rows contain no other pivot column)
            for (Integer column : new ArrayList<>(row.keySet())) {
                TreeMap<Integer, BigInteger> pivot = byPivot.get(column);
                if (pivot != null && row.containsKey(column)) {
                    row = eliminate(row, pivot, column);
                }
            }
            if (row.isEmpty()) {
                continue;
            }
            int column = row.firstKey();
            for (TreeMap<Integer, BigInteger> other : pivotRows) {
                if (other.containsKey(column)) {
                    TreeMap<Integer, BigInteger> reduced = eliminate(other, row, column);
                    other.clear();
                    other.putAll(reduced);
                }
            }
            pivotRows.add(row);
            byPivot.put(column, row);
        }
        Set<Integer> single = new java.util.HashSet<>();
        for (TreeMap<Integer, BigInteger> row : pivotRows) {
            if (row.size() == 1) {
                single.add(row.firstKey());
            }
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (single.contains(i)) {
                result.add(names.get(i));
            }
        }
        return result;
    }

    private static void add(TreeMap<Integer, BigInteger> row, Integer column, BigInteger coefficient) {
        if (column == null) {
            return; // a published member: a constant
        }
        BigInteger sum = row.getOrDefault(column, BigInteger.ZERO).add(coefficient);
        if (sum.signum() == 0) {
            row.remove(column);
        } else {
            row.put(column, sum);
        }
    }

    /** {@code row · p − pivot · a}, where a and p are their coefficients at {@code column}; divided by the gcd */
    private static TreeMap<Integer, BigInteger> eliminate(TreeMap<Integer, BigInteger> row,
                                                          TreeMap<Integer, BigInteger> pivot, int column) {
        BigInteger a = row.get(column);
        BigInteger p = pivot.get(column);
        TreeMap<Integer, BigInteger> result = new TreeMap<>();
        for (Map.Entry<Integer, BigInteger> e : row.entrySet()) {
            result.put(e.getKey(), e.getValue().multiply(p));
        }
        for (Map.Entry<Integer, BigInteger> e : pivot.entrySet()) {
            BigInteger sum = result.getOrDefault(e.getKey(), BigInteger.ZERO).subtract(e.getValue().multiply(a));
            if (sum.signum() == 0) {
                result.remove(e.getKey());
            } else {
                result.put(e.getKey(), sum);
            }
        }
        BigInteger gcd = BigInteger.ZERO;
        for (BigInteger v : result.values()) {
            gcd = gcd.gcd(v);
        }
        if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
            for (Map.Entry<Integer, BigInteger> e : result.entrySet()) {
                e.setValue(e.getValue().divide(gcd));
            }
        }
        return result;
    }
}
