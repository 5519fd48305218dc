package pl.mops.reports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.mops.reports.publication.SuppressionPlanner.Figure;
import pl.mops.reports.publication.SuppressionPlanner.Mark;

/** Suppression patterns worked out by hand on small tables. */
class SuppressionPlannerTest {

    private static Figure count(String key, long value) {
        return new Figure(key, BigDecimal.valueOf(value), true, false, key);
    }

    /**
     * <pre>
     *          c1   c2 | total
     *   r1      1    5 |   6
     *   r2      4    6 |  10
     *   total   5   11 |  16
     * </pre>
     * The 1 is small. Its row and column each let a reader compute it, so one more cell of its column (the smaller
     * partner, 4) and one of its row (5) are hidden; then the 4 is computable from row r2 and the 5 from column c2,
     * so the fourth corner (6) closes the rectangle. With 1, 5, 4, 6 hidden every row and column has two unknowns
     * and the four equations have rank 3: no hidden cell can be recovered. Totals stay published.
     */
    @Test
    void singleSmallCellOfTwoByTwoTableNeedsARectangle() {
        List<Figure> figures = List.of(count("a11", 1), count("a12", 5), count("a21", 4), count("a22", 6),
                count("r1", 6), count("r2", 10), count("c1", 5), count("c2", 11), count("g", 16));
        List<Relation> relations = List.of(new Relation("r1", List.of("a11", "a12")),
                new Relation("r2", List.of("a21", "a22")), new Relation("c1", List.of("a11", "a21")),
                new Relation("c2", List.of("a12", "a22")), new Relation("g", List.of("r1", "r2")),
                new Relation("g", List.of("c1", "c2")));

        Map<String, Mark> marks = SuppressionPlanner.plan(figures, relations, 3);

        assertThat(marks).containsExactly(Map.entry("a11", Mark.SMALL), Map.entry("a12", Mark.HIDDEN),
                Map.entry("a21", Mark.HIDDEN), Map.entry("a22", Mark.HIDDEN));
    }

    /** 1 + 7 + 9 = 17: the 1 and the smallest other part (7) are hidden; 1 + 7 = 8 leaves one equation, two unknowns */
    @Test
    void rowWithOneSmallCellHidesTheSmallestOtherPart() {
        List<Figure> figures = List.of(count("t", 17), count("p1", 1), count("p2", 9), count("p3", 7));
        Map<String, Mark> marks = SuppressionPlanner.plan(figures, List.of(new Relation("t", List.of("p1", "p2", "p3"))), 3);

        assertThat(marks).containsExactly(Map.entry("p1", Mark.SMALL), Map.entry("p3", Mark.HIDDEN));
    }

    /** zero is published, and a row of 0 + 0 + 12 = 12 has nothing to hide */
    @Test
    void zeroAndLargeValuesArePublished() {
        List<Figure> figures = List.of(count("t", 12), count("p1", 0), count("p2", 0), count("p3", 12));
        assertThat(SuppressionPlanner.plan(figures, List.of(new Relation("t", List.of("p1", "p2", "p3"))), 3)).isEmpty();
    }

    /**
     * City 14 = districts I 1 + II 5 + III 8, and the same city figure = branch A 6 + branch B 8, where A serves I and
     * II (A = I + II) and B serves III (B = III). The 1 of district I is recoverable from the city row and from
     * branch A; hiding II (5, the smallest other part of both) leaves I + II = 6 in both relations: not recoverable.
     */
    @Test
    void sharedFigureIsOneUnknownInEveryRelation() {
        List<Figure> figures = List.of(count("city", 14), count("I", 1), count("II", 5), count("III", 8),
                count("A", 6), count("B", 8));
        List<Relation> relations = List.of(new Relation("city", List.of("I", "II", "III")),
                new Relation("city", List.of("A", "B")), new Relation("A", List.of("I", "II")),
                new Relation("B", List.of("III")));

        assertThat(SuppressionPlanner.plan(figures, relations, 3))
                .containsExactly(Map.entry("I", Mark.SMALL), Map.entry("II", Mark.HIDDEN));
    }

    /**
     * District I: 2 families (small) with 640.00 zł; district II: 10 families, 3 000.00 zł; city: 12 families,
     * 3 640.00 zł. The 2 is small, so its amount is hidden as tied; the city amount would give it back
     * (3 640 − 3 000), so district II's amount is hidden too; the family counts likewise need II's count hidden.
     */
    @Test
    void amountOfASmallGroupIsHiddenAndProtectedByItsTotals() {
        List<Figure> figures = List.of(
                new Figure("rodziny|I", BigDecimal.valueOf(2), true, false, "I"),
                new Figure("kwota|I", new BigDecimal("640.00"), false, true, "I"),
                new Figure("rodziny|II", BigDecimal.valueOf(10), true, false, "II"),
                new Figure("kwota|II", new BigDecimal("3000.00"), false, true, "II"),
                new Figure("rodziny|city", BigDecimal.valueOf(12), true, false, "city"),
                new Figure("kwota|city", new BigDecimal("3640.00"), false, true, "city"));
        List<Relation> relations = List.of(new Relation("rodziny|city", List.of("rodziny|I", "rodziny|II")),
                new Relation("kwota|city", List.of("kwota|I", "kwota|II")));

        assertThat(SuppressionPlanner.plan(figures, relations, 3)).containsExactly(
                Map.entry("rodziny|I", Mark.SMALL), Map.entry("kwota|I", Mark.HIDDEN),
                Map.entry("rodziny|II", Mark.HIDDEN), Map.entry("kwota|II", Mark.HIDDEN));
    }

    /** the threshold comes from the configuration: with 5, counts 1–4 are small */
    @Test
    void thresholdIsAParameter() {
        List<Figure> figures = List.of(count("t", 20), count("p1", 4), count("p2", 16));
        Map<String, Mark> marks = SuppressionPlanner.plan(figures, List.of(new Relation("t", List.of("p1", "p2"))), 5);
        // 4 is small; the only other part (16) is hidden, the total stays: 4 + 16 = 20 has two unknowns
        assertThat(marks).containsExactly(Map.entry("p1", Mark.SMALL), Map.entry("p2", Mark.HIDDEN));
    }

    /** row space test: x + y = 5 and x − y = 1 (as y + 1 = x) pin both down; x + y = 5 alone pins neither */
    @Test
    void rowSpaceFindsValuesDeterminedOnlyByCombiningRelations() {
        List<Relation> both = List.of(new Relation("s", List.of("x", "y")), new Relation("x", List.of("y", "one")));
        assertThat(ExactRowSpace.determined(both, new java.util.LinkedHashSet<>(List.of("x", "y")))).containsExactly("x", "y");
        assertThat(ExactRowSpace.determined(both.subList(0, 1), new java.util.LinkedHashSet<>(List.of("x", "y")))).isEmpty();
    }
}
