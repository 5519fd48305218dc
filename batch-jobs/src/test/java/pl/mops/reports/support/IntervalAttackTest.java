package pl.mops.reports.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The test-side attacker finds what a reader can narrow down (so that its silence on the real reports means something). */
class IntervalAttackTest {

    @Test
    void sumOfTwoHiddenAmounts() {
        IntervalAttack attack = new IntervalAttack(3);
        attack.published("t", 10);
        attack.hidden("a", IntervalAttack.Kind.INTEGER);
        attack.hidden("b", IntervalAttack.Kind.AMOUNT);
        attack.sum("t", List.of("a", "b"));
        Map<String, IntervalAttack.Range> ranges = attack.ranges();
        assertThat(ranges.get("a").min()).isEqualTo(0);
        assertThat(ranges.get("a").max()).isEqualTo(10);
    }

    /** Commons Math 3.6.1 with NonNegativeConstraint(true) answers 0 here; the attack must not */
    @Test
    void threeHiddenBenefitsAndZeros() {
        IntervalAttack attack = new IntervalAttack(3);
        attack.published("t", 5);
        attack.published("z1", 0);
        attack.published("z2", 0);
        attack.hidden("a", IntervalAttack.Kind.INTEGER);
        attack.hidden("b", IntervalAttack.Kind.INTEGER);
        attack.hidden("c", IntervalAttack.Kind.INTEGER);
        attack.sum("t", List.of("a", "b", "c", "z1", "z2"));
        Map<String, IntervalAttack.Range> ranges = attack.ranges();
        assertThat(ranges.get("b").min()).isEqualTo(0);
        assertThat(ranges.get("b").max()).isEqualTo(5);
    }
}
