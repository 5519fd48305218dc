package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import pl.mops.reports.cli.UserError;

/** The layout file format: what is read, and what is refused with a Polish message. */
class Mrpips03LayoutReaderTest {

    private static final String HEAD = """
            formularz: MRPiPS-03
            wersja: "T.1"
            rok_od: 2025
            tytul: "Test"
            kolumny:
              RODZINY: {miara: RODZINY, nazwa: "Rodziny"}
            dzialy:
              - kod: "4"
                nazwa: "Dział 4"
                zbior: RODZINY
                kolumny: [RODZINY]
                wiersze:
            """;

    private static Layout read(String rows) {
        return LayoutReader.read((HEAD + rows).getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void rowsWithParentsGetLevelsAndPredicates() {
        Layout layout = read("""
                      - {kod: Z_DZIECMI, nr: "7", nazwa: "Z dziećmi", warunek: {dzieci_min: 1}}
                      - {kod: Z_DZIECMI_2, nr: "9", nadrzedny: Z_DZIECMI, nazwa: "w tym 2", warunek: {dzieci_min: 1, dzieci: 2}}
                      - {kod: POWODY, nr: "10", nazwa: "x", warunek: {powod: [UBOSTWO, BEZROBOCIE], wielodzietna: true}}
                """);
        Layout.Section section = layout.sections().get(0);
        assertThat(section.rows()).extracting(Layout.Row::level).containsExactly(0, 1, 0);
        assertThat(section.rows().get(1).predicate().conditions()).extracting(Layout.Condition::attribute)
                .containsExactly(Attribute.DZIECI_MIN, Attribute.DZIECI);
        assertThat(section.rows().get(1).predicate().mayShrink()).isTrue();
        assertThat(section.rows().get(2).predicate().conditions().get(0).value()).isEqualTo(java.util.List.of("UBOSTWO", "BEZROBOCIE"));
        assertThat(layout.sha256()).hasSize(64);
    }

    @Test
    void unknownAttributesWrongValuesAndDanglingParentsAreRefused() {
        assertThatThrownBy(() -> read("      - {kod: A, nr: \"1\", nazwa: \"a\", warunek: {kolor: ZIELONY}}\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("nieznany atrybut warunku „kolor”");
        assertThatThrownBy(() -> read("      - {kod: A, nr: \"1\", nazwa: \"a\", warunek: {dzieci: dwa}}\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("liczbą całkowitą");
        assertThatThrownBy(() -> read("      - {kod: A, nr: \"1\", nazwa: \"a\", warunek: {forma: \"x'; DROP TABLE osoby; --\"}}\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("musi być kodem");
        assertThatThrownBy(() -> read("      - {kod: A, nr: \"1\", nadrzedny: B, nazwa: \"a\", warunek: {}}\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("wiersz nadrzędny B");
        assertThatThrownBy(() -> read("      - {kod: A, nr: \"1\", nazwa: \"a\"}\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("brak warunku");
    }

    @Test
    void familySectionsCannotCountRecipients() {
        String layout = HEAD.replace("kolumny: [RODZINY]", "kolumny: [OSOBY]")
                .replace("RODZINY: {miara: RODZINY, nazwa: \"Rodziny\"}", "OSOBY: {miara: OSOBY, nazwa: \"Osoby\"}")
                + "      - {kod: A, nr: \"1\", nazwa: \"a\", warunek: {}}\n";
        assertThatThrownBy(() -> LayoutReader.read(layout.getBytes(StandardCharsets.UTF_8), "test.yaml"))
                .isInstanceOf(UserError.class).hasMessageContaining("tylko kolumny rodzin");
    }
}
