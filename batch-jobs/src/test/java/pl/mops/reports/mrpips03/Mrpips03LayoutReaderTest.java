package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.system.UserError;

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

    static Layout packaged(String version) {
        try (java.io.InputStream in = Mrpips03LayoutReaderTest.class.getClassLoader()
                .getResourceAsStream("report-templates/mrpips03/" + version + ".yaml")) {
            return LayoutReader.read(in.readAllBytes(), version + ".yaml");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void layout2025Point2HasEveryRowOfTheSpecWithItsOwnColumnsFactSetsAndParents() {
        Layout layout = packaged("2025.2");
        assertThat(layout.version()).isEqualTo("2025.2");
        assertThat(layout.fromYear()).isEqualTo(2025);
        assertThat(layout.cashBySubtype()).isTrue();
        assertThat(packaged("2025.1").cashBySubtype()).isFalse();
        assertThat(layout.sections()).extracting(Layout.Section::code).containsExactly("1A", "1B", "2", "3", "4");

        Layout.Section s1a = layout.section("1A").orElseThrow();
        assertThat(s1a.rows()).extracting(Layout.Row::code).containsSubsequence("POMOC_CUDZOZIEMCOM",
                "POMOC_CUDZOZIEMCOM_ZASILEK_CELOWY", "POMOC_CUDZOZIEMCOM_SCHRONIENIE", "POMOC_CUDZOZIEMCOM_POSILEK",
                "POMOC_CUDZOZIEMCOM_UBRANIE");
        assertThat(s1a.row("POMOC_CUDZOZIEMCOM_UBRANIE").orElseThrow().parent()).isEqualTo("POMOC_CUDZOZIEMCOM");

        Layout.Section s1b = layout.section("1B").orElseThrow();
        assertThat(s1b.columns()).extracting(Layout.Column::code).containsExactly("OSOBY", "SWIADCZENIA", "KWOTA",
                "KWOTA_DOTACJA", "KWOTA_SRODKI_WLASNE", "RODZINY", "OSOBY_W_RODZINACH");
        // only ZASILEK_OKRESOWY has the financing split
        assertThat(s1b.rows()).filteredOn(r -> r.hasColumn("KWOTA_DOTACJA")).extracting(Layout.Row::code)
                .containsExactly("ZASILEK_OKRESOWY");
        assertThat(s1b.row("ZASILEK_OKRESOWY_BEZROBOCIE").orElseThrow().columns()).extracting(Layout.Column::code)
                .containsExactly("OSOBY", "SWIADCZENIA", "KWOTA", "RODZINY", "OSOBY_W_RODZINACH");
        assertThat(s1b.column("KWOTA_DOTACJA").orElseThrow().predicate().conditions())
                .containsExactly(new Layout.Condition(Attribute.FINANSOWANIE, "DOTACJA"));
        // ZASILEK_CELOWY, POMOC_RZECZOWA and every ZASILEK_CELOWY_* row stand under ZASILKI_CELOWE_I_W_NATURZE
        assertThat(s1b.rows()).filteredOn(r -> r.code().startsWith("ZASILEK_CELOWY") || r.code().equals("POMOC_RZECZOWA"))
                .extracting(Layout.Row::parent).hasSize(7).containsOnly("ZASILKI_CELOWE_I_W_NATURZE");
        assertThat(s1b.row("ZASILKI_CELOWE_I_W_NATURZE").orElseThrow().predicate().conditions())
                .containsExactly(new Layout.Condition(Attribute.FORMA, List.of("ZASILEK_CELOWY", "POMOC_RZECZOWA")));
        assertThat(s1b.row("POSILEK_DZIECI_DORAZNIE").orElseThrow().level()).isEqualTo(2);
        for (String code : List.of("ZASILEK_STALY_SAMOTNI", "ZASILEK_STALY_W_RODZINIE", "ZASILEK_OKRESOWY_NIEZALEZNIE_OD_DOCHODU",
                "ZASILKI_CELOWE_I_W_NATURZE", "POMOC_RZECZOWA", "ZASILEK_CELOWY_BEZDOMNI", "POSILEK_DORAZNIE",
                "POSILEK_DZIECI_DORAZNIE", "PRODUKTY_ZYWNOSCIOWE", "PRODUKTY_ZYWNOSCIOWE_DORAZNIE",
                "SCHRONIENIE_KRYZYS_MASOWY", "USLUGI_OPIEKUNCZE_DZIECI", "SKLADKA_EMERYTALNA_RENTOWA")) {
            assertThat(s1b.row(code)).as(code).isPresent();
        }
        assertThat(s1b.row("ZASILEK_STALY_SAMOTNI").orElseThrow().predicate().conditions())
                .containsExactly(new Layout.Condition(Attribute.FORMA, "ZASILEK_STALY"),
                        new Layout.Condition(Attribute.GOSPODARSTWO, "SAMOTNIE"));
        assertThat(s1b.row("ZASILEK_STALY_SAMOTNI").orElseThrow().predicate().mayShrink()).isTrue();
        assertThat(s1b.row("USLUGI_OPIEKUNCZE_DZIECI").orElseThrow().predicate().mayShrink()).isFalse();

        Layout.Section s2 = layout.section("2").orElseThrow();
        assertThat(s2.row("KONTRAKT_SOCJALNY")).isEmpty();
        Layout.Row contracts = s2.row("KONTRAKTY_SOCJALNE").orElseThrow();
        assertThat(contracts.factSet()).isEqualTo(Layout.FactSet.KONTRAKTY);
        assertThat(contracts.columns()).extracting(Layout.Column::code).containsExactly("KONTRAKTY", "OSOBY_OBJETE");
        for (String code : List.of("INTERWENCJA_KRYZYSOWA", "PORADNICTWO_SPECJALISTYCZNE", "PORADNICTWO_SPECJALISTYCZNE_PRAWNE",
                "PORADNICTWO_SPECJALISTYCZNE_PSYCHOLOGICZNE", "PORADNICTWO_SPECJALISTYCZNE_RODZINNE")) {
            Layout.Row row = s2.row(code).orElseThrow();
            assertThat(row.factSet()).as(code).isEqualTo(Layout.FactSet.WSPARCIE);
            assertThat(row.columns()).extracting(Layout.Column::code).as(code).containsExactly("RODZINY", "OSOBY");
        }
        assertThat(s2.row("OGOLEM").orElseThrow().factSet()).isEqualTo(Layout.FactSet.RODZINY);
        assertThat(layout.optionalFactSets()).containsExactlyInAnyOrder(Layout.FactSet.KONTRAKTY, Layout.FactSet.WSPARCIE);
        // sections 3 and 4 as in 2025.1
        Layout old = packaged("2025.1");
        for (String section : List.of("3", "4")) {
            assertThat(layout.section(section).orElseThrow().rows()).isEqualTo(old.section(section).orElseThrow().rows());
        }

        assertThat(layout.counters()).extracting(Layout.Counter::code)
                .containsExactly("ZASILEK_STALY_WG_LICZBY_OSOB", "ZASILEK_OKRESOWY_BEZ_FINANSOWANIA");
        Layout.Rule funding = layout.rules().stream().filter(r -> r.code().equals("R12")).findFirst().orElseThrow();
        assertThat(funding.kind()).isEqualTo(Layout.RuleKind.KOLUMNY);
        assertThat(funding.counter()).isEqualTo("ZASILEK_OKRESOWY_BEZ_FINANSOWANIA");
        Layout.Rule contractsRule = layout.rules().stream().filter(r -> r.code().equals("R13")).findFirst().orElseThrow();
        assertThat(contractsRule.kind()).isEqualTo(Layout.RuleKind.KOMORKI);
        assertThat(contractsRule.review()).isTrue();
        assertThat(layout.rules().stream().filter(r -> r.kind() == Layout.RuleKind.POPRZEDNI_OKRES).findFirst()
                .orElseThrow().columns()).contains("KWOTA_DOTACJA", "KWOTA_SRODKI_WLASNE", "KONTRAKTY", "OSOBY_OBJETE");
    }

    private static final String SECTION_2 = """
            formularz: MRPiPS-03
            wersja: "T.2"
            rok_od: 2025
            tytul: "Test"
            kolumny:
              RODZINY: {miara: RODZINY, nazwa: "Rodziny"}
              OSOBY: {miara: OSOBY, nazwa: "Osoby"}
              KONTRAKTY: {miara: KONTRAKTY, nazwa: "Kontrakty"}
              OSOBY_OBJETE: {miara: OSOBY_OBJETE, nazwa: "Objęte"}
            liczniki:
              - {kod: L1, opis: "Licznik", warunek: {bez_podtypu: true}}
            dzialy:
              - kod: "2"
                nazwa: "Dział 2"
                zbior: RODZINY
                kolumny: [RODZINY, OSOBY, KONTRAKTY, OSOBY_OBJETE]
                kolumny_wiersza: [RODZINY]
                wiersze:
                  - {kod: A, nr: "1", nazwa: "a", warunek: {}}
                  - {kod: K, nr: "2", nazwa: "k", zbior: KONTRAKTY, kolumny: [KONTRAKTY, OSOBY_OBJETE], warunek: {}}
                  - {kod: W, nr: "3", nazwa: "w", zbior: WSPARCIE, kolumny: [RODZINY, OSOBY], warunek: {}}
            """;

    private static Layout read2(String text) {
        return LayoutReader.read(text.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void rowColumnsFactSetsCountersAndCellRulesAreRead() {
        Layout layout = read2(SECTION_2 + """
                reguly:
                  - {kod: R1, rodzaj: KOMORKI, lewa: ["2/K/KONTRAKTY"], relacja: "<=", prawa: ["2/A/RODZINY"], do_przegladu: true, opis: "o", wyjasnienie: "w"}
                  - {kod: R2, rodzaj: KOLUMNY, dzialy: ["2"], lewa: [RODZINY], relacja: "<=", prawa: [OSOBY], licznik: L1, opis: "o", wyjasnienie: "w"}
                """);
        Layout.Section section = layout.sections().get(0);
        assertThat(section.row("A").orElseThrow().columns()).extracting(Layout.Column::code).containsExactly("RODZINY");
        assertThat(section.row("W").orElseThrow().columns()).extracting(Layout.Column::code).containsExactly("RODZINY", "OSOBY");
        assertThat(layout.rules().get(0).review()).isTrue();
        assertThat(layout.rules().get(1).counter()).isEqualTo("L1");
        assertThat(layout.counters().get(0).predicate().conditions()).extracting(Layout.Condition::attribute)
                .containsExactly(Attribute.BEZ_PODTYPU);
    }

    @Test
    void rowColumnsThatDoNotSuitTheFactSetOrTheSectionAndBadCellRulesAreRefused() {
        assertThatThrownBy(() -> read2(SECTION_2.replace("kolumny: [KONTRAKTY, OSOBY_OBJETE], warunek: {}}",
                "kolumny: [KONTRAKTY, OSOBY_OBJETE], warunek: {}}").replace("zbior: WSPARCIE, kolumny: [RODZINY, OSOBY]",
                "zbior: WSPARCIE, kolumny: [RODZINY, KONTRAKTY]")))
                .isInstanceOf(UserError.class).hasMessageContaining("wiersz W: wiersz zbioru WSPARCIE może mieć tylko kolumny miar");
        assertThatThrownBy(() -> read2(SECTION_2.replace("kolumny: [RODZINY, OSOBY], warunek: {}}",
                "kolumny: [RODZINY, OSOBY_W_RODZINACH], warunek: {}}")))
                .isInstanceOf(UserError.class).hasMessageContaining("nie jest zdefiniowana");
        assertThatThrownBy(() -> read2(SECTION_2.replace("kolumny_wiersza: [RODZINY]", "kolumny_wiersza: [RODZINY, OSOBY]")))
                .isInstanceOf(UserError.class).hasMessageContaining("wiersz A: dział rodzin (zbior: RODZINY) może mieć tylko "
                        + "kolumny rodzin");
        assertThatThrownBy(() -> read2(SECTION_2.replace("zbior: KONTRAKTY, kolumny", "zbior: KONTRAKTY_X, kolumny")))
                .isInstanceOf(UserError.class).hasMessageContaining("nieznana wartość „KONTRAKTY_X”");
        assertThatThrownBy(() -> read2(SECTION_2 + """
                reguly:
                  - {kod: R1, rodzaj: KOMORKI, lewa: ["2/K/RODZINY"], relacja: "<=", prawa: ["2/A/RODZINY"], opis: "o", wyjasnienie: "w"}
                """)).isInstanceOf(UserError.class).hasMessageContaining("wiersz 2/K nie ma kolumny RODZINY");
        assertThatThrownBy(() -> read2(SECTION_2 + """
                reguly:
                  - {kod: R1, rodzaj: KOMORKI, lewa: ["2/K"], relacja: "<=", prawa: ["2/A/RODZINY"], opis: "o", wyjasnienie: "w"}
                """)).isInstanceOf(UserError.class).hasMessageContaining("DZIAŁ/KOD/KOLUMNA");
        assertThatThrownBy(() -> read2(SECTION_2 + """
                reguly:
                  - {kod: R1, rodzaj: W_TYM, licznik: L9, opis: "o", wyjasnienie: "w"}
                """)).isInstanceOf(UserError.class).hasMessageContaining("nie ma licznika L9");
        assertThatThrownBy(() -> read2(SECTION_2 + """
                reguly:
                  - {kod: R1, rodzaj: WIERSZE, kolumny: [OSOBY], lewa: ["2/A"], relacja: "<=", prawa: ["2/W"], opis: "o", wyjasnienie: "w"}
                """)).isInstanceOf(UserError.class).hasMessageContaining("wiersz 2/A nie ma kolumny OSOBY");
        assertThatThrownBy(() -> read2(SECTION_2.replace("pieniezne", "x").replace("rok_od: 2025",
                "rok_od: 2025\npieniezne_wedlug: PODTYP")))
                .isInstanceOf(UserError.class).hasMessageContaining("pieniezne_wedlug");
    }
}
