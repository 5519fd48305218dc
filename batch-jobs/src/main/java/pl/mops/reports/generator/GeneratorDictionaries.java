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
import org.springframework.core.io.ClassPathResource;

import pl.mops.reports.database.ConfigCsv;

/**
 * The dictionaries the generator draws from, read from {@code config/} on the classpath (the same
 * files the program synchronises into the database): districts with their branch and population,
 * benefit forms with their default task and cash flag, sub-types per form, reasons and the markers of a
 * realisation. The codes contract version 2 adds are read from their own files when the build has them:
 * forms from {@code formy-wersja-2.csv}, sub-types from {@code podtypy-wersja-2.csv} (same columns as
 * {@code formy.csv} and {@code podtypy.csv}), markers from {@code cechy.csv}; a missing file adds nothing.
 *
 * <p>The generator's behaviour is Kraków-shaped and names forms, sub-types, reasons and markers by code; a
 * code missing from the dictionaries is simply never generated, so the output always fits them. With the
 * dictionaries of contract version 1 the files therefore carry none of the version-2 forms, sub-types and
 * markers (the files {@code kontrakty.csv} and {@code wsparcie.csv} and the column {@code cechy} are written
 * anyway: an import of version 1 ignores them).
 */
final class GeneratorDictionaries {

    record District(String code, String branch) {
    }

    record Form(String code, String task, boolean cash, int ordinal) {
    }

    /** the markers the generator knows, as bits of {@link FamilyDraft.Ben#markers()} */
    static final String[] MARKERS = {"DORAZNIE", "KRYZYS_MASOWY", "NIEZALEZNIE_OD_DOCHODU", "PROGRAM_POSILEK"};
    static final int DORAZNIE = 1;
    static final int KRYZYS_MASOWY = 1 << 1;
    static final int NIEZALEZNIE_OD_DOCHODU = 1 << 2;
    static final int PROGRAM_POSILEK = 1 << 3;

    private final List<District> districts;
    private final Map<String, TreeMap<Integer, Long>> populations;
    private final Map<String, Form> forms;
    private final Map<String, Set<String>> subtypes;
    private final Set<String> reasons;
    private final List<String> markers;
    /** the {@code cechy} field of each combination of marker bits: codes in dictionary order, {@code null} = none */
    private final String[] markerFields;

    private GeneratorDictionaries(List<District> districts, Map<String, TreeMap<Integer, Long>> populations,
                                  Map<String, Form> forms, Map<String, Set<String>> subtypes, Set<String> reasons,
                                  List<String> markers) {
        this.districts = List.copyOf(districts);
        this.populations = populations;
        this.forms = Collections.unmodifiableMap(forms);
        this.subtypes = subtypes;
        this.reasons = Collections.unmodifiableSet(reasons);
        this.markers = List.copyOf(markers);
        this.markerFields = new String[1 << MARKERS.length];
        for (int bits = 1; bits < markerFields.length; bits++) {
            List<String> codes = new ArrayList<>();
            for (String code : this.markers) {
                int bit = List.of(MARKERS).indexOf(code);
                if (bit >= 0 && (bits & (1 << bit)) != 0) {
                    codes.add(code);
                }
            }
            markerFields[bits] = codes.isEmpty() ? null : String.join("|", codes);
        }
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
        for (String file : List.of("slowniki/formy.csv", FORMS_VERSION_2)) {
            for (CSVRecord r : readIfPresent(file)) {
                forms.putIfAbsent(r.get("kod"), new Form(r.get("kod"), r.get("zadanie"), "1".equals(r.get("pieniezna")),
                        forms.size()));
            }
        }
        Map<String, Set<String>> subtypes = new LinkedHashMap<>();
        for (String file : List.of("slowniki/podtypy.csv", SUBTYPES_VERSION_2)) {
            for (CSVRecord r : readIfPresent(file)) {
                subtypes.computeIfAbsent(r.get("forma"), k -> new LinkedHashSet<>()).add(r.get("kod"));
            }
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (CSVRecord r : ConfigCsv.read("slowniki/powody.csv")) {
            reasons.add(r.get("kod"));
        }
        if (districts.isEmpty() || forms.isEmpty() || reasons.isEmpty()) {
            throw new IllegalStateException("Słowniki w config/slowniki są puste (dzielnice, formy lub powody).");
        }
        List<String> markers = new ArrayList<>();
        for (CSVRecord r : readIfPresent(MARKERS_FILE)) {
            String code = r.isMapped("kod") ? r.get("kod") : r.get(0);
            if (!code.isEmpty() && !markers.contains(code)) {
                markers.add(code);
            }
        }
        return new GeneratorDictionaries(districts, populations, forms, subtypes, reasons, markers);
    }

    private static final String FORMS_VERSION_2 = "slowniki/formy-wersja-2.csv";
    private static final String SUBTYPES_VERSION_2 = "slowniki/podtypy-wersja-2.csv";
    private static final String MARKERS_FILE = "slowniki/cechy.csv";

    /** the records of a file of {@code config/}; none when the build has no such file (the required ones always exist) */
    private static List<CSVRecord> readIfPresent(String pathUnderConfig) {
        boolean optional = pathUnderConfig.equals(FORMS_VERSION_2) || pathUnderConfig.equals(SUBTYPES_VERSION_2)
                || pathUnderConfig.equals(MARKERS_FILE);
        if (optional && !new ClassPathResource("config/" + pathUnderConfig).exists()) {
            return List.of();
        }
        return ConfigCsv.read(pathUnderConfig);
    }

    /**
     * These dictionaries plus the given forms, sub-types and markers they do not have yet (an existing code keeps
     * its entry; new ones come after the existing ones). For tests that need codes the shipped dictionaries may not
     * have yet.
     */
    GeneratorDictionaries with(List<Form> addedForms, Map<String, List<String>> addedSubtypes, List<String> addedMarkers) {
        Map<String, Form> allForms = new LinkedHashMap<>(forms);
        for (Form form : addedForms) {
            allForms.putIfAbsent(form.code(), new Form(form.code(), form.task(), form.cash(), allForms.size()));
        }
        Map<String, Set<String>> allSubtypes = new LinkedHashMap<>();
        subtypes.forEach((form, codes) -> allSubtypes.put(form, new LinkedHashSet<>(codes)));
        addedSubtypes.forEach((form, codes) -> allSubtypes.computeIfAbsent(form, k -> new LinkedHashSet<>()).addAll(codes));
        List<String> allMarkers = new ArrayList<>(markers);
        for (String marker : addedMarkers) {
            if (!allMarkers.contains(marker)) {
                allMarkers.add(marker);
            }
        }
        return new GeneratorDictionaries(districts, populations, allForms, allSubtypes, reasons, allMarkers);
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

    /** the {@code cechy} field for marker bits: the codes the dictionary has, in its order, {@code |}-separated; {@code null} = none */
    String markerField(int bits) {
        return markerFields[bits & (markerFields.length - 1)];
    }
}
