package pl.mops.reports.importing.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** When an export looks incomplete (RowLoss): the rules and the Polish refusal, worked out by hand. */
class RowLossRulesTest {

    static final String TAIL = ". Jeśli eksport jest taki, jaki ma być, powtórz polecenie z opcją --potwierdz-ubytek."
            + " Nic nie zostało zapisane.";
    static final String HEAD = "Import wstrzymany — eksport wygląda na niepełny: ";

    private static RowLoss.FileCount file(String name, boolean required, long read, long loaded) {
        return new RowLoss.FileCount(name, required, read, loaded, null);
    }

    private static RowLoss.Previous previous(long id, Object... fileAndRows) {
        Map<String, Long> loaded = new LinkedHashMap<>();
        for (int i = 0; i < fileAndRows.length; i += 2) {
            loaded.put((String) fileAndRows[i], ((Number) fileAndRows[i + 1]).longValue());
        }
        return new RowLoss.Previous(id, loaded);
    }

    @Test
    void aCompleteExportIsNotRefused() {
        assertThat(RowLoss.refusal(List.of(file("osoby.csv", true, 10, 9), file("plan.csv", false, 0, 0)), null)).isNull();
        // an optional file with only its header says "nothing of this kind"
        assertThat(RowLoss.refusal(List.of(file("kontrakty.csv", false, 0, 0)), null)).isNull();
    }

    @Test
    void aRequiredFileWithoutDataRowsIsRefused() {
        assertThat(RowLoss.refusal(List.of(file("osoby.csv", true, 0, 0)), null)).isEqualTo(HEAD
                + "plik osoby.csv ma nagłówek, ale ani jednego wiersza danych (plik jest wymagany przez kontrakt)" + TAIL);
        // with a previous snapshot that had its rows: one problem for the file, naming them
        assertThat(RowLoss.refusal(List.of(file("osoby.csv", true, 0, 0)), previous(7, "osoby.csv", 1129))).isEqualTo(HEAD
                + "plik osoby.csv ma nagłówek, ale ani jednego wiersza danych (plik jest wymagany przez kontrakt) — "
                + "poprzednia migawka nr 7 ma z niego 1 129 wierszy" + TAIL);
    }

    @Test
    void aFileWhoseEveryRowWasRejectedIsRefusedWithItsFirstProblem() {
        RowLoss.FileCount persons = new RowLoss.FileCount("osoby.csv", true, 444, 0,
                "wiersz 2, kolumna pesel: błędna cyfra kontrolna numeru PESEL");
        assertThat(RowLoss.refusal(List.of(persons), null)).isEqualTo(HEAD + "w pliku osoby.csv odrzucono wszystkie "
                + "wiersze (444) i nie wczytano żadnego — pierwszy problem: wiersz 2, kolumna pesel: błędna cyfra "
                + "kontrolna numeru PESEL" + TAIL);
    }

    @Test
    void lessThanHalfOfThePreviousRowsIsALoss() {
        // 120 of 1 129: 1 009 lost = 89.4 % → "89 %"
        assertThat(RowLoss.refusal(List.of(file("osoby.csv", true, 130, 120)), previous(7, "osoby.csv", 1129)))
                .isEqualTo(HEAD + "z pliku osoby.csv wczytano 120 wierszy, a poprzednia migawka nr 7 ma z niego "
                        + "1 129 wierszy — ubyło 89 % (próg: migawka musi zachować co najmniej 50 % wierszy każdego "
                        + "pliku poprzedniej)" + TAIL);
        // exactly half is kept: not a loss; one row fewer is
        assertThat(RowLoss.refusal(List.of(file("plan.csv", false, 2, 2)), previous(3, "plan.csv", 4))).isNull();
        assertThat(RowLoss.refusal(List.of(file("plan.csv", false, 1, 1)), previous(3, "plan.csv", 2))).isNull();
        assertThat(RowLoss.refusal(List.of(file("plan.csv", false, 1, 1)), previous(3, "plan.csv", 3))).isEqualTo(HEAD
                + "z pliku plan.csv wczytano 1 wiersz, a poprzednia migawka nr 3 ma z niego 3 wiersze — ubyło 66 % "
                + "(próg: migawka musi zachować co najmniej 50 % wierszy każdego pliku poprzedniej)" + TAIL);
        // more rows than before, or a file the previous snapshot did not have: nothing lost
        assertThat(RowLoss.refusal(List.of(file("osoby.csv", true, 2000, 2000), file("kontrakty.csv", false, 3, 3)),
                previous(7, "osoby.csv", 1129))).isNull();
    }

    @Test
    void aFileTheExportNoLongerHasIsALossOfAllItsRows() {
        assertThat(RowLoss.refusal(List.of(file("osoby.csv", true, 9, 9)), previous(2, "osoby.csv", 9, "plan.csv", 3)))
                .isEqualTo(HEAD + "pliku plan.csv nie ma w eksporcie, a poprzednia migawka nr 2 ma z niego 3 wiersze" + TAIL);
    }

    @Test
    void everyFileIsNamedInOneMessage() {
        List<RowLoss.FileCount> files = List.of(file("osoby.csv", true, 0, 0), new RowLoss.FileCount("rodziny.csv",
                true, 4, 0, "wiersz 2, kolumna dzielnica: nieznany kod dzielnicy „XX”"), file("decyzje.csv", true, 22, 22),
                file("praca_socjalna.csv", true, 5, 4));
        assertThat(RowLoss.refusal(files, previous(5, "osoby.csv", 9, "decyzje.csv", 21, "praca_socjalna.csv", 12)))
                .isEqualTo(HEAD + "plik osoby.csv ma nagłówek, ale ani jednego wiersza danych (plik jest wymagany przez "
                        + "kontrakt) — poprzednia migawka nr 5 ma z niego 9 wierszy; w pliku rodziny.csv odrzucono "
                        + "wszystkie wiersze (4) i nie wczytano żadnego — pierwszy problem: wiersz 2, kolumna dzielnica: "
                        + "nieznany kod dzielnicy „XX”; z pliku praca_socjalna.csv wczytano 4 wiersze, a poprzednia "
                        + "migawka nr 5 ma z niego 12 wierszy — ubyło 66 % (próg: migawka musi zachować co najmniej 50 % "
                        + "wierszy każdego pliku poprzedniej)" + TAIL);
    }

    @Test
    void polishPluralsOfRows() {
        assertThat(List.of(1L, 2L, 4L, 5L, 12L, 14L, 22L, 25L, 112L, 1129L).stream().map(RowLoss::rows).toList())
                .containsExactly("1 wiersz", "2 wiersze", "4 wiersze", "5 wierszy", "12 wierszy", "14 wierszy",
                        "22 wiersze", "25 wierszy", "112 wierszy", "1 129 wierszy");
    }
}
