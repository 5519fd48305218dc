package pl.mops.reports.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.mops.reports.publication.SuppressionPlanner.Figure;

/**
 * Suppression patterns worked out by hand on small tables. A reader knows that {@code <3} is 1 or 2, that a count
 * shown as {@code x} is at least 1 (zero is published), that amounts are ≥ 0, and the relations.
 */
class SuppressionPlannerTest {

    private static Figure count(String key, long value) {
        return new Figure(key, BigDecimal.valueOf(value), true, false, key);
    }

    private static Figure amount(String key, String value, String group) {
        return new Figure(key, new BigDecimal(value), false, true, group, true);
    }

    private static Figure families(String key, long value, String group) {
        return new Figure(key, BigDecimal.valueOf(value), true, false, group);
    }

    /**
     * The example: a reason row with four {@code <3} cells (1 each), two districts with 0 and the total 4.
     * Each cell is at least 1 and the four add up to 4, so each is 1 — no value of the row may stay published that
     * lets a reader add up to the total: zeros cannot help (a hidden count would be known to be ≥ 1, so a hidden 0
     * would still leave the four at 1), so the total is hidden. Then a + b + c + d = total ≥ 4 lets each be 2.
     */
    @Test
    void reasonRowOfFourSmallCellsWithTotalFourHidesTheTotal() {
        List<Figure> figures = List.of(count("a", 1), count("b", 1), count("c", 1), count("d", 1), count("z1", 0),
                count("z2", 0), count("total", 4));
        List<Relation> relations = List.of(Relation.sum("total", List.of("a", "b", "c", "d", "z1", "z2")));

        SuppressionPlanner.Plan plan = SuppressionPlanner.plan(figures, relations, 3, 20);

        assertThat(plan.marks()).containsExactly(Map.entry("a", Mark.SMALL), Map.entry("b", Mark.SMALL),
                Map.entry("c", Mark.SMALL), Map.entry("d", Mark.SMALL), Map.entry("total", Mark.SECONDARY));
        assertThat(plan.report().allSafe()).isTrue();
        assertThat(plan.report().findings()).filteredOn(f -> f.role() == Mark.SMALL)
                .allSatisfy(f -> assertThat(f.possible()).containsExactly(1, 2));
        // the total: at least 4 (four cells ≥ 1), at most 8 (four cells ≤ 2)
        assertThat(plan.report().findings()).filteredOn(f -> f.key().equals("total")).singleElement()
                .satisfies(f -> {
                    assertThat(f.lower()).isEqualByComparingTo("4");
                    assertThat(f.upper()).isEqualByComparingTo("8");
                });
    }

    /**
     * Month ≤ year to date. District I: 1 family in the month (small) with 600,00 zł; year to date 5 families and
     * 640,00 zł (published: 5 is not small). District II: 10 families, 3 000,00 zł in the month; 30 and 9 000,00 zł
     * year to date. City: 11 / 3 600,00 and 35 / 9 640,00.
     * <ul>
     *   <li>I's 1 family: 1 + II = 11 gives it back, so II's 10 is hidden (a part, cheaper than the total): then
     *       I + II = 11 with II ≥ 1 allows 1 and 2;</li>
     *   <li>I's 600 zł (tied, must be able to lie in [480, 720]): the city's 3 600 gives it back, so II's 3 000 is
     *       hidden; but it is also at most the year to date of I, 640 — narrower than +20 %. So I's 640 goes too,
     *       and then II's 9 000, else the city's 9 640 gives 640 back. With I = 720, II = 2 880 in the month and
     *       I = 720, II = 8 920 to date every relation holds; with I = 480, II = 3 120.</li>
     * </ul>
     */
    @Test
    void monthAtMostYearToDatePinsAnAmountAndTheYearToDateIsHiddenToo() {
        List<Figure> figures = List.of(
                families("rodziny|M|I", 1, "M|I"), families("rodziny|M|II", 10, "M|II"),
                families("rodziny|M|miasto", 11, "M|miasto"),
                families("rodziny|YTD|I", 5, "YTD|I"), families("rodziny|YTD|II", 30, "YTD|II"),
                families("rodziny|YTD|miasto", 35, "YTD|miasto"),
                amount("kwota|M|I", "600.00", "M|I"), amount("kwota|M|II", "3000.00", "M|II"),
                amount("kwota|M|miasto", "3600.00", "M|miasto"),
                amount("kwota|YTD|I", "640.00", "YTD|I"), amount("kwota|YTD|II", "9000.00", "YTD|II"),
                amount("kwota|YTD|miasto", "9640.00", "YTD|miasto"));
        List<Relation> relations = new ArrayList<>();
        for (String measure : List.of("rodziny", "kwota")) {
            for (String period : List.of("M", "YTD")) {
                relations.add(Relation.sum(measure + "|" + period + "|miasto",
                        List.of(measure + "|" + period + "|I", measure + "|" + period + "|II")));
            }
            for (String area : List.of("I", "II", "miasto")) {
                relations.add(Relation.subsets(measure + "|YTD|" + area, List.of(measure + "|M|" + area)));
            }
        }

        SuppressionPlanner.Plan plan = SuppressionPlanner.plan(figures, relations, 3, 20);

        assertThat(plan.marks()).containsExactly(Map.entry("rodziny|M|I", Mark.SMALL),
                Map.entry("rodziny|M|II", Mark.SECONDARY), Map.entry("kwota|M|I", Mark.TIED),
                Map.entry("kwota|M|II", Mark.SECONDARY), Map.entry("kwota|YTD|I", Mark.SECONDARY),
                Map.entry("kwota|YTD|II", Mark.SECONDARY));
        // I's month amount: 0 … 3 600 (II may be 0; I's year to date may be up to 9 640)
        assertThat(plan.report().findings()).filteredOn(f -> f.key().equals("kwota|M|I")).singleElement()
                .satisfies(f -> {
                    assertThat(f.lower()).isEqualByComparingTo("0");
                    assertThat(f.upper()).isEqualByComparingTo("3600");
                    assertThat(f.safe()).isTrue();
                });
        assertThat(plan.report().narrowestPercent()).isEqualTo(100); // 600 → 0 is −100 %, 600 → 3 600 is +500 %
    }

    /**
     * An amount narrowed below P %: district I 2 families (small) with 640,00 zł, II 20 with 3 000,00 zł, III 3 with
     * 100,00 zł; city 25 and 3 740,00 zł. Hiding only III's 100 (the old exact rule: then I is not computable)
     * leaves I + III = 740, so I ≤ 740 — only +15,6 % above 640, less than 20 % (768). So II's 3 000 is hidden too.
     * The families: I's 2 needs one more count hidden, the smallest part, III's 3 (then I + III = 5, III ≥ 1).
     */
    @Test
    void amountNarrowedBelowTheProtectionLevelNeedsAFurtherSuppression() {
        List<Figure> figures = List.of(families("rodziny|I", 2, "I"), families("rodziny|II", 20, "II"),
                families("rodziny|III", 3, "III"), families("rodziny|miasto", 25, "miasto"),
                amount("kwota|I", "640.00", "I"), amount("kwota|II", "3000.00", "II"),
                amount("kwota|III", "100.00", "III"), amount("kwota|miasto", "3740.00", "miasto"));
        List<Relation> relations = List.of(
                Relation.sum("rodziny|miasto", List.of("rodziny|I", "rodziny|II", "rodziny|III")),
                Relation.sum("kwota|miasto", List.of("kwota|I", "kwota|II", "kwota|III")));

        SuppressionPlanner.Plan plan = SuppressionPlanner.plan(figures, relations, 3, 20);

        assertThat(plan.marks()).containsExactly(Map.entry("rodziny|I", Mark.SMALL),
                Map.entry("rodziny|III", Mark.SECONDARY), Map.entry("kwota|I", Mark.TIED),
                Map.entry("kwota|II", Mark.SECONDARY), Map.entry("kwota|III", Mark.SECONDARY));
        assertThat(plan.report().allSafe()).isTrue();

        // with a protection level of 10 % the 740 (+15,6 %) is enough: III's 100 alone
        assertThat(SuppressionPlanner.plan(figures, relations, 3, 10).marks()).containsExactly(
                Map.entry("rodziny|I", Mark.SMALL), Map.entry("rodziny|III", Mark.SECONDARY),
                Map.entry("kwota|I", Mark.TIED), Map.entry("kwota|III", Mark.SECONDARY));
    }

    /**
     * Recipients are a distinct count: a person with benefits for families in two districts is once in the city.
     * City 10, district I 2 (small), II 9: 2 + 9 = 11 ≠ 10. As a cover (max ≤ 10 ≤ I + II) the reader learns
     * I ≥ 1 — nothing: I stays 1 or 2, so nothing else is hidden. Declared as a sum, the relation does not hold on
     * the data: a layout error, not a publication.
     */
    @Test
    void coverRelationIsNotASumAndAWrongSumFailsLoudly() {
        List<Figure> figures = List.of(count("I", 2), count("II", 9), count("miasto", 10));

        assertThat(SuppressionPlanner.plan(figures, List.of(Relation.cover("miasto", List.of("I", "II"))), 3, 20)
                .marks()).containsExactly(Map.entry("I", Mark.SMALL));
        assertThatThrownBy(() -> SuppressionPlanner.plan(figures, List.of(Relation.sum("miasto", List.of("I", "II"))),
                3, 20)).isInstanceOf(IllegalStateException.class).hasMessageContaining("miasto = Σ [I, II]");

        // a cover that happens to be a sum (11 = 2 + 9) is audited as one: I = 11 − 9, so II is hidden
        List<Figure> exact = List.of(count("I", 2), count("II", 9), count("miasto", 11));
        assertThat(SuppressionPlanner.plan(exact, List.of(Relation.cover("miasto", List.of("I", "II"))), 3, 20)
                .marks()).containsExactly(Map.entry("I", Mark.SMALL), Map.entry("II", Mark.SECONDARY));
        // an assumed relation that does not hold is left out (a reader using it would be wrong)
        assertThat(SuppressionPlanner.plan(figures,
                List.of(Relation.sum("miasto", List.of("I", "II")).asAssumed()), 3, 20).marks())
                .containsExactly(Map.entry("I", Mark.SMALL));
    }

    /**
     * Small counts that pin each other: the only two families with a reason, one in district V and one in VIII,
     * and the city total of the reason 2 — all three {@code <3}. V + VIII = total ≤ 2 with V, VIII ≥ 1: each is 1,
     * and no published value can change that. The total is masked (shown as {@code x}, so a reader does not know it
     * is below 3): then V + VIII = total ≥ 2 lets V be 2 (total 3).
     */
    @Test
    void smallCountsThatPinEachOtherAreProtectedByMaskingTheirTotal() {
        List<Figure> figures = List.of(count("V", 1), count("VIII", 1), count("I", 0), count("razem", 2));
        SuppressionPlanner.Plan plan = SuppressionPlanner.plan(figures,
                List.of(Relation.sum("razem", List.of("V", "VIII", "I"))), 3, 20);

        assertThat(plan.marks()).containsExactly(Map.entry("V", Mark.SMALL), Map.entry("VIII", Mark.SMALL),
                Map.entry("razem", Mark.MASKED));
        // the masked total: 2, 3 or 4 for a reader (3 standing for "3 or more")
        assertThat(plan.report().findings()).filteredOn(f -> f.key().equals("razem")).singleElement()
                .satisfies(f -> assertThat(f.possible()).containsExactly(2, 3));
    }

    /** zero is published, and a row of 0 + 0 + 12 = 12 has nothing to hide */
    @Test
    void zeroAndLargeValuesArePublished() {
        List<Figure> figures = List.of(count("t", 12), count("p1", 0), count("p2", 0), count("p3", 12));
        assertThat(SuppressionPlanner.plan(figures, List.of(Relation.sum("t", List.of("p1", "p2", "p3"))), 3, 20)
                .marks()).isEmpty();
    }

    /** the threshold comes from the configuration: with 5, counts 1–4 are small and must not be pinned either */
    @Test
    void thresholdIsAParameter() {
        // 4 + 16 = 20: the 4 is small, the only other part is hidden; then 4 + p2 = 20 with p2 ≥ 1 allows 1…4
        List<Figure> figures = List.of(count("t", 20), count("p1", 4), count("p2", 16));
        SuppressionPlanner.Plan plan = SuppressionPlanner.plan(figures,
                List.of(Relation.sum("t", List.of("p1", "p2"))), 5, 20);
        assertThat(plan.marks()).containsExactly(Map.entry("p1", Mark.SMALL), Map.entry("p2", Mark.SECONDARY));
        assertThat(plan.report().findings().get(0).possible()).containsExactly(1, 2, 3, 4);
        assertThat(plan.report().text()).contains("Próg: 5", "„<5”: 1\n");
    }

    /** the same input gives the same pattern and the same report bytes */
    @Test
    void planIsDeterministic() {
        List<Figure> figures = List.of(count("a", 1), count("b", 2), count("c", 5), count("d", 7), count("t", 15));
        List<Relation> relations = List.of(Relation.sum("t", List.of("a", "b", "c", "d")));
        SuppressionPlanner.Plan first = SuppressionPlanner.plan(figures, relations, 3, 20);
        SuppressionPlanner.Plan second = SuppressionPlanner.plan(figures, relations, 3, 20);
        assertThat(second.marks()).isEqualTo(first.marks());
        assertThat(second.report().bytes()).isEqualTo(first.report().bytes());
    }
}
