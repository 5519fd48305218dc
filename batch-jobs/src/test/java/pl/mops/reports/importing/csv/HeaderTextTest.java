package pl.mops.reports.importing.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Messages about a header never quote case data: names of columns only, and only when the line looks like a header. */
class HeaderTextTest {

    @Test
    void columnNamesLookLikeNamesAndDataDoesNot() {
        assertThat(List.of("osoba_id", "Data urodzenia", "kwota (zł)", "uwagi-2", "teren/wieś", "udział %", "_x", ""))
                .allMatch(HeaderText::looksLikeName);
        assertThat(List.of("80050112368", "1980-05-01", "P001", "12", "x".repeat(41), "a=b", "kontrakt\u0085R1", "=1+1"))
                .noneMatch(HeaderText::looksLikeName);
    }

    @Test
    void aHeaderIsQuotedAndADataRowIsNot() {
        assertThat(HeaderText.quotable("rodzina_id;filia;teren")).isEqualTo("rodzina_id;filia;teren");
        assertThat(HeaderText.quotable("rok\tforma\tkwota_planu")).isEqualTo("rok\tforma\tkwota_planu");
        assertThat(HeaderText.quotable("\"rok\",\"forma\"")).isEqualTo("\"rok\",\"forma\"");
        assertThat(HeaderText.quotable("P01;80050112368;1980-05-01;K;PL;PRACA")).isNull();
        String longHeader = String.join(";", java.util.Collections.nCopies(20, "kolumna_x"));
        assertThat(HeaderText.quotable(longHeader)).hasSize(121).endsWith("…");
    }

    @Test
    void unknownColumnsAreNamedOnlyInAHeaderThatLooksLikeOne() {
        List<String> header = List.of("osoba_id", "pesel", "uwagi", " ");
        assertThat(HeaderText.unknownColumns(List.of("uwagi", " "), List.of(3, 4), header))
                .isEqualTo("pominięto nieznane kolumny: uwagi, (kolumna nr 4 bez nazwy)");
        // a header joined with rows: 444 PESEL numbers must not appear in the summary
        List<String> joined = new ArrayList<>(List.of("osoba_id", "pesel", "data_urodzenia", "plec"));
        List<String> unknown = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < 444; i++) {
            String pesel = String.format("800501%05d", i);
            joined.add(pesel);
            unknown.add(pesel);
            positions.add(joined.size());
        }
        String remark = HeaderText.unknownColumns(unknown, positions, joined);
        assertThat(remark).isEqualTo("pominięto nieznane kolumny: 444 — ich nazw nie cytuję, bo nagłówek zawiera "
                + "wartości wyglądające na dane, a nie nazwy kolumn (sprawdź, czy plik zaczyna się wierszem nagłówka "
                + "i czy wiersze kończą się znakiem LF, CRLF albo CR)").doesNotContainPattern("\\d{6}");
    }

    @Test
    void atMostTenNamesAreListed() {
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            names.add("dodatkowa_" + (char) ('a' + i - 1));
            positions.add(i + 1);
        }
        List<String> header = new ArrayList<>(List.of("osoba_id"));
        header.addAll(names);
        assertThat(HeaderText.unknownColumns(names, positions, header)).isEqualTo("pominięto nieznane kolumny: "
                + "dodatkowa_a, dodatkowa_b, dodatkowa_c, dodatkowa_d, dodatkowa_e, dodatkowa_f, dodatkowa_g, "
                + "dodatkowa_h, dodatkowa_i, dodatkowa_j i 2 innych");
    }
}
