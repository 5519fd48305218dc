package pl.mops.reports.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a reader with a linear-programming solver can tell about each hidden figure of a document (the interval
 * audit of statistical offices, as in tau-ARGUS or sdcTable). The reader knows every published value, every
 * {@link Relation} (sums, distinct-count covers, subsets), that a figure shown as {@code <T} is a whole number from
 * 1 to T−1, that a count of families or persons shown as {@code x} is a whole number of at least T (zero and the
 * small values are shown as they are), that every other count is a whole number ≥ 0 and every amount a number ≥ 0.
 * <p>
 * The hidden figures are split into components linked by relations (a relation links its hidden members; one whose
 * only constraint on a hidden member is {@code part ≤ published total} bounds that member alone), and each
 * component is one linear program over its hidden figures, the published ones being constants:
 * <ul>
 *   <li>a figure shown as {@code <T} is safe when at least two of the values 1…T−1 are possible, integrality of all
 *       counts included (a mixed-integer feasibility problem with the figure fixed to each value in turn; the true
 *       value is always possible). With T = 2 the mark itself says 1 and nothing more can be asked;</li>
 *   <li>a value hidden because its group's count is small ({@link Mark#TIED}: amounts, numbers of benefits, persons in
 *       families) is safe when the smallest and the largest value the linear program allows lie at least P % below
 *       and above its value (the bounds of a whole number rounded inwards);</li>
 *   <li>a value hidden only to protect others ({@link Mark#SECONDARY}) needs no interval of its own.</li>
 * </ul>
 * A component's findings depend only on its members, so they are kept and reused while the members stay the same.
 */
public final class IntervalAudit {

    /**
     * What a reader can tell about one hidden figure.
     *
     * @param lower    the smallest value consistent with everything published
     * @param upper    the largest, {@code null} when there is none
     * @param possible for a {@link Mark#SMALL} figure the possible values (among 1…T−1), ascending; else empty
     * @param safe     whether the figure's protection holds (always for {@link Mark#SECONDARY})
     */
    public record Finding(String key, Mark role, BigDecimal lower, BigDecimal upper, List<Integer> possible,
                          boolean safe) {
    }

    /** one figure: its true value ({@code null} for one a relation names but the document does not show) */
    record Item(String key, BigDecimal value, boolean units, boolean amount) {
    }

    private final List<Item> items;
    private final Map<String, Integer> index = new HashMap<>();
    private final int threshold;
    /** the protection level as a fraction, e.g. 0.20 */
    private final BigDecimal level;
    /** relations as item indexes: member 0 is the total */
    private final int[][] members;
    private final Relation.Kind[] kinds;
    /** the relations each item is a member of */
    private final int[][] relationsOf;
    private final boolean[] isTotal;
    private final LinearProgram.Counter counter = new LinearProgram.Counter();
    /**
     * findings by component (its sorted items with their marks); one map for the loop, one for the report (full
     * sets of values)
     */
    private final Map<List<Integer>, Map<Integer, Finding>> cache = new HashMap<>();
    private final Map<List<Integer>, Map<Integer, Finding>> fullCache = new HashMap<>();

    /**
     * @param items     the figures in document order (each key once)
     * @param relations relations to audit with, each true of the data (see {@link SuppressionPlanner})
     * @param level     the protection level in percent
     */
    IntervalAudit(List<Item> items, List<Relation> relations, int threshold, int level) {
        this.items = new ArrayList<>(items);
        for (int i = 0; i < this.items.size(); i++) {
            index.put(this.items.get(i).key(), i);
        }
        this.threshold = threshold;
        this.level = BigDecimal.valueOf(level).movePointLeft(2);
        members = new int[relations.size()][];
        kinds = new Relation.Kind[relations.size()];
        for (int r = 0; r < relations.size(); r++) {
            List<String> keys = relations.get(r).members();
            members[r] = new int[keys.size()];
            for (int k = 0; k < keys.size(); k++) {
                Integer i = index.get(keys.get(k));
                if (i == null) { // named by a relation, shown nowhere: unknown to everyone
                    i = this.items.size();
                    this.items.add(new Item(keys.get(k), null, false, false));
                    index.put(keys.get(k), i);
                }
                members[r][k] = i;
            }
            kinds[r] = relations.get(r).kind();
        }
        List<List<Integer>> of = new ArrayList<>();
        for (int i = 0; i < this.items.size(); i++) {
            of.add(new ArrayList<>());
        }
        isTotal = new boolean[this.items.size()];
        for (int r = 0; r < members.length; r++) {
            for (int m : new TreeSet<>(boxed(members[r]))) {
                of.get(m).add(r);
            }
            if (kinds[r] != Relation.Kind.SUBSETS) {
                isTotal[members[r][0]] = true;
            }
        }
        relationsOf = new int[this.items.size()][];
        for (int i = 0; i < relationsOf.length; i++) {
            relationsOf[i] = of.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    int size() {
        return items.size();
    }

    int indexOf(String key) {
        return index.get(key);
    }

    Item item(int i) {
        return items.get(i);
    }

    /** the number of linear and mixed-integer problems solved so far */
    public long problemsSolved() {
        return counter.solved();
    }

    // ---- the reader's knowledge ---------------------------------------------------------------------

    /** whether a reader does not see the item: hidden, or shown nowhere */
    private static boolean unknown(Mark[] roles, int i, List<Item> items) {
        return roles[i] != null || items.get(i).value() == null;
    }

    private boolean unknown(Mark[] roles, int i) {
        return unknown(roles, i, items);
    }

    /**
     * Lower bound of an item a reader does not see: a hidden count of families or persons is at least 1 (zero is
     * always published), anything else at least 0.
     */
    private static BigDecimal lowerBound(Item item) {
        return item.value() != null && item.units() ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    /** upper bound of an item a reader does not see; null = none */
    private BigDecimal upperBound(Mark role) {
        return role == Mark.SMALL ? BigDecimal.valueOf(threshold - 1) : null;
    }

    private static boolean integer(Item item) {
        return item.value() != null && !item.amount();
    }

    /** one linear constraint of a relation: {@code lower ≤ Σ coefficient·member ≤ upper} before constants move */
    private record Term(int[] members, int[] coefficients, boolean equality) {
    }

    /** the constraints of relation r: Σ equality, or {@code total − Σ parts ≤ 0} and {@code part − total ≤ 0} */
    private List<Term> terms(int r) {
        int[] m = members[r];
        List<Term> terms = new ArrayList<>();
        if (kinds[r] != Relation.Kind.SUBSETS) {
            int[] coefficients = new int[m.length];
            Arrays.fill(coefficients, -1);
            coefficients[0] = 1;
            terms.add(new Term(m, coefficients, kinds[r] == Relation.Kind.SUM));
        }
        if (kinds[r] != Relation.Kind.SUM) {
            for (int k = 1; k < m.length; k++) {
                terms.add(new Term(new int[] {m[k], m[0]}, new int[] {1, -1}, false));
            }
        }
        return terms;
    }

    // ---- the audit ------------------------------------------------------------------------------------

    /** the audit's answer for a set of hidden figures */
    record Findings(Map<Integer, Finding> byItem, Map<Integer, Integer> componentOf) {
    }

    /**
     * @param roles      the hidden figures (by item index; {@code null} = published)
     * @param everyCell  also the intervals of the secondary figures (for the report); otherwise only the protected
     *                   ones
     * @param only       only these figures (the ones not yet safe: hiding more only widens every range, so a safe
     *                   figure stays safe), or null for all
     */
    Findings audit(Mark[] roles, boolean everyCell, java.util.Set<Integer> only) {
        int[] parent = components(roles);
        Map<Integer, List<Integer>> byRoot = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (unknown(roles, i)) {
                byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, Finding> byItem = new TreeMap<>();
        Map<Integer, Integer> componentOf = new HashMap<>();
        for (List<Integer> component : byRoot.values()) {
            for (int i : component) {
                componentOf.put(i, component.get(0));
            }
            List<Integer> wanted = component.stream()
                    .filter(i -> roles[i] != null && (everyCell || roles[i] != Mark.SECONDARY))
                    .filter(i -> only == null || only.contains(i)).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            // a component is its members with their marks (a masked count has other bounds than a small one)
            List<Integer> signature = component.stream().map(i -> i * 8 + (roles[i] == null ? 7 : roles[i].ordinal()))
                    .toList();
            Map<Integer, Finding> known = (everyCell ? fullCache : cache).computeIfAbsent(signature,
                    k -> new HashMap<>());
            List<Integer> missing = wanted.stream().filter(i -> !known.containsKey(i)).toList();
            Map<Integer, Finding> fromLoop = everyCell ? cache.getOrDefault(signature, Map.of()) : Map.of();
            Model model = null;
            for (int i : missing) {
                // the loop's findings are complete except the possible values of a small figure when T > 3
                Finding found = fromLoop.get(i);
                if (found == null || (roles[i].primary() && (threshold > 3 || roles[i] == Mark.MASKED))) {
                    model = model == null ? model(component, roles) : model;
                    found = assess(model, i, roles[i], everyCell);
                }
                known.put(i, found);
            }
            for (int i : wanted) {
                byItem.put(i, known.get(i));
            }
        }
        return new Findings(byItem, componentOf);
    }

    /** union–find parents: hidden items linked by relations */
    private int[] components(Mark[] roles) {
        int[] parent = new int[items.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < members.length; r++) {
            for (Term term : terms(r)) {
                int first = -1;
                for (int m : term.members()) {
                    if (unknown(roles, m)) {
                        if (first < 0) {
                            first = m;
                        } else {
                            union(parent, first, m);
                        }
                    }
                }
            }
        }
        return parent;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            // the smaller index is the root, so roots are in document order
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** a component's linear program: one variable per hidden member */
    private record Model(LinearProgram program, Map<Integer, Integer> variableOf) {
    }

    private Model model(List<Integer> component, Mark[] roles) {
        LinearProgram program = new LinearProgram(counter);
        Map<Integer, Integer> variableOf = new LinkedHashMap<>();
        for (int i : component) {
            Item item = items.get(i);
            variableOf.put(i, program.addVariable(lowerBound(item), upperBound(roles[i]), integer(item)));
        }
        TreeSet<Integer> relations = new TreeSet<>();
        for (int i : component) {
            for (int r : relationsOf[i]) {
                relations.add(r);
            }
        }
        for (int r : relations) {
            for (Term term : terms(r)) {
                // a term of another component (part ≤ published total of another part) is not this one's
                if (Arrays.stream(term.members()).anyMatch(variableOf::containsKey)) {
                    addConstraint(program, term, variableOf, Map.of(), Map.of());
                }
            }
        }
        return new Model(program, variableOf);
    }

    /**
     * Adds a term as a constraint over the given variables; members without a variable are constants (their true
     * value), members with deviations are {@code value + p − m}, masked ones {@code x + q}. Terms without a variable
     * are left out.
     */
    private void addConstraint(LinearProgram program, Term term, Map<Integer, Integer> variableOf,
                               Map<Integer, int[]> deviationsOf, Map<Integer, Integer> masksOf) {
        List<Integer> vars = new ArrayList<>();
        List<Integer> coefficients = new ArrayList<>();
        BigDecimal constant = BigDecimal.ZERO;
        for (int k = 0; k < term.members().length; k++) {
            int m = term.members()[k];
            int c = term.coefficients()[k];
            Integer v = variableOf.get(m);
            int[] deviation = deviationsOf.get(m);
            if (v != null) {
                vars.add(v);
                coefficients.add(c);
                Integer mask = masksOf.get(m);
                if (mask != null) {
                    vars.add(mask);
                    coefficients.add(c);
                }
            } else {
                constant = constant.add(items.get(m).value().multiply(BigDecimal.valueOf(c)));
                if (deviation != null) {
                    vars.add(deviation[0]);
                    coefficients.add(c);
                    vars.add(deviation[1]);
                    coefficients.add(-c);
                }
            }
        }
        if (vars.isEmpty()) {
            return;
        }
        int[] v = vars.stream().mapToInt(Integer::intValue).toArray();
        int[] c = coefficients.stream().mapToInt(Integer::intValue).toArray();
        BigDecimal bound = constant.negate();
        program.addConstraint(v, c, term.equality() ? bound : null, bound);
    }

    private Finding assess(Model model, int i, Mark role, boolean everyCell) {
        Item item = items.get(i);
        int x = model.variableOf().get(i);
        if (role.primary()) {
            int value = item.value().intValueExact();
            List<Integer> possible = new ArrayList<>();
            // a masked one may for all a reader knows be T or more: T stands for those
            int last = role == Mark.SMALL ? threshold - 1 : threshold;
            for (int k = 1; k <= last; k++) {
                if (k == value) {
                    possible.add(k); // the true table
                } else if ((everyCell || possible.size() < 2) && feasible(model, x, k)) {
                    possible.add(k);
                }
            }
            boolean safe = possible.size() >= Math.min(2, threshold - 1);
            return new Finding(item.key(), role, BigDecimal.valueOf(possible.get(0)),
                    BigDecimal.valueOf(possible.get(possible.size() - 1)), List.copyOf(possible), safe);
        }
        BigDecimal lower = bound(model, x, item, false);
        BigDecimal upper = bound(model, x, item, true);
        boolean safe = role != Mark.TIED || (lower.compareTo(lowTarget(item)) <= 0
                && (upper == null || upper.compareTo(highTarget(item)) >= 0));
        return new Finding(item.key(), role, lower, upper, List.of(), safe);
    }

    /** the value a tied figure's range must reach below: {@code v·(1 − P/100)}, a whole number for counts */
    BigDecimal lowTarget(Item item) {
        BigDecimal target = item.value().multiply(BigDecimal.ONE.subtract(level));
        return integer(item) ? target.setScale(0, RoundingMode.FLOOR) : target;
    }

    /** the value a tied figure's range must reach above: {@code v·(1 + P/100)} */
    BigDecimal highTarget(Item item) {
        BigDecimal target = item.value().multiply(BigDecimal.ONE.add(level));
        return integer(item) ? target.setScale(0, RoundingMode.CEILING) : target;
    }

    /**
     * Whether the variable can be k with every count whole: the linear relaxation first (infeasible: no; a solution
     * that is already whole: yes — the usual case, the tables' constraints being sums of ±1), the mixed-integer
     * program only when the relaxation's solution is fractional.
     */
    private boolean feasible(Model model, int x, int k) {
        LinearProgram.Solution relaxed = model.program().optimise(null, false, false, x, BigDecimal.valueOf(k));
        if (relaxed.status() == LinearProgram.Status.INFEASIBLE) {
            return false;
        }
        if (relaxed.status() == LinearProgram.Status.OPTIMAL && model.program().whole(relaxed.x())) {
            return true;
        }
        return model.program().optimise(null, false, true, x, BigDecimal.valueOf(k)).status()
                == LinearProgram.Status.OPTIMAL;
    }

    /** the LP minimum or maximum of a variable: whole numbers rounded inwards, amounts to the grosz; null = none */
    private BigDecimal bound(Model model, int x, Item item, boolean maximise) {
        double[] objective = new double[model.program().variableCount()];
        objective[x] = 1;
        LinearProgram.Solution solution = model.program().optimise(objective, maximise, false, -1, null);
        if (solution.status() == LinearProgram.Status.UNBOUNDED && maximise) {
            return null;
        }
        if (solution.status() != LinearProgram.Status.OPTIMAL) {
            // the true table is a solution, so only a solver failure gets here: take the worst case for the
            // protection (the figure pinned to its value), which hides more, never less
            return item.value() == null ? BigDecimal.ZERO : item.value();
        }
        double value = solution.value();
        if (integer(item)) {
            double rounded = maximise ? Math.floor(value + LinearProgram.TOLERANCE)
                    : Math.ceil(value - LinearProgram.TOLERANCE);
            return BigDecimal.valueOf((long) rounded);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).max(BigDecimal.ZERO.setScale(2));
    }

    // ---- what to hide next ----------------------------------------------------------------------------

    /** what to change so that an unsafe figure becomes safe: published figures to hide, small ones to mask */
    record Release(List<Integer> hide, List<Integer> mask) {
    }

    /** the cost of masking a small count (its {@code <T} becomes {@code x}) per unit it may then exceed T−1 */
    private static final double MASK_COST = 3;

    /**
     * The published figures whose hiding lets an unsafe figure reach the values its protection needs, found as in
     * the secondary-suppression models of statistical offices: a linear program that may change published values
     * ({@code published + p − m}) at a cost per unit of change, must keep every relation and the reader's bounds,
     * and must bring the figure to the needed value; the figures it changes are the ones to hide. The cost of a
     * figure prefers parts over totals, small values over large, earlier figures over later. A small count's bound
     * T−1 may be exceeded too, at a higher cost: the count is then masked (shown as {@code x}, so that a reader does
     * not know it is small) — the only way out when small counts pin each other (two parts {@code <3} of a total
     * {@code <3}).
     *
     * @return what to hide and mask, each in document order (both empty when nothing within reach helps)
     */
    Release release(int u, Mark[] roles, Finding finding) {
        Item item = items.get(u);
        List<Target> targets = new ArrayList<>();
        if (roles[u].primary()) {
            int value = item.value().intValueExact();
            if (value < threshold - 1 || roles[u] == Mark.MASKED) {
                targets.add(new Target(true, BigDecimal.valueOf(value + 1)));
            }
            if (value > 1) {
                targets.add(new Target(false, BigDecimal.valueOf(value - 1)));
            }
        } else {
            if (finding.upper() != null && finding.upper().compareTo(highTarget(item)) < 0) {
                targets.add(new Target(true, highTarget(item)));
            }
            if (finding.lower().compareTo(lowTarget(item)) > 0) {
                targets.add(new Target(false, lowTarget(item)));
            }
        }
        TreeSet<Integer> hide = new TreeSet<>();
        TreeSet<Integer> mask = new TreeSet<>();
        Deviation cheapest = null;
        for (Target target : targets) {
            for (int depth : new int[] {2, 4, Integer.MAX_VALUE}) {
                Deviation deviation = deviation(u, roles, target, depth);
                if (deviation != null) {
                    if (roles[u].primary()) { // one other value is enough: the cheaper direction
                        cheapest = cheapest == null || deviation.cost() < cheapest.cost() ? deviation : cheapest;
                    } else { // both directions are needed
                        hide.addAll(deviation.hide());
                        mask.addAll(deviation.mask());
                    }
                    break;
                }
            }
        }
        if (cheapest != null) {
            hide.addAll(cheapest.hide());
            mask.addAll(cheapest.mask());
        }
        return new Release(new ArrayList<>(hide), new ArrayList<>(mask));
    }

    /** a value a figure must be able to reach: at least {@code value} ({@code up}) or at most */
    private record Target(boolean up, BigDecimal value) {
    }

    private record Deviation(double cost, List<Integer> hide, List<Integer> mask) {
    }

    /** the cheapest change within {@code depth} relations of u that lets u reach the target; null when there is none */
    private Deviation deviation(int u, Mark[] roles, Target target, int depth) {
        List<Integer> near = neighbourhood(u, depth);
        LinearProgram program = new LinearProgram(counter);
        Map<Integer, Integer> variableOf = new LinkedHashMap<>();
        Map<Integer, int[]> deviationsOf = new LinkedHashMap<>();
        Map<Integer, Integer> masksOf = new LinkedHashMap<>();
        Map<Integer, Double> costOf = new HashMap<>();
        double size = items.size();
        for (int i : near) {
            Item item = items.get(i);
            if (unknown(roles, i)) {
                BigDecimal lower = lowerBound(item);
                BigDecimal upper = upperBound(roles[i]);
                if (i == u) {
                    lower = target.up() ? lower.max(target.value()) : lower;
                    upper = target.up() ? upper : upper == null ? target.value() : upper.min(target.value());
                }
                variableOf.put(i, program.addVariable(lower, upper, false));
                if (roles[i] == Mark.SMALL && !(i == u && !target.up())) {
                    // masked, a small count may for all a reader knows be more than T−1: value + q
                    int q = program.addVariable(BigDecimal.ZERO, null, false);
                    masksOf.put(i, q);
                    costOf.put(q, MASK_COST);
                }
            } else if (eligible(i)) {
                // value + p − m, at least the bound a reader would know if it were hidden (m never needs more)
                int p = program.addVariable(BigDecimal.ZERO, null, false);
                int m = program.addVariable(BigDecimal.ZERO, item.value().subtract(lowerBound(item)), false);
                deviationsOf.put(i, new int[] {p, m});
                double cost = 1 + (isTotal[i] ? 1 : 0) + 0.05 * Math.log1p(item.value().abs().doubleValue())
                        + 1e-4 * i / size;
                costOf.put(p, cost);
                costOf.put(m, cost);
            } // a published zero count stays a constant
        }
        TreeSet<Integer> relations = new TreeSet<>();
        for (int i : near) {
            for (int r : relationsOf[i]) {
                relations.add(r);
            }
        }
        for (int r : relations) {
            for (Term term : terms(r)) {
                for (int m : term.members()) { // a member shown nowhere is a variable wherever it is
                    if (items.get(m).value() == null && !variableOf.containsKey(m)) {
                        variableOf.put(m, program.addVariable(BigDecimal.ZERO, null, false));
                    }
                }
                addConstraint(program, term, variableOf, deviationsOf, masksOf);
            }
        }
        double[] objective = new double[program.variableCount()];
        costOf.forEach((v, cost) -> objective[v] = cost);
        LinearProgram.Solution solution = program.optimise(objective, false, false, -1, null);
        if (solution.status() != LinearProgram.Status.OPTIMAL) {
            return null;
        }
        List<Integer> hide = new ArrayList<>();
        deviationsOf.forEach((i, pm) -> {
            double change = solution.x()[pm[0]] + solution.x()[pm[1]];
            if (change > LinearProgram.TOLERANCE * Math.max(1, items.get(i).value().abs().doubleValue())) {
                hide.add(i);
            }
        });
        List<Integer> mask = new ArrayList<>();
        masksOf.forEach((i, q) -> {
            if (solution.x()[q] > LinearProgram.TOLERANCE) {
                mask.add(i);
            }
        });
        return new Deviation(solution.value(), hide, mask);
    }

    /**
     * Whether a published figure may be hidden: not a count of families or persons equal to zero (a hidden count
     * is then known to be at least T, which the audit relies on).
     */
    boolean eligible(int i) {
        Item item = items.get(i);
        return item.value() != null && !(item.units() && item.value().signum() == 0);
    }

    /** the items within {@code depth} relations of u (a relation {@code part ≤ total} links a part to its total only) */
    private List<Integer> neighbourhood(int u, int depth) {
        TreeSet<Integer> seen = new TreeSet<>(List.of(u));
        ArrayDeque<Integer> frontier = new ArrayDeque<>(List.of(u));
        for (int d = 0; d < depth && !frontier.isEmpty(); d++) {
            ArrayDeque<Integer> next = new ArrayDeque<>();
            for (int i : frontier) {
                for (int r : relationsOf[i]) {
                    for (Term term : terms(r)) {
                        if (Arrays.stream(term.members()).anyMatch(m -> m == i)) {
                            for (int m : term.members()) {
                                if (seen.add(m)) {
                                    next.add(m);
                                }
                            }
                        }
                    }
                }
            }
            frontier = next;
        }
        return new ArrayList<>(seen);
    }

    /** the relations (as indexes) touching any of the items */
    int[] relationsOf(int i) {
        return relationsOf[i];
    }

    int[] members(int r) {
        return members[r];
    }

    boolean isTotal(int i) {
        return isTotal[i];
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
