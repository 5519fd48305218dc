package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.PolishPlural;

class OzpsPolishPluralTest {

    private static String families(long n) {
        return n + " " + PolishPlural.of(n, "rodzina", "rodziny", "rodzin");
    }

    @Test
    void oneFewMany() {
        assertThat(families(0)).isEqualTo("0 rodzin");
        assertThat(families(1)).isEqualTo("1 rodzina");
        assertThat(families(2)).isEqualTo("2 rodziny");
        assertThat(families(4)).isEqualTo("4 rodziny");
        assertThat(families(5)).isEqualTo("5 rodzin");
        assertThat(families(11)).isEqualTo("11 rodzin");
        assertThat(families(12)).isEqualTo("12 rodzin");
        assertThat(families(14)).isEqualTo("14 rodzin");
        assertThat(families(21)).isEqualTo("21 rodzin");
        assertThat(families(22)).isEqualTo("22 rodziny");
        assertThat(families(101)).isEqualTo("101 rodzin");
        assertThat(families(112)).isEqualTo("112 rodzin");
        assertThat(families(1234)).isEqualTo("1234 rodziny");
        assertThat(families(1082)).isEqualTo("1082 rodziny");
        assertThat(families(1085)).isEqualTo("1085 rodzin");
    }
}
