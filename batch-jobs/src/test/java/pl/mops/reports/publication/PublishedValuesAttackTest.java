package pl.mops.reports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.support.PublishedValuesAttack;

/** The test-side attacker finds what a reader can compute (so that its silence on the real reports means something). */
class PublishedValuesAttackTest {

    private static PublishedValuesAttack twoByTwo(String... hidden) {
        PublishedValuesAttack attack = new PublishedValuesAttack();
        attack.sum("r1", List.of("a11", "a12"));
        attack.sum("r2", List.of("a21", "a22"));
        attack.sum("c1", List.of("a11", "a21"));
        attack.sum("c2", List.of("a12", "a22"));
        attack.sum("g", List.of("r1", "r2"));
        for (String cell : hidden) {
            attack.hidden(cell);
        }
        return attack;
    }

    @Test
    void singleHiddenCellIsComputedFromItsRow() {
        assertThat(twoByTwo("a11").pinnedDown()).containsExactly("a11");
    }

    @Test
    void hiddenRowPairIsComputedFromTheColumns() {
        assertThat(twoByTwo("a11", "a12").pinnedDown()).containsExactlyInAnyOrder("a11", "a12");
    }

    @Test
    void rectangleIsSafe() {
        assertThat(twoByTwo("a11", "a12", "a21", "a22").pinnedDown()).isEmpty();
    }

    @Test
    void hiddenTotalsAndCellsChainedThroughSeveralRelations() {
        // r1 and a11 hidden: c1 = a11 + a21 gives a11, then r1 = a11 + a12 gives r1
        assertThat(twoByTwo("a11", "r1").pinnedDown()).containsExactlyInAnyOrder("a11", "r1");
        PublishedValuesAttack difference = new PublishedValuesAttack();
        difference.difference("change", "now", "before");
        difference.hidden("before");
        difference.hidden("change");
        assertThat(difference.pinnedDown()).isEmpty();
        difference.equal("before", "elsewhere");
        assertThat(difference.pinnedDown()).containsExactlyInAnyOrder("before", "change");
    }
}
