package pl.mops.reports.importing.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every PESEL-like number (11 digits, not part of a longer number) is masked after its sixth digit. */
class PeselMaskTest {

    @Test
    void elevenDigitsAreMaskedWhereverTheyAre() {
        assertThat(Pesel.masked("80050112368")).isEqualTo("800501*****");
        assertThat(Pesel.masked("powtórzony identyfikator osoby 80050112368 (pierwsze wystąpienie w wierszu 11)"))
                .isEqualTo("powtórzony identyfikator osoby 800501***** (pierwsze wystąpienie w wierszu 11)");
        assertThat(Pesel.masked("80050112368;78021145639")).isEqualTo("800501*****;780211*****");
        assertThat(Pesel.masked("P80050112368x")).isEqualTo("P800501*****x");
    }

    @Test
    void otherNumbersStay() {
        assertThat(Pesel.masked("8005011236")).isEqualTo("8005011236"); // 10 digits
        assertThat(Pesel.masked("800501123689")).isEqualTo("800501123689"); // 12 digits: not a PESEL
        assertThat(Pesel.masked("kwota 1234.50")).isEqualTo("kwota 1234.50");
        assertThat(Pesel.masked("")).isEmpty();
        assertThat(Pesel.masked(null)).isNull();
    }
}
