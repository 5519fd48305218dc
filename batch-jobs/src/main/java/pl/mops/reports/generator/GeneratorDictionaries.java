package pl.mops.reports.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;

import pl.mops.reports.database.ConfigCsv;

/**
 * The dictionaries the generator draws from, read from {@code config/} on the classpath (the same
 * files the program synchronises into the database): districts with their branch and population,
 * benefit forms with their default task and cash flag, sub-types per form, reasons.
 *
 * <p>The generator's behaviour is Kraków-shaped and names forms, sub-types and reasons by code; a
 * code missing from the dictionaries is simply never generated, so the output always fits them.
 */
final class GeneratorDictionaries {

    record District(String code, String branch) {
    }

    record Form(String code, String task, boolean cash, int ordinal) {
    }

    private final List<District> districts;
    private final Map<String, TreeMap<Integer, Long>> populations;
    private final Map<String, Form> forms;
    private final Map<String, Set<String>> subtypes;
    private final Set<String> reasons;

    private GeneratorDictionaries(List<District> districts, Map<String, TreeMap<Integer, Long>> populations,
                                  Map<String, Form> forms, Map<String, Set<String>> subtypes, Set<String> reasons) {
        this.districts = List.copyOf(districts);
        this.populations = populations;
        this.forms = Collections.unmodifiableMap(forms);
        this.subtypes = subtypes;
        this.reasons = Collections.unmodifiableSet(reasons);
    }

    static GeneratorDictionaries fromClasspath() {
        List<District> districts = new ArrayList<>();
        for (CSVRecord r : ConfigCsv.read("slowniki/dzielnice.csv")) {
            districts.add(new District(r.get("kod").toUpperCase(java.util.Locale.ROOT), r.get("filia")));
        }
        Map<String, TreeMap<Integer, Long>> populations = new LinkedHashMap<>();
        for (CSVRecord r : ConfigCsv.read("ludnosc-dzielnic.csv")) {
            populations.computeIfAbsent(r.get("dzielnica").toUpperCase(java.util.Locale.ROOT), k -> new TreeMap<>())
                    .put(Integer.parseInt(r.get("rok")), Long.parseLong(r.get("ludnosc")));
        }
        Map<String, Form> forms = new LinkedHashMap<>();
        for (CSVRecord r : ConfigCsv.read("slowniki/formy.csv")) {
            forms.put(r.get("kod"), new Form(r.get("kod"), r.get("zadanie"), "1".equals(r.get("pieniezna")), forms.size()));
        }
        Map<String, Set<String>> subtypes = new LinkedHashMap<>();
        for (CSVRecord r : ConfigCsv.read("slowniki/podtypy.csv")) {
            subtypes.computeIfAbsent(r.get("forma"), k -> new LinkedHashSet<>()).add(r.get("kod"));
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (CSVRecord r : ConfigCsv.read("slowniki/powody.csv")) {
            reasons.add(r.get("kod"));
        }
        if (districts.isEmpty() || forms.isEmpty() || reasons.isEmpty()) {
            throw new IllegalStateException("Słowniki w config/slowniki są puste (dzielnice, formy lub powody).");
        }
        return new GeneratorDictionaries(districts, populations, forms, subtypes, reasons);
    }

    List<District> districts() {
        return districts;
    }

    /**
     * Population weight of each district (dictionary order) for {@code year}: the figure of that year,
     * else of the nearest earlier year, else of the earliest year available (as config/README.md says).
     */
    long[] populationWeights(int year) {
        long[] weights = new long[districts.size()];
        for (int i = 0; i < weights.length; i++) {
            TreeMap<Integer, Long> byYear = populations.get(districts.get(i).code());
            if (byYear == null || byYear.isEmpty()) {
                throw new IllegalStateException("Brak liczby mieszkańców dzielnicy " + districts.get(i).code()
                        + " w config/ludnosc-dzielnic.csv.");
            }
            Map.Entry<Integer, Long> entry = byYear.floorEntry(year);
            weights[i] = (entry != null ? entry : byYear.firstEntry()).getValue();
        }
        return weights;
    }

    Map<String, Form> forms() {
        return forms;
    }

    boolean hasForm(String form) {
        return forms.containsKey(form);
    }

    Form form(String code) {
        return forms.get(code);
    }

    /** {@code subtype} when the dictionary allows it for {@code form}, else {@code null} */
    String subtype(String form, String subtype) {
        if (subtype == null) {
            return null;
        }
        Set<String> allowed = subtypes.get(form);
        return allowed != null && allowed.contains(subtype) ? subtype : null;
    }

    Set<String> subtypes(String form) {
        return subtypes.getOrDefault(form, Set.of());
    }

    Set<String> reasons() {
        return reasons;
    }
}
