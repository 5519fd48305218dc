package pl.mops.reports.importing.validation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pl.mops.reports.database.Dictionaries;

/** The dictionaries and closed code lists a row is checked against, loaded once per import. */
public record ImportDictionaries(Set<String> reasons, Map<String, Dictionaries.Form> forms,
        Map<String, Set<String>> subtypes, Map<String, String> districtByCodeOrNumber,
        Map<String, String> branchOfDistrict, Set<String> branches) {

    public static final List<String> SEXES = List.of("K", "M");
    public static final List<String> INCOME_SOURCES = List.of("EMERYTURA", "RENTA", "PRACA", "ZASILEK", "BRAK", "INNE");
    public static final List<String> AREAS = List.of("MIASTO", "WIES");
    public static final List<String> ROLES = List.of("WNIOSKODAWCA", "MALZONEK", "PARTNER", "DZIECKO", "INNY");
    public static final List<String> DECISION_KINDS = List.of("PRZYZNANIE", "ODMOWA", "ZMIANA", "UCHYLENIE");
    public static final List<String> TASKS = List.of("WLASNE", "ZLECONE");
    public static final List<String> FINANCING = List.of("DOTACJA", "SRODKI_WLASNE");

    public static ImportDictionaries load(Dictionaries dictionaries) {
        Set<String> reasons = new LinkedHashSet<>();
        dictionaries.reasons().forEach(r -> reasons.add(r.code()));
        Map<String, Dictionaries.Form> forms = new LinkedHashMap<>();
        dictionaries.forms().forEach(f -> forms.put(f.code(), f));
        Map<String, Set<String>> subtypes = new LinkedHashMap<>();
        dictionaries.subtypes().forEach(s -> subtypes.computeIfAbsent(s.form(), k -> new LinkedHashSet<>()).add(s.code()));
        Map<String, String> districts = new LinkedHashMap<>();
        Map<String, String> branchOf = new LinkedHashMap<>();
        dictionaries.districts().forEach(d -> {
            districts.put(d.code(), d.code());
            districts.put(String.valueOf(d.number()), d.code());
            branchOf.put(d.code(), d.branch());
        });
        Set<String> branches = new LinkedHashSet<>();
        dictionaries.branches().forEach(b -> branches.add(b.code()));
        return new ImportDictionaries(reasons, forms, subtypes, districts, branchOf, branches);
    }

    /** district codes as the user writes them: "I…XVIII" (or their numbers) */
    public Set<String> districtCodes() {
        return new LinkedHashSet<>(branchOfDistrict.keySet());
    }
}
