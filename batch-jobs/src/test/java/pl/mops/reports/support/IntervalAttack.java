package pl.mops.reports.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A reader with an LP solver, written for the tests apart from the program's protection code: it is told what a
 * reader of the published tables sees — each cell's published number or mark — and the relations a reader knows
 * from the layout and the counting rules (exact sums, distinct-count covers {@code max(part) ≤ total ≤ Σ parts},
 * subsets {@code part ≤ total}), and computes for every hidden cell the smallest and largest value consistent with
 * all of it. What it knows of a hidden cell: {@code <T} is a whole number 1…T−1; {@code x} on a count of families,
 * persons, recipients or decisions a whole number ≥ 1 (zero is always published); other counts whole numbers ≥ 0;
 * amounts ≥ 0.
 * <p>
 * Bounds: linear programs solved with Apache Commons Math's {@link SimplexSolver} (not the program's solver), per
 * connected group of hidden cells. Whole-number feasibility of each small value (is a {@code <3} cell 1 or 2?):
 * ojAlgo's integer model, built here from the same constraints.
 */
public final class IntervalAttack {

    public enum Kind { SMALL, COUNT, INTEGER, AMOUNT }

    /** what a reader can tell about a hidden cell; {@code possible}: the whole values 1…T it may take (T: T or more) */
    public record Range(double min, double max, List<Integer> possible) {
    }

    private record Relation(String kind, String total, List<String> parts) {
    }

    static {
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true"); // no hardware note on standard output
        }
    }

    private final int threshold;
    private final Map<String, BigDecimal> published = new HashMap<>();
    private final Map<String, Kind> hidden = new LinkedHashMap<>();
    private final List<Relation> relations = new ArrayList<>();

    public IntervalAttack(int threshold) {
        this.threshold = threshold;
    }

    /** a published number (from the workbook: amounts to the grosz) */
    public void published(String cell, double value) {
        published.put(cell, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
    }

    public void hidden(String cell, Kind kind) {
        hidden.put(cell, kind);
    }

    public boolean isHidden(String cell) {
        return hidden.containsKey(cell);
    }

    public void sum(String total, List<String> parts) {
        relations.add(new Relation("sum", total, List.copyOf(parts)));
    }

    public void equal(String a, String b) {
        sum(a, List.of(b));
    }

    public void cover(String total, List<String> parts) {
        relations.add(new Relation("cover", total, List.copyOf(parts)));
    }

    public void subsets(String total, List<String> parts) {
        relations.add(new Relation("subsets", total, List.copyOf(parts)));
    }

    /** the relations naming a cell, for messages */
    public List<String> relationsOf(String cell) {
        return relations.stream().filter(r -> r.total().equals(cell) || r.parts().contains(cell))
                .map(r -> r.kind() + " " + r.total() + "=" + published.get(r.total()) + "/" + hidden.get(r.total()) + " "
                        + r.parts().stream().map(p -> p + "=" + published.get(p) + "/" + hidden.get(p)).toList())
                .toList();
    }

    public int relationCount() {
        return relations.size();
    }

    /** one linear constraint over cells: Σ coefficient·cell (≤ or =) 0 */
    private record Row(Map<String, Integer> coefficients, boolean equality) {
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Relation relation : relations) {
            if (!relation.kind().equals("subsets")) { // total − Σ parts (= or ≤) 0
                Map<String, Integer> row = new LinkedHashMap<>();
                row.merge(relation.total(), 1, Integer::sum);
                relation.parts().forEach(p -> row.merge(p, -1, Integer::sum));
                rows.add(new Row(row, relation.kind().equals("sum")));
            }
            if (!relation.kind().equals("sum")) { // part − total ≤ 0
                for (String part : relation.parts()) {
                    Map<String, Integer> row = new LinkedHashMap<>();
                    row.merge(part, 1, Integer::sum);
                    row.merge(relation.total(), -1, Integer::sum);
                    rows.add(new Row(row, false));
                }
            }
        }
        return rows;
    }

    /** the range of every hidden cell */
    public Map<String, Range> ranges() {
        return ranges(cell -> true);
    }

    /**
     * The range of the hidden cells asked for: a {@code <T} cell gets its possible values (each value 1…T−1 tried),
     * every other one its LP minimum and maximum (and a count below T+1 its possible values too).
     */
    public Map<String, Range> ranges(java.util.function.Predicate<String> wanted) {
        List<Row> rows = rows();
        for (Row row : rows) {
            for (String cell : row.coefficients().keySet()) {
                if (!published.containsKey(cell) && !hidden.containsKey(cell)) {
                    hidden.put(cell, Kind.AMOUNT); // shown nowhere (or as a dash): any number ≥ 0
                }
            }
        }
        Map<String, String> parent = new HashMap<>();
        hidden.keySet().forEach(c -> parent.put(c, c));
        for (Row row : rows) {
            String first = null;
            for (String cell : row.coefficients().keySet()) {
                if (hidden.containsKey(cell)) {
                    if (first == null) {
                        first = cell;
                    } else {
                        parent.put(find(parent, cell), find(parent, first));
                    }
                }
            }
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String cell : hidden.keySet()) {
            groups.computeIfAbsent(find(parent, cell), k -> new ArrayList<>()).add(cell);
        }
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (List<String> group : groups.values()) {
            if (group.stream().anyMatch(wanted)) {
                ranges.putAll(ranges(group, rows, wanted));
            }
        }
        return ranges;
    }

    private static String find(Map<String, String> parent, String cell) {
        String root = cell;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(cell, root);
        return root;
    }

    private Map<String, Range> ranges(List<String> group, List<Row> allRows, java.util.function.Predicate<String> wanted) {
        Map<String, Integer> index = new LinkedHashMap<>();
        group.forEach(c -> index.put(c, index.size()));
        int n = group.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        List<double[]> coefficients = new ArrayList<>();
        List<BigDecimal> rightHandSides = new ArrayList<>();
        List<Boolean> equalities = new ArrayList<>();
        Set<Row> seen = new LinkedHashSet<>();
        for (Row row : allRows) {
            if (row.coefficients().keySet().stream().noneMatch(index::containsKey) || !seen.add(row)) {
                continue;
            }
            double[] a = new double[n];
            BigDecimal constant = BigDecimal.ZERO;
            for (Map.Entry<String, Integer> e : row.coefficients().entrySet()) {
                Integer i = index.get(e.getKey());
                if (i != null) {
                    a[i] += e.getValue();
                } else {
                    constant = constant.add(published.get(e.getKey()).multiply(BigDecimal.valueOf(e.getValue())));
                }
            }
            constraints.add(new LinearConstraint(a, row.equality() ? Relationship.EQ : Relationship.LEQ,
                    constant.negate().doubleValue()));
            coefficients.add(a);
            rightHandSides.add(constant.negate());
            equalities.add(row.equality());
        }
        for (String cell : group) {
            double[] a = new double[n];
            a[index.get(cell)] = 1;
            Kind kind = hidden.get(cell);
            // the bounds as constraints: Commons Math 3.6.1's NonNegativeConstraint(true) gives wrong maxima
            // (max x2 s.t. x1 + x2 + x3 = 5 comes out 0), explicit rows do not
            constraints.add(new LinearConstraint(a, Relationship.GEQ, kind == Kind.SMALL || kind == Kind.COUNT ? 1 : 0));
            if (kind == Kind.SMALL) {
                constraints.add(new LinearConstraint(a, Relationship.LEQ, threshold - 1));
            }
        }
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (String cell : group) {
            if (!wanted.test(cell)) {
                continue;
            }
            Kind kind = hidden.get(cell);
            List<Integer> possible = new ArrayList<>();
            double min;
            double max;
            if (kind == Kind.SMALL) {
                for (int k = 1; k < threshold; k++) {
                    if (possible(constraints, index, n, cell, k, group, coefficients, rightHandSides, equalities)) {
                        possible.add(k);
                    }
                }
                min = possible.isEmpty() ? Double.NaN : possible.get(0);
                max = possible.isEmpty() ? Double.NaN : possible.get(possible.size() - 1);
            } else {
                double[] objective = new double[n];
                objective[index.get(cell)] = 1;
                min = optimise(objective, constraints, GoalType.MINIMIZE);
                max = optimise(objective, constraints, GoalType.MAXIMIZE);
                if (kind != Kind.AMOUNT) {
                    min = Math.ceil(min - 1e-6);
                    max = Math.floor(max + 1e-6);
                }
                if (kind == Kind.COUNT && min <= threshold) {
                    for (int k = (int) Math.max(1, min); k <= Math.min(max, threshold); k++) {
                        if (possible(constraints, index, n, cell, k, group, coefficients, rightHandSides, equalities)) {
                            possible.add(k);
                        }
                    }
                }
            }
            ranges.put(cell, new Range(min, max, possible));
        }
        return ranges;
    }

    private boolean possible(List<LinearConstraint> constraints, Map<String, Integer> index, int n, String cell, int k,
                             List<String> group, List<double[]> coefficients, List<BigDecimal> rightHandSides,
                             List<Boolean> equalities) {
        Boolean relaxed = feasible(constraints, index.get(cell), n, k, group);
        return Boolean.TRUE.equals(relaxed) || (relaxed == null
                && integerFeasible(group, index, coefficients, rightHandSides, equalities, cell, k));
    }

    private static double optimise(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair point = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(false));
            return point.getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        } catch (NoFeasibleSolutionException e) {
            throw new AssertionError("the published tables contradict the relations given to the attack", e);
        }
    }

    /**
     * The linear relaxation with the cell fixed to k (Commons Math): false when it has no solution, true when its
     * solution is already whole in every count, null when {@link #integerFeasible} must decide.
     */
    private Boolean feasible(List<LinearConstraint> constraints, int cell, int n, int k, List<String> group) {
        List<LinearConstraint> fixed = new ArrayList<>(constraints);
        double[] a = new double[n];
        a[cell] = 1;
        fixed.add(new LinearConstraint(a, Relationship.EQ, k));
        try {
            PointValuePair point = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(new double[n], 0), new LinearConstraintSet(fixed), GoalType.MINIMIZE,
                    new NonNegativeConstraint(false));
            for (int i = 0; i < n; i++) {
                double v = point.getPoint()[i];
                if (hidden.get(group.get(i)) != Kind.AMOUNT && Math.abs(v - Math.rint(v)) > 1e-6) {
                    return null;
                }
            }
            return true;
        } catch (NoFeasibleSolutionException e) {
            return false;
        }
    }

    /** whether the cell can be exactly k with every count a whole number (ojAlgo's integer solver) */
    private boolean integerFeasible(List<String> group, Map<String, Integer> index, List<double[]> coefficients,
                                    List<BigDecimal> rightHandSides, List<Boolean> equalities, String cell, int k) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] x = new Variable[group.size()];
        for (String c : group) {
            int i = index.get(c);
            Kind kind = hidden.get(c);
            x[i] = model.addVariable(c).lower(kind == Kind.SMALL || kind == Kind.COUNT ? 1 : 0);
            if (kind == Kind.SMALL) {
                x[i].upper(threshold - 1);
            }
            if (kind != Kind.AMOUNT) {
                x[i].integer(true);
            }
        }
        int target = index.get(cell);
        if (k == threshold && hidden.get(cell) == Kind.COUNT) {
            x[target].lower(k); // T stands for "T or more"
        } else {
            x[target].level(k);
        }
        for (int r = 0; r < coefficients.size(); r++) {
            Expression e = model.addExpression("r" + r);
            double[] a = coefficients.get(r);
            for (int i = 0; i < a.length; i++) {
                if (a[i] != 0) {
                    e.set(x[i], a[i]);
                }
            }
            e.upper(rightHandSides.get(r));
            if (equalities.get(r)) {
                e.lower(rightHandSides.get(r));
            }
        }
        Optimisation.Result result = model.minimise();
        return result.getState().isFeasible();
    }
}
