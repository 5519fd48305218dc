package pl.mops.reports.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A small linear (or mixed-integer) program, solved with ojAlgo's {@link ExpressionsBasedModel}: variables with
 * bounds (an upper bound may be infinite) and an integer flag, constraints {@code lower ≤ Σ coefficient·x ≤ upper}
 * with whole coefficients. Bounds are exact decimals ({@code null} = none): the constants of the tables' relations
 * are sums of published values, and a constant rounded differently in two constraints would make ojAlgo's presolve
 * (which works in decimals) find the true table infeasible.
 * Every solve builds a fresh model (ojAlgo's presolve may change the model it solves), so one program answers many
 * questions: the minimum or maximum of one variable, with or without integrality, with a variable fixed.
 */
final class LinearProgram {

    static {
        // ojAlgo prints a note about unknown hardware to standard output when it first starts; the command line
        // must print only its own text
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
        // ojAlgo's presolvers work in decimals and were the slow part (and once found a true table infeasible); the
        // problems here are small sums of ±1, which the simplex solves directly
        ExpressionsBasedModel.clearPresolvers();
    }

    /** how far a solution may break a constraint or integrality and still count (the data have 2 decimals) */
    static final double TOLERANCE = 1e-6;

    enum Status { OPTIMAL, UNBOUNDED, INFEASIBLE, FAILED }

    /** the outcome of one solve; {@code value} and {@code x} only when {@link Status#OPTIMAL} */
    record Solution(Status status, double value, double[] x) {
    }

    private record Var(BigDecimal lower, BigDecimal upper, boolean integer) {
    }

    private record Constraint(int[] variables, int[] coefficients, BigDecimal lower, BigDecimal upper) {
    }

    private final List<Var> variables = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final Counter counter;

    /** counts the problems solved (the audit report gives their number) */
    static final class Counter {
        private long solved;

        void add() {
            solved++;
        }

        long solved() {
            return solved;
        }
    }

    LinearProgram(Counter counter) {
        this.counter = counter;
    }

    /** @param upper null for none */
    int addVariable(BigDecimal lower, BigDecimal upper, boolean integer) {
        variables.add(new Var(lower, upper, integer));
        return variables.size() - 1;
    }

    int variableCount() {
        return variables.size();
    }

    /** {@code lower ≤ Σ coefficients[i]·x[variables[i]] ≤ upper}; null for none */
    void addConstraint(int[] variables, int[] coefficients, BigDecimal lower, BigDecimal upper) {
        constraints.add(new Constraint(variables.clone(), coefficients.clone(), lower, upper));
    }

    /**
     * Optimises {@code Σ objective[i]·x[i]}.
     *
     * @param integral with the integer variables integer (a MIP); otherwise their linear relaxation
     * @param fixed    a variable to fix, or −1
     * @param value    its value
     */
    Solution optimise(double[] objective, boolean maximise, boolean integral, int fixed, BigDecimal value) {
        counter.add();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] x = new Variable[variables.size()];
        for (int i = 0; i < x.length; i++) {
            Var v = variables.get(i);
            x[i] = model.addVariable("x" + i);
            if (i == fixed) {
                x[i].level(value);
            } else {
                x[i].lower(v.lower());
                if (v.upper() != null) {
                    x[i].upper(v.upper());
                }
            }
            if (integral && v.integer()) {
                x[i].integer(true);
            }
            if (objective != null && objective[i] != 0) {
                x[i].weight(objective[i]);
            }
        }
        for (int c = 0; c < constraints.size(); c++) {
            Constraint constraint = constraints.get(c);
            Expression expression = model.addExpression("c" + c);
            for (int k = 0; k < constraint.variables().length; k++) {
                expression.add(x[constraint.variables()[k]], constraint.coefficients()[k]);
            }
            if (constraint.lower() != null) {
                expression.lower(constraint.lower());
            }
            if (constraint.upper() != null) {
                expression.upper(constraint.upper());
            }
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        Optimisation.State state = result.getState();
        if (state == Optimisation.State.UNBOUNDED) {
            return new Solution(Status.UNBOUNDED, Double.NaN, null);
        }
        if (state == Optimisation.State.INFEASIBLE) {
            return new Solution(Status.INFEASIBLE, Double.NaN, null);
        }
        if (!state.isFeasible()) {
            return new Solution(Status.FAILED, Double.NaN, null);
        }
        double[] solution = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            solution[i] = result.doubleValue(i);
        }
        if (!satisfies(solution, integral, fixed, value)) {
            return new Solution(Status.FAILED, Double.NaN, null);
        }
        double objectiveValue = 0;
        if (objective != null) {
            for (int i = 0; i < x.length; i++) {
                objectiveValue += objective[i] * solution[i];
            }
        }
        return new Solution(state.isOptimal() || objective == null ? Status.OPTIMAL : Status.FAILED, objectiveValue,
                solution);
    }

    /** whether every integer variable of the solution is a whole number */
    boolean whole(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (variables.get(i).integer() && Math.abs(x[i] - Math.rint(x[i])) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /** checks a solution against every bound and constraint ourselves (a solver's word is not taken for it) */
    private boolean satisfies(double[] x, boolean integral, int fixed, BigDecimal value) {
        for (int i = 0; i < x.length; i++) {
            Var v = variables.get(i);
            double scale = Math.max(1, Math.abs(x[i]));
            double lower = i == fixed ? value.doubleValue() : v.lower().doubleValue();
            double upper = i == fixed ? value.doubleValue()
                    : v.upper() == null ? Double.POSITIVE_INFINITY : v.upper().doubleValue();
            if (x[i] < lower - TOLERANCE * scale || x[i] > upper + TOLERANCE * scale) {
                return false;
            }
            if (integral && v.integer() && Math.abs(x[i] - Math.rint(x[i])) > TOLERANCE) {
                return false;
            }
        }
        for (Constraint c : constraints) {
            double sum = 0;
            double scale = 1;
            for (int k = 0; k < c.variables().length; k++) {
                sum += c.coefficients()[k] * x[c.variables()[k]];
                scale = Math.max(scale, Math.abs(x[c.variables()[k]]));
            }
            if ((c.lower() != null && sum < c.lower().doubleValue() - TOLERANCE * scale)
                    || (c.upper() != null && sum > c.upper().doubleValue() + TOLERANCE * scale)) {
                return false;
            }
        }
        return true;
    }
}
