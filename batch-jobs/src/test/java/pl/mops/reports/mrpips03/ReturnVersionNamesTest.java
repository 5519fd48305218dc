package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;

/**
 * A version of a return named in the case its sentence needs: "względem sprawozdania pierwotnego" (genitive), not
 * "względem sprawozdanie pierwotne"; "ze sprawozdaniem … (korektą nr 1, złożoną)" (instrumental, the adjective
 * agreeing with the last noun); "sprawdzono 22 warunki", not "22 warunków".
 */
class ReturnVersionNamesTest {

    @Test
    void nominativeGenitiveAndInstrumental() {
        assertThat(names(stored(0, 1))).containsExactly("sprawozdanie pierwotne", "sprawozdania pierwotnego",
                "sprawozdaniem pierwotnym");
        assertThat(names(stored(1, 1))).containsExactly("korekta nr 1", "korekty nr 1", "korektą nr 1");
        assertThat(names(stored(2, 3))).containsExactly("korekta nr 2, wersja robocza 3", "korekty nr 2, wersji roboczej 3",
                "korektą nr 2, wersją roboczą 3");
        assertThat(names(stored(0, 2))).containsExactly("sprawozdanie pierwotne, wersja robocza 2",
                "sprawozdania pierwotnego, wersji roboczej 2", "sprawozdaniem pierwotnym, wersją roboczą 2");
    }

    @Test
    void submittedAgreesWithTheLastNoun() {
        assertThat(stored(0, 1).submittedInstrumental(true)).isEqualTo("złożonym");
        assertThat(stored(0, 1).submittedInstrumental(false)).isEqualTo("jeszcze niezłożonym");
        assertThat(stored(1, 1).submittedInstrumental(true)).isEqualTo("złożoną");
        assertThat(stored(0, 2).submittedInstrumental(false)).isEqualTo("jeszcze niezłożoną");
    }

    @Test
    void checkedConditionsAgreeWithTheirNumber() {
        assertThat(List.of(1L, 2L, 5L, 12L, 22L, 25L, 112L, 122L).stream().map(ReturnDocuments::conditions).toList())
                .containsExactly("1 warunek", "2 warunki", "5 warunków", "12 warunków", "22 warunki", "25 warunków",
                        "112 warunków", "122 warunki");
    }

    private static List<String> names(StoredReturn stored) {
        return List.of(stored.versionName(), stored.versionNameGenitive(), stored.versionNameInstrumental());
    }

    private static StoredReturn stored(int correction, int draft) {
        return new StoredReturn(1, 1, 1, ReturnPeriod.parse("2025-P"), 1, "MRPiPS-03", "2025.1", "00", correction, draft,
                null, null, null, List.of(), false, false);
    }
}
