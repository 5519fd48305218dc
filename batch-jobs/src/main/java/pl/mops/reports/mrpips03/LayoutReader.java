package pl.mops.reports.mrpips03;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Condition;
import pl.mops.reports.mrpips03.Layout.Counter;
import pl.mops.reports.mrpips03.Layout.FactSet;
import pl.mops.reports.mrpips03.Layout.Predicate;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Rule;
import pl.mops.reports.mrpips03.Layout.RuleKind;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.rendering.ReportFileWriter;

/**
 * Reads a layout file (YAML, format in {@code report-templates/mrpips03/README.md}) and checks it: known
 * keys and attributes, values of the right kind, unique codes, parents that exist and stand above their
 * "w tym" rows, row columns that belong to the section and suit the row's fact set, rules that name existing
 * sections, rows, columns of those rows and counters. Every problem is a Polish message
 * naming the file and the place; nothing is guessed.
 */
public final class LayoutReader {

    private static final Set<String> RELATIONS = Set.of("<=", "=", ">=");

    private final String source;

    private LayoutReader(String source) {
        this.source = source;
    }

    public static Layout read(byte[] content, String source) {
        return new LayoutReader(source).parse(content);
    }

    private Layout parse(byte[] content) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(content, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw error("plik nie jest poprawnym YAML-em (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        Map<String, Object> root = map(document, "dokument");
        allowOnly(root, "dokument", "formularz", "wersja", "rok_od", "tytul", "pieniezne_wedlug", "kolumny", "dzialy",
                "liczniki", "reguly");
        String symbol = text(root, "formularz", "dokument");
        String version = text(root, "wersja", "dokument");
        int fromYear = integer(root.get("rok_od"), "rok_od");
        String title = text(root, "tytul", "dokument");
        boolean cashBySubtype = false;
        if (root.get("pieniezne_wedlug") != null) {
            String by = String.valueOf(root.get("pieniezne_wedlug"));
            if (!by.equals("FORMA") && !by.equals("FORMA_I_PODTYP")) {
                throw error("pieniezne_wedlug: nieznana wartość „" + by + "” (dozwolone: FORMA, FORMA_I_PODTYP)");
            }
            cashBySubtype = by.equals("FORMA_I_PODTYP");
        }

        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, Object> columnDefs = map(root.get("kolumny"), "kolumny");
        for (Map.Entry<String, Object> entry : columnDefs.entrySet()) {
            String where = "kolumna " + entry.getKey();
            Map<String, Object> def = map(entry.getValue(), where);
            allowOnly(def, where, "miara", "nazwa", "warunek");
            Measure measure = enumValue(Measure.class, text(def, "miara", where), where + ", miara");
            columns.put(entry.getKey(), new Column(entry.getKey(), measure, text(def, "nazwa", where),
                    predicate(def.get("warunek"), where)));
        }

        List<Section> sections = new ArrayList<>();
        Set<String> sectionCodes = new HashSet<>();
        for (Object item : list(root.get("dzialy"), "dzialy")) {
            Map<String, Object> def = map(item, "dział");
            String code = text(def, "kod", "dział");
            String where = "dział " + code;
            allowOnly(def, where, "kod", "nazwa", "zbior", "warunek", "kolumny", "kolumny_wiersza", "wiersze");
            if (!sectionCodes.add(code)) {
                throw error(where + " występuje dwa razy");
            }
            FactSet factSet = enumValue(FactSet.class, text(def, "zbior", where), where + ", zbior");
            List<Column> sectionColumns = columns(def.get("kolumny"), columns, null, where + ", kolumny");
            List<Column> rowDefault = def.get("kolumny_wiersza") == null ? sectionColumns
                    : columns(def.get("kolumny_wiersza"), columns, sectionColumns, where + ", kolumny_wiersza");
            List<Row> rows = rows(list(def.get("wiersze"), where + ", wiersze"), where, factSet, columns, sectionColumns,
                    rowDefault);
            for (Column column : sectionColumns) {
                if (rows.stream().noneMatch(r -> r.hasColumn(column.code()))) {
                    throw error(where + ": kolumny " + column.code() + " nie ma żaden wiersz");
                }
            }
            sections.add(new Section(code, text(def, "nazwa", where), factSet, predicate(def.get("warunek"), where),
                    sectionColumns, rows));
        }
        if (sections.isEmpty()) {
            throw error("brak działów");
        }
        List<Counter> counters = new ArrayList<>();
        if (root.get("liczniki") != null) {
            Set<String> counterCodes = new HashSet<>();
            for (Object item : list(root.get("liczniki"), "liczniki")) {
                Map<String, Object> def = map(item, "licznik");
                String code = text(def, "kod", "licznik");
                String where = "licznik " + code;
                allowOnly(def, where, "kod", "opis", "warunek");
                if (!counterCodes.add(code)) {
                    throw error(where + " występuje dwa razy");
                }
                if (!def.containsKey("warunek")) {
                    throw error(where + ": brak warunku");
                }
                counters.add(new Counter(code, text(def, "opis", where), predicate(def.get("warunek"), where)));
            }
        }
        List<Rule> rules = new ArrayList<>();
        if (root.get("reguly") != null) {
            Set<String> ruleCodes = new HashSet<>();
            for (Object item : list(root.get("reguly"), "reguly")) {
                Rule rule = rule(map(item, "reguła"), sections, counters);
                if (!ruleCodes.add(rule.code())) {
                    throw error("reguła " + rule.code() + " występuje dwa razy");
                }
                rules.add(rule);
            }
        }
        return new Layout(symbol, version, fromYear, title, ReportFileWriter.sha256(content), source, cashBySubtype,
                sections, rules, counters);
    }

    /**
     * the columns named by {@code raw}; with {@code within}, each must be one of them and the result keeps their order
     */
    private List<Column> columns(Object raw, Map<String, Column> defined, List<Column> within, String where) {
        List<String> codes = new ArrayList<>();
        for (Object c : list(raw, where)) {
            String code = String.valueOf(c);
            if (!defined.containsKey(code)) {
                throw error(where + ": kolumna " + code + " nie jest zdefiniowana w części „kolumny”");
            }
            if (within != null && within.stream().noneMatch(x -> x.code().equals(code))) {
                throw error(where + ": kolumny " + code + " nie ma na liście „kolumny” działu");
            }
            if (codes.contains(code)) {
                throw error(where + ": kolumna " + code + " występuje dwa razy");
            }
            codes.add(code);
        }
        if (codes.isEmpty()) {
            throw error(where + ": pusta lista kolumn");
        }
        if (within == null) {
            return codes.stream().map(defined::get).toList();
        }
        return within.stream().filter(c -> codes.contains(c.code())).toList();
    }

    private List<Row> rows(List<Object> items, String sectionWhere, FactSet sectionFactSet, Map<String, Column> defined,
                           List<Column> sectionColumns, List<Column> rowDefault) {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> levels = new HashMap<>();
        for (Object item : items) {
            Map<String, Object> def = map(item, sectionWhere + ", wiersz");
            String code = text(def, "kod", sectionWhere + ", wiersz");
            String where = sectionWhere + ", wiersz " + code;
            allowOnly(def, where, "kod", "nr", "nazwa", "nadrzedny", "ogolem", "zbior", "kolumny", "warunek");
            if (!code.matches("[A-Z0-9_]+")) {
                throw error(where + ": kod wiersza może mieć tylko wielkie litery A–Z, cyfry i _");
            }
            if (levels.containsKey(code)) {
                throw error(where + " występuje dwa razy");
            }
            if (!def.containsKey("warunek")) {
                throw error(where + ": brak warunku (dla wiersza obejmującego wszystko: warunek: {})");
            }
            String parent = def.get("nadrzedny") == null ? null : String.valueOf(def.get("nadrzedny"));
            int level = 0;
            if (parent != null) {
                Integer parentLevel = levels.get(parent);
                if (parentLevel == null) {
                    throw error(where + ": wiersz nadrzędny " + parent + " musi stać w tym dziale wyżej");
                }
                level = parentLevel + 1;
            }
            levels.put(code, level);
            Object total = def.getOrDefault("ogolem", Boolean.FALSE);
            if (!(total instanceof Boolean)) {
                throw error(where + ": „ogolem” musi być true albo false");
            }
            FactSet factSet = def.get("zbior") == null ? sectionFactSet
                    : enumValue(FactSet.class, String.valueOf(def.get("zbior")), where + ", zbior");
            List<Column> rowColumns = def.get("kolumny") == null ? rowDefault
                    : columns(def.get("kolumny"), defined, sectionColumns, where + ", kolumny");
            for (Column column : rowColumns) {
                if (!factSet.measures().contains(column.measure())) {
                    throw error(where + ": " + measuresMessage(factSet) + ", a ma " + column.code());
                }
            }
            rows.add(new Row(code, text(def, "nr", where), text(def, "nazwa", where), parent, (Boolean) total, level,
                    predicate(def.get("warunek"), where), factSet, rowColumns));
        }
        if (rows.isEmpty()) {
            throw error(sectionWhere + ": brak wierszy");
        }
        return rows;
    }

    private static String measuresMessage(FactSet factSet) {
        if (factSet == FactSet.RODZINY) {
            return "dział rodzin (zbior: RODZINY) może mieć tylko kolumny rodzin i osób w rodzinach";
        }
        return "wiersz zbioru " + factSet + " może mieć tylko kolumny miar " + String.join(", ",
                factSet.measures().stream().map(Enum::name).toList());
    }

    private Predicate predicate(Object raw, String where) {
        if (raw == null) {
            return Predicate.ALL;
        }
        Map<String, Object> def = map(raw, where + ", warunek");
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, Object> entry : def.entrySet()) {
            Attribute attribute = Attribute.byKey(entry.getKey()).orElseThrow(() -> error(where + ": nieznany atrybut "
                    + "warunku „" + entry.getKey() + "” (dozwolone: " + String.join(", ",
                    java.util.Arrays.stream(Attribute.values()).map(Attribute::key).toList()) + ")"));
            conditions.add(new Condition(attribute, value(attribute, entry.getValue(), where + ", " + entry.getKey())));
        }
        return new Predicate(conditions);
    }

    private Object value(Attribute attribute, Object value, String where) {
        switch (attribute.kind()) {
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                throw error(where + ": wartość musi być true albo false, a jest „" + value + "”");
            case INTEGER:
                if (value instanceof Integer i && i >= 0) {
                    return i;
                }
                throw error(where + ": wartość musi być liczbą całkowitą ≥ 0, a jest „" + value + "”");
            default:
                if (value instanceof List<?> values) {
                    if (values.isEmpty()) {
                        throw error(where + ": pusta lista wartości");
                    }
                    List<String> codes = new ArrayList<>();
                    for (Object v : values) {
                        codes.add(code(v, where));
                    }
                    return List.copyOf(codes);
                }
                return code(value, where);
        }
    }

    private String code(Object value, String where) {
        if (value instanceof String s && s.matches("[A-Z0-9_]+")) {
            return s;
        }
        throw error(where + ": wartość musi być kodem (wielkie litery A–Z, cyfry, _), a jest „" + value + "”");
    }

    private Rule rule(Map<String, Object> def, List<Section> sections, List<Counter> counters) {
        String code = text(def, "kod", "reguła");
        String where = "reguła " + code;
        allowOnly(def, where, "kod", "rodzaj", "opis", "wyjasnienie", "dzialy", "lewa", "relacja", "prawa", "kolumny",
                "do_przegladu", "licznik");
        RuleKind kind = enumValue(RuleKind.class, text(def, "rodzaj", where), where + ", rodzaj");
        List<String> ruleSections = strings(def.get("dzialy"), where + ", dzialy");
        List<String> left = strings(def.get("lewa"), where + ", lewa");
        List<String> right = strings(def.get("prawa"), where + ", prawa");
        List<String> columns = strings(def.get("kolumny"), where + ", kolumny");
        String relation = def.get("relacja") == null ? ">=" : String.valueOf(def.get("relacja"));
        if (!RELATIONS.contains(relation)) {
            throw error(where + ": relacja musi być jedną z " + RELATIONS);
        }
        Object review = def.getOrDefault("do_przegladu", Boolean.FALSE);
        if (!(review instanceof Boolean)) {
            throw error(where + ": „do_przegladu” musi być true albo false");
        }
        String counter = def.get("licznik") == null ? null : String.valueOf(def.get("licznik"));
        if (counter != null && counters.stream().noneMatch(c -> c.code().equals(counter))) {
            throw error(where + ": nie ma licznika " + counter + " (część „liczniki”)");
        }
        switch (kind) {
            case KOLUMNY -> {
                require(!ruleSections.isEmpty() && !left.isEmpty() && !right.isEmpty(), where + ": potrzebne dzialy, lewa i prawa");
                for (String s : ruleSections) {
                    Section section = sections.stream().filter(x -> x.code().equals(s)).findFirst()
                            .orElseThrow(() -> error(where + ": nie ma działu " + s));
                    for (String c : concat(left, right)) {
                        require(section.column(c).isPresent(), where + ": dział " + s + " nie ma kolumny " + c);
                    }
                    require(section.rows().stream().anyMatch(r -> concat(left, right).stream().allMatch(r::hasColumn)),
                            where + ": w dziale " + s + " żaden wiersz nie ma wszystkich kolumn reguły");
                }
            }
            case WIERSZE -> {
                require(!left.isEmpty() && !right.isEmpty() && !columns.isEmpty(), where + ": potrzebne lewa, prawa i kolumny");
                for (String ref : concat(left, right)) {
                    String[] parts = ref.split("/", 2);
                    require(parts.length == 2, where + ": wiersz „" + ref + "” trzeba podać jako DZIAŁ/KOD");
                    Row row = row(sections, parts[0], parts[1], where);
                    for (String c : columns) {
                        require(row.hasColumn(c), where + ": wiersz " + ref + " nie ma kolumny " + c);
                    }
                }
            }
            case KOMORKI -> {
                require(!left.isEmpty() && !right.isEmpty(), where + ": potrzebne lewa i prawa");
                require(columns.isEmpty(), where + ": komórki podaje się jako DZIAŁ/KOD/KOLUMNA, bez pola „kolumny”");
                for (String ref : concat(left, right)) {
                    String[] parts = ref.split("/", 3);
                    require(parts.length == 3, where + ": komórkę „" + ref + "” trzeba podać jako DZIAŁ/KOD/KOLUMNA");
                    require(row(sections, parts[0], parts[1], where).hasColumn(parts[2]),
                            where + ": wiersz " + parts[0] + "/" + parts[1] + " nie ma kolumny " + parts[2]);
                }
            }
            case POPRZEDNI_OKRES -> require(!columns.isEmpty(), where + ": potrzebne kolumny");
            case W_TYM -> {
            }
        }
        return new Rule(code, kind, text(def, "opis", where), text(def, "wyjasnienie", where), ruleSections, left,
                relation, right, columns, (Boolean) review, counter);
    }

    private Row row(List<Section> sections, String sectionCode, String rowCode, String where) {
        Section section = sections.stream().filter(x -> x.code().equals(sectionCode)).findFirst()
                .orElseThrow(() -> error(where + ": nie ma działu " + sectionCode));
        return section.row(rowCode).orElseThrow(() -> error(where + ": dział " + sectionCode + " nie ma wiersza " + rowCode));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw error(message);
        }
    }

    private List<String> strings(Object raw, String where) {
        if (raw == null) {
            return List.of();
        }
        return list(raw, where).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        }
        throw error(where + ": oczekiwano mapy „klucz: wartość”");
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value, String where) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw error(where + ": oczekiwano listy");
    }

    private String text(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw error(where + ": brak pola „" + key + "”");
        }
        return String.valueOf(value);
    }

    private int integer(Object value, String where) {
        if (value instanceof Integer i) {
            return i;
        }
        throw error(where + ": oczekiwano liczby całkowitej, a jest „" + value + "”");
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw error(where + ": nieznana wartość „" + value + "” (dozwolone: "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
        }
    }

    private void allowOnly(Map<String, Object> map, String where, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw error(where + ": nieznane pole „" + key + "” (dozwolone: " + String.join(", ", keys) + ")");
            }
        }
    }

    private UserError error(String message) {
        return new UserError("Układ formularza " + source + ": " + message + ".", ExitCode.INVALID_INPUT, null);
    }
}
