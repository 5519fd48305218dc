package pl.mops.reports.mrpips03;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.mrpips03.Layout.Condition;
import pl.mops.reports.mrpips03.Layout.Predicate;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Section;

/**
 * The layouts of the form: the files packaged under {@code report-templates/mrpips03/} and, overriding a
 * packaged file of the same version, the files a user put in {@code $MOPS_HOME/report-templates/mrpips03/}
 * (so row numbers can be edited without rebuilding the program). Read afresh on every call; a file's bytes are
 * parsed again only when they differ from those it was last parsed from (issue 17: one MRPiPS-03 run resolved the
 * layouts five times, each parse of a file about 10 ms with the first JIT tier).
 */
@Component
public class Layouts {

    static final String FOLDER = "report-templates/mrpips03";

    private final MopsProperties properties;
    private final JdbcTemplate jdbc;
    /** by where the file was read from: the bytes last parsed and their layout */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(byte[] content, Layout layout) {
    }

    public Layouts(MopsProperties properties, JdbcTemplate jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    public List<Layout> all() {
        Map<String, Layout> byVersion = new LinkedHashMap<>();
        try {
            Resource[] packaged = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                    .getResources("classpath*:" + FOLDER + "/*.yaml");
            Arrays.sort(packaged, Comparator.comparing(Resource::getFilename));
            for (Resource resource : packaged) {
                try (InputStream in = resource.getInputStream()) {
                    add(byVersion, read(in.readAllBytes(), FOLDER + "/" + resource.getFilename()));
                }
            }
            Path userFolder = properties.home().resolve(FOLDER);
            if (Files.isDirectory(userFolder)) {
                try (Stream<Path> files = Files.list(userFolder)) {
                    for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                        add(byVersion, read(Files.readAllBytes(file), file.toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Nie można odczytać układów formularza MRPiPS-03", e);
        }
        return List.copyOf(byVersion.values());
    }

    /** the layout of these bytes: parsed, unless they are the bytes last parsed from the same source */
    private Layout read(byte[] content, String source) {
        Parsed last = parsed.get(source);
        if (last != null && Arrays.equals(last.content(), content)) {
            return last.layout();
        }
        Layout layout = LayoutReader.read(content, source); // an invalid file throws and is read again next time
        parsed.put(source, new Parsed(content, layout));
        return layout;
    }

    private static void add(Map<String, Layout> byVersion, Layout layout) {
        byVersion.put(layout.version(), layout); // a user's file replaces the packaged one of the same version
    }

    /** the layout of {@code version}, or (when {@code null}) the newest layout that applies to {@code year} */
    public Layout resolve(String version, int year) {
        List<Layout> layouts = all();
        Layout layout;
        if (version != null) {
            layout = layouts.stream().filter(l -> l.version().equals(version)).findFirst()
                    .orElseThrow(() -> new UserError("Nie ma układu formularza MRPiPS-03 w wersji " + version
                            + ". Dostępne wersje: " + versions(layouts) + ".", ExitCode.INVALID_INPUT, null));
        } else {
            layout = newest(layouts, year).orElseThrow(() -> new UserError("Nie ma układu formularza MRPiPS-03 dla roku "
                    + year + " (dostępne wersje: " + versions(layouts) + "). Dodaj plik układu w " + FOLDER + ".", ExitCode.INVALID_INPUT, null));
        }
        checkCodes(layout);
        return layout;
    }

    /** the version of the newest layout that applies to {@code year} (the default for a period without returns) */
    public java.util.Optional<String> newestVersion(int year) {
        return newest(all(), year).map(Layout::version);
    }

    private static java.util.Optional<Layout> newest(List<Layout> layouts, int year) {
        return layouts.stream().filter(l -> l.fromYear() <= year)
                .max(Comparator.comparingInt(Layout::fromYear).thenComparing(Layout::version, Layouts::compareVersions));
    }

    private static String versions(List<Layout> layouts) {
        return layouts.isEmpty() ? "brak" : String.join(", ", layouts.stream().map(Layout::version).toList());
    }

    /** "2025.10" after "2025.9": numeric parts compare as numbers */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /**
     * The codes in the predicates must exist in the dictionaries (config/slowniki): a misspelt form or
     * reason would otherwise give a row of zeros without any warning.
     */
    void checkCodes(Layout layout) {
        Set<String> forms = new HashSet<>(jdbc.queryForList("SELECT code FROM dict_form", String.class));
        Set<String> subtypes = new HashSet<>(jdbc.queryForList("SELECT code FROM dict_subtype", String.class));
        Set<String> reasons = new HashSet<>(jdbc.queryForList("SELECT code FROM dict_reason", String.class));
        Set<String> markers = new HashSet<>(jdbc.queryForList("SELECT code FROM dict_marker", String.class));
        Map<String, Set<String>> subtypesOfForm = new java.util.HashMap<>();
        jdbc.query("SELECT form, code FROM dict_subtype", rs -> {
            subtypesOfForm.computeIfAbsent(rs.getString(1), f -> new HashSet<>()).add(rs.getString(2));
        });
        Map<Attribute, Set<String>> allowed = new java.util.EnumMap<>(Attribute.class);
        allowed.put(Attribute.FORMA, forms);
        allowed.put(Attribute.PODTYP, subtypes);
        allowed.put(Attribute.POWOD, reasons);
        allowed.put(Attribute.POWOD_DECYZJI, reasons);
        allowed.put(Attribute.CECHA, markers);
        allowed.put(Attribute.ZADANIE, Set.of("WLASNE", "ZLECONE"));
        allowed.put(Attribute.TEREN, Set.of("MIASTO", "WIES"));
        allowed.put(Attribute.FINANSOWANIE, Set.of("DOTACJA", "SRODKI_WLASNE"));
        allowed.put(Attribute.GOSPODARSTWO, Set.of("SAMOTNIE", "W_RODZINIE"));
        allowed.put(Attribute.RODZAJ_WSPARCIA, Set.of("INTERWENCJA_KRYZYSOWA", "PORADNICTWO_PRAWNE",
                "PORADNICTWO_PSYCHOLOGICZNE", "PORADNICTWO_RODZINNE"));
        List<String> problems = new ArrayList<>();
        for (Section section : layout.sections()) {
            check(section.predicate(), allowed, subtypesOfForm, "dział " + section.code(), problems);
            for (Layout.Column column : section.columns()) {
                check(column.predicate(), allowed, subtypesOfForm, "kolumna " + column.code(), problems);
            }
            for (Row row : section.rows()) {
                check(row.predicate(), allowed, subtypesOfForm, "dział " + section.code() + ", wiersz " + row.code(),
                        problems);
            }
        }
        for (Layout.Counter counter : layout.counters()) {
            check(counter.predicate(), allowed, subtypesOfForm, "licznik " + counter.code(), problems);
        }
        if (!problems.isEmpty()) {
            throw new UserError("Układ formularza " + layout.source() + ": " + String.join("; ", problems) + ".", ExitCode.INVALID_INPUT, null);
        }
    }

    private static void check(Predicate predicate, Map<Attribute, Set<String>> allowed,
                              Map<String, Set<String>> subtypesOfForm, String where, List<String> problems) {
        for (Condition condition : predicate.conditions()) {
            Set<String> codes = allowed.get(condition.attribute());
            if (codes == null) {
                continue;
            }
            for (Object value : values(condition)) {
                if (!codes.contains(value)) {
                    problems.add(where + ": kodu „" + value + "” (" + condition.attribute().key() + ") nie ma w słowniku");
                }
            }
        }
        // a sub-type must belong to the form the same predicate names, else the row would count nothing
        List<String> forms = predicate.conditions().stream().filter(c -> c.attribute() == Attribute.FORMA)
                .flatMap(c -> values(c).stream()).map(String::valueOf).toList();
        if (forms.isEmpty()) {
            return;
        }
        for (Condition condition : predicate.conditions()) {
            if (condition.attribute() != Attribute.PODTYP) {
                continue;
            }
            for (Object value : values(condition)) {
                if (forms.stream().noneMatch(f -> subtypesOfForm.getOrDefault(f, Set.of()).contains(value))) {
                    problems.add(where + ": podtyp „" + value + "” nie należy do formy " + String.join(", ", forms)
                            + " (słownik podtypów)");
                }
            }
        }
    }

    private static List<?> values(Condition condition) {
        return condition.value() instanceof List<?> l ? l : List.of(condition.value());
    }
}
