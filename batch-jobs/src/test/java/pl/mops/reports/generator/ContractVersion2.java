package pl.mops.reports.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.generator.GeneratorDictionaries.Form;

/**
 * The codes contract version 2 adds to the dictionaries ({@code shared/spec/interchange.md}, "Additions (contract
 * version 2)"), written out here from the contract, so the generator's version-2 output can be tested whether or not
 * the dictionaries shipped in {@code config/} of this build have them yet ({@code formy-wersja-2.csv},
 * {@code podtypy-wersja-2.csv}, {@code cechy.csv}; once they do, adding them changes nothing).
 */
final class ContractVersion2 {

    static final List<String> NEW_FORMS = List.of("POMOC_RZECZOWA", "PRODUKTY_ZYWNOSCIOWE", "SKLADKA_EMERYTALNA_RENTOWA");
    static final Map<String, List<String>> NEW_SUBTYPES = new LinkedHashMap<>();
    static final List<String> MARKERS = List.of("DORAZNIE", "KRYZYS_MASOWY", "NIEZALEZNIE_OD_DOCHODU", "PROGRAM_POSILEK");
    static final List<String> SUPPORT_KINDS = List.of("INTERWENCJA_KRYZYSOWA", "PORADNICTWO_PRAWNE",
            "PORADNICTWO_PSYCHOLOGICZNE", "PORADNICTWO_RODZINNE");

    static {
        NEW_SUBTYPES.put("ZASILEK_STALY", List.of("SAMOTNIE", "W_RODZINIE"));
        NEW_SUBTYPES.put("POMOC_CUDZOZIEMCOM", List.of("ZASILEK_CELOWY", "SCHRONIENIE", "POSILEK", "UBRANIE"));
    }

    private ContractVersion2() {
    }

    /** the dictionaries of {@code config/} with the codes of contract version 2 they do not have yet */
    static GeneratorDictionaries dictionaries() {
        List<Form> forms = NEW_FORMS.stream().map(code -> new Form(code, "WLASNE", false, 0)).toList();
        return GeneratorDictionaries.fromClasspath().with(forms, NEW_SUBTYPES, MARKERS);
    }

    /** a generator of those dictionaries */
    static SyntheticDataGenerator generator() {
        return new SyntheticDataGenerator(dictionaries());
    }
}
