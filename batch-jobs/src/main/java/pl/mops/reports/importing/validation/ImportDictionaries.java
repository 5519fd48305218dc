package pl.mops.reports.importing.validation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pl.mops.reports.database.Dictionaries;

/**
 * The dictionaries and closed code lists a row is checked against, loaded once per import.
 *
 * @param subtypeEntries every sub-type with its cash override and contract version (the map {@code subtypes} has
 *                       their codes by form)
 * @param markers        the markers' dictionary ({@code cechy}, contract version 2), code → name
 */
public record ImportDictionaries(Set<String> reasons, Map<String, Dictionaries.Form> forms,
        Map<String, Set<String>> subtypes, Map<String, String> districtByCodeOrNumber,
        Map<String, String> branchOfDistrict, Set<String> branches, List<Dictionaries.Subtype> subtypeEntries,
        Map<String, String> markers) {

    public static final List<String> SEXES = List.of("K", "M");
    public static final List<String> INCOME_SOURCES = List.of("EMERYTURA", "RENTA", "PRACA", "ZASILEK", "BRAK", "INNE");
    public static final List<String> AREAS = List.of("MIASTO", "WIES");
    public static final List<String> ROLES = List.of("WNIOSKODAWCA", "MALZONEK", "PARTNER", "DZIECKO", "INNY");
    public static final List<String> DECISION_KINDS = List.of("PRZYZNANIE", "ODMOWA", "ZMIANA", "UCHYLENIE");
    public static final List<String> TASKS = List.of("WLASNE", "ZLECONE");
    public static final List<String> FINANCING = List.of("DOTACJA", "SRODKI_WLASNE");
    /** {@code wsparcie.rodzaj} (contract version 2; the table's CHECK constraint has the same list) */
    public static final List<String> SUPPORT_KINDS = List.of("INTERWENCJA_KRYZYSOWA", "PORADNICTWO_PRAWNE",
            "PORADNICTWO_PSYCHOLOGICZNE", "PORADNICTWO_RODZINNE");

    public static ImportDictionaries load(Dictionaries dictionaries) {
        Set<String> reasons = new LinkedHashSet<>();
        dictionaries.reasons().forEach(r -> reasons.add(r.code()));
        Map<String, Dictionaries.Form> forms = new LinkedHashMap<>();
        dictionaries.forms().forEach(f -> forms.put(f.code(), f));
        List<Dictionaries.Subtype> subtypeEntries = dictionaries.subtypes();
        Map<String, Set<String>> subtypes = new LinkedHashMap<>();
        subtypeEntries.forEach(s -> subtypes.computeIfAbsent(s.form(), k -> new LinkedHashSet<>()).add(s.code()));
        Map<String, String> districts = new LinkedHashMap<>();
        Map<String, String> branchOf = new LinkedHashMap<>();
        dictionaries.districts().forEach(d -> {
            districts.put(d.code(), d.code());
            districts.put(String.valueOf(d.number()), d.code());
            branchOf.put(d.code(), d.branch());
        });
        Set<String> branches = new LinkedHashSet<>();
        dictionaries.branches().forEach(b -> branches.add(b.code()));
        Map<String, String> markers = new LinkedHashMap<>();
        dictionaries.markers().forEach(m -> markers.put(m.code(), m.name()));
        return new ImportDictionaries(reasons, forms, subtypes, districts, branchOf, branches, List.copyOf(subtypeEntries),
                markers);
    }

    /** district codes as the user writes them: "I…XVIII" (or their numbers) */
    public Set<String> districtCodes() {
        return new LinkedHashSet<>(branchOfDistrict.keySet());
    }

    /** the forms that only contract version 2 has (a row using one makes the export a version-2 export) */
    public Set<String> version2Forms() {
        Set<String> codes = new LinkedHashSet<>();
        forms.values().stream().filter(f -> f.contractVersion() >= 2).forEach(f -> codes.add(f.code()));
        return codes;
    }

    /** the sub-types that only contract version 2 has, as {@code FORMA/PODTYP} */
    public Set<String> version2Subtypes() {
        Set<String> keys = new LinkedHashSet<>();
        subtypeEntries.stream().filter(s -> s.contractVersion() >= 2).forEach(s -> keys.add(s.form() + "/" + s.code()));
        return keys;
    }

    /**
     * The dictionaries as the fingerprint of an export of contract version {@code contractVersion} covers them
     * (SnapshotImporter.fingerprint).
     * <ul>
     * <li>Version 1: the version-1 codes only (forms and sub-types of version 2 left out, no sub-type cash flags, no
     * markers), serialised exactly as this record's {@code toString} serialised the dictionaries before contract
     * version 2 existed — a version-1 export keeps the fingerprint it had. Everything a version-1 export's rows are
     * checked against is in it: a change of a version-1 code, name, task or cash flag, a district or a branch, or a
     * code added to formy.csv or podtypy.csv changes the fingerprint.</li>
     * <li>Version 2: everything — every code as above, then the version-2 codes, the sub-types' cash flags and the
     * markers.</li>
     * </ul>
     */
    public String fingerprintText(int contractVersion) {
        if (contractVersion == 1) {
            return legacyText(1);
        }
        StringBuilder out = new StringBuilder("wersja 2 ").append(legacyText(2));
        out.append(" formy wersji 2=").append(forms.values().stream().filter(f -> f.contractVersion() >= 2)
                .map(Dictionaries.Form::code).toList());
        out.append(", podtypy=").append(subtypeEntries.stream().map(s -> s.form() + "/" + s.code() + "[pieniezna="
                + (s.cashOverride() == null ? "" : s.cashOverride() ? "1" : "0") + ", wersja=" + s.contractVersion() + "]")
                .toList());
        out.append(", cechy=").append(markers);
        out.append(", rodzaje wsparcia=").append(SUPPORT_KINDS);
        return out.toString();
    }

    /**
     * The text of the record as it was before contract version 2 (components reasons, forms, subtypes,
     * districtByCodeOrNumber, branchOfDistrict, branches; a form as {@code Form[code=…, name=…, task=…, cash=…]}),
     * over the codes of contract versions up to {@code upTo}.
     */
    private String legacyText(int upTo) {
        Map<String, String> legacyForms = new LinkedHashMap<>();
        forms.values().stream().filter(f -> f.contractVersion() <= upTo).forEach(f -> legacyForms.put(f.code(),
                "Form[code=" + f.code() + ", name=" + f.name() + ", task=" + f.task() + ", cash=" + f.cash() + "]"));
        Map<String, Set<String>> legacySubtypes = new LinkedHashMap<>();
        subtypeEntries.stream().filter(s -> s.contractVersion() <= upTo)
                .forEach(s -> legacySubtypes.computeIfAbsent(s.form(), k -> new LinkedHashSet<>()).add(s.code()));
        return "ImportDictionaries[reasons=" + reasons + ", forms=" + legacyForms + ", subtypes=" + legacySubtypes
                + ", districtByCodeOrNumber=" + districtByCodeOrNumber + ", branchOfDistrict=" + branchOfDistrict
                + ", branches=" + branches + "]";
    }
}
