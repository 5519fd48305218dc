package pl.mops.reports.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;
import pl.mops.reports.mrpips03.Mrpips03Service;
import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.mrpips03.ReturnRepository;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;

/**
 * Times the annual MRPiPS-03 job (cells, control rules, the XML, XLSX and PDF files and the kontrola) and,
 * in the same run, the bare-SQL lower bound: one plain hand-written query per section that computes the
 * same numbers with {@code count(DISTINCT …) FILTER (WHERE …)} and {@code sum(…) FILTER (WHERE …)} straight
 * from the operational tables (no fact table kept, no job bookkeeping, no files). The bound's numbers are
 * compared with the job's cells, so a benchmark run is also a cross-check of the generated SQL.
 *
 * <p>The bound is written for the row layouts of versions 2025.1 and 2025.2 (their conditions are plain SQL below,
 * not derived from the layout files; 2025.2: cash per (form, sub-type) from the dictionaries, zasiłek stały by the
 * sub-type or family size, markers, financing, the decision's own reasons, the recipient's age, and the contracts and
 * help without a decision counted straight from {@code kontrakty} and {@code wsparcie}, without the fact table; rows
 * fed by a file the snapshot does not have get no cells). The job runs with {@code --rerun}, so it always computes;
 * it is a real run of the period (it takes a correction number in that year's series), so benchmark on a benchmark
 * home.
 */
@Component
public class Mrpips03Benchmark {

    /**
     * @param job           the whole annual job
     * @param bound         the five hand-written section queries together
     * @param cells         cells of the return
     * @param sameNumbers   the bound's numbers equal the job's cells
     * @param differences   cells that differ (empty when {@code sameNumbers})
     */
    public record Result(Duration job, Duration bound, int cells, boolean sameNumbers, List<String> differences,
                         LongestStatement.Observed longestStatement) {

        /** job time / bound time */
        public double ratio() {
            return bound.isZero() ? Double.NaN : (double) job.toNanos() / bound.toNanos();
        }
    }

    private final Mrpips03Service service;
    private final ReturnRepository returns;
    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;

    public Mrpips03Benchmark(Mrpips03Service service, ReturnRepository returns, NamedParameterJdbcTemplate jdbc,
                             NamedQueries queries) {
        this.service = service;
        this.returns = returns;
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** the annual return of {@code year} on {@code snapshotId} with the newest layout for the year */
    public Result measure(long snapshotId, int year) {
        return measure(snapshotId, year, null);
    }

    public Result measure(long snapshotId, int year, String layoutVersion) {
        ReturnPeriod period = new ReturnPeriod(year, 'R');
        Path out;
        try {
            out = Files.createTempDirectory("mrpips03-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            LongestStatement watch = LongestStatement.watch(jdbc.getJdbcTemplate().getDataSource());
            long start = System.nanoTime();
            Mrpips03Service.Result result;
            Duration job;
            LongestStatement.Observed longest;
            try {
                result = service.run(period, snapshotId, layoutVersion, out, true, "benchmark");
                job = Duration.ofNanos(System.nanoTime() - start);
            } finally {
                longest = watch.stop(); // not in the job's time: it waits for the sampler's last sample
            }

            start = System.nanoTime();
            Map<CellKey, BigDecimal> bound = bound(snapshotId, period, result.stored().layoutVersion());
            Duration boundTime = Duration.ofNanos(System.nanoTime() - start);

            Map<CellKey, BigDecimal> cells = returns.cells(result.stored().id());
            List<String> differences = new ArrayList<>();
            for (Map.Entry<CellKey, BigDecimal> e : bound.entrySet()) {
                BigDecimal value = cells.get(e.getKey());
                if (value == null || value.compareTo(e.getValue()) != 0) {
                    differences.add(e.getKey() + ": job " + value + ", bound " + e.getValue());
                }
            }
            return new Result(job, boundTime, cells.size(), differences.isEmpty() && bound.size() == cells.size(),
                    differences, longest);
        } finally {
            deleteQuietly(out);
        }
    }

    // ---- the bound -------------------------------------------------------------------------------

    private static final String[] FAMILY_COLUMNS = {"RODZINY", "RODZINY_WIES", "OSOBY_W_RODZINACH", "OSOBY_W_RODZINACH_WIES"};
    private static final String[] BENEFIT_COLUMNS = {"OSOBY", "SWIADCZENIA", "KWOTA", "RODZINY", "OSOBY_W_RODZINACH"};
    private static final String[] SPLIT_COLUMNS = {"OSOBY", "SWIADCZENIA", "KWOTA", "KWOTA_DOTACJA", "KWOTA_SRODKI_WLASNE",
            "RODZINY", "OSOBY_W_RODZINACH"};

    /** the cells of layout {@code version} (2025.1 or 2025.2) computed by the hand-written queries */
    public Map<CellKey, BigDecimal> bound(long snapshotId, ReturnPeriod period, String version) {
        boolean v2 = switch (version) {
            case "2025.1" -> false;
            case "2025.2" -> true;
            default -> throw new IllegalArgumentException("the bound is written for layouts 2025.1 and 2025.2, not " + version);
        };
        Map<String, Object> parameters = Map.of("snapshotId", snapshotId, "periodStart", Date.valueOf(period.start()),
                "periodEnd", Date.valueOf(period.end()), "cashBySubtype", false);
        Map<CellKey, BigDecimal> cells = new LinkedHashMap<>();
        if (!v2) {
            section(cells, "1A", "zdarzenie = 'S' AND zadanie = 'ZLECONE'", rows1a(), r -> BENEFIT_COLUMNS, parameters);
            section(cells, "1B", "zdarzenie = 'S' AND zadanie = 'WLASNE'", rows1b(), r -> BENEFIT_COLUMNS, parameters);
            section(cells, "2", "zdarzenie IN ('S', 'P')", rows2(), r -> FAMILY_COLUMNS, parameters);
        } else {
            section(cells, "1A", "zdarzenie = 'S' AND zadanie = 'ZLECONE'", rows1a2(), r -> BENEFIT_COLUMNS, parameters);
            section(cells, "1B", "zdarzenie = 'S' AND zadanie = 'WLASNE'", rows1b2(),
                    r -> r.equals("ZASILEK_OKRESOWY") ? SPLIT_COLUMNS : BENEFIT_COLUMNS, parameters);
            section(cells, "2", "zdarzenie IN ('S', 'P')", rows2v2(), r -> FAMILY_COLUMNS, parameters);
            List<String> files = jdbc.getJdbcTemplate().queryForList(
                    "SELECT file_name FROM snapshot_file WHERE snapshot_id = ?", String.class, snapshotId);
            if (files.contains("kontrakty.csv")) {
                contracts(cells, parameters);
            }
            if (files.contains("wsparcie.csv")) {
                help(cells, parameters);
            }
        }
        section(cells, "3", "zdarzenie = 'S'", rows3(), r -> FAMILY_COLUMNS, parameters);
        section(cells, "4", "zdarzenie = 'S'", rows4(), r -> FAMILY_COLUMNS, parameters);
        return cells;
    }

    /**
     * One query: the period's events with their family attributes (the fact definition of
     * {@code bench-mrpips03-facts-one-statement.sql}, here as a CTE, with the per-form cash flag), then one aggregate per cell. Persons in
     * families is a sum over distinct families, written with DISTINCT too: each family gets a number {@code n}; the
     * distinct values of {@code rozmiar * 2^32 + n} minus the distinct {@code n} leave {@code 2^32 * Σ rozmiar}.
     */
    private void section(Map<CellKey, BigDecimal> cells, String section, String sectionCondition,
                         Map<String, String> rows, java.util.function.Function<String, String[]> columnsOf,
                         Map<String, Object> parameters) {
        String facts = queries.get("bench-mrpips03-facts-one-statement");
        facts = facts.substring(facts.indexOf("CREATE TEMP TABLE"));
        facts = facts.substring(facts.indexOf(" AS") + 3);
        List<String> expressions = new ArrayList<>();
        List<CellKey> keys = new ArrayList<>();
        for (Map.Entry<String, String> row : rows.entrySet()) {
            String c = "(" + row.getValue() + ")";
            for (String column : columnsOf.apply(row.getKey())) {
                String w = switch (column) {
                    case "RODZINY_WIES", "OSOBY_W_RODZINACH_WIES" -> c + " AND wies";
                    case "KWOTA_DOTACJA" -> c + " AND finansowanie = 'DOTACJA'";
                    case "KWOTA_SRODKI_WLASNE" -> c + " AND finansowanie = 'SRODKI_WLASNE'";
                    default -> c;
                };
                expressions.add(switch (column) {
                    case "OSOBY" -> "count(DISTINCT osoba_id) FILTER (WHERE " + w + ")";
                    case "SWIADCZENIA" -> "sum(liczba) FILTER (WHERE " + w + ")";
                    case "KWOTA", "KWOTA_DOTACJA", "KWOTA_SRODKI_WLASNE" -> "sum(kwota) FILTER (WHERE " + w + ")";
                    case "RODZINY", "RODZINY_WIES" -> "count(DISTINCT rodzina_id) FILTER (WHERE " + w + ")";
                    default -> "(sum(DISTINCT rozmiar * 4294967296 + n) FILTER (WHERE " + w + ") - sum(DISTINCT n) "
                            + "FILTER (WHERE " + w + ")) / 4294967296";
                });
                keys.add(new CellKey(section, row.getKey(), column));
            }
        }
        String sql = "WITH f AS MATERIALIZED (" + facts + "),\n"
                + "e AS (SELECT f.*, dense_rank() OVER (ORDER BY rodzina_id) AS n,\n"
                // the cash flag per (form, sub-type) as the dictionaries say (layout 2025.2), by hand
                + "             coalesce((SELECT st.cash FROM dict_subtype st WHERE st.form = f.forma AND st.code = f.podtyp),\n"
                + "                      (SELECT fm.cash FROM dict_form fm WHERE fm.code = f.forma)) AS pieniezna_podtypu\n"
                + "        FROM f WHERE " + sectionCondition + ")\n"
                + "SELECT " + String.join(",\n       ", expressions) + "\n  FROM e";
        jdbc.query(sql, parameters, rs -> {
            for (int i = 0; i < keys.size(); i++) {
                BigDecimal value = rs.getBigDecimal(i + 1);
                cells.put(keys.get(i), value == null ? BigDecimal.ZERO : value);
            }
        });
    }

    /** 2025.2, 2/KONTRAKTY_SOCJALNE straight from kontrakty: in force on any day of the period, empty liczba_osob = 1 */
    private void contracts(Map<CellKey, BigDecimal> cells, Map<String, Object> parameters) {
        jdbc.query("""
                SELECT count(*), coalesce(sum(coalesce(liczba_osob, 1)), 0)
                  FROM kontrakty
                 WHERE snapshot_id = :snapshotId AND data_od <= :periodEnd
                   AND (data_do IS NULL OR data_do >= :periodStart)""", parameters, rs -> {
            cells.put(new CellKey("2", "KONTRAKTY_SOCJALNE", "KONTRAKTY"), rs.getBigDecimal(1));
            cells.put(new CellKey("2", "KONTRAKTY_SOCJALNE", "OSOBY_OBJETE"), rs.getBigDecimal(2));
        });
    }

    /** 2025.2, help without a decision straight from wsparcie: the person, else the family's applicant that day */
    private void help(Map<CellKey, BigDecimal> cells, Map<String, Object> parameters) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("INTERWENCJA_KRYZYSOWA", "rodzaj = 'INTERWENCJA_KRYZYSOWA'");
        rows.put("PORADNICTWO_SPECJALISTYCZNE", "rodzaj LIKE 'PORADNICTWO%'");
        rows.put("PORADNICTWO_SPECJALISTYCZNE_PRAWNE", "rodzaj = 'PORADNICTWO_PRAWNE'");
        rows.put("PORADNICTWO_SPECJALISTYCZNE_PSYCHOLOGICZNE", "rodzaj = 'PORADNICTWO_PSYCHOLOGICZNE'");
        rows.put("PORADNICTWO_SPECJALISTYCZNE_RODZINNE", "rodzaj = 'PORADNICTWO_RODZINNE'");
        List<String> expressions = new ArrayList<>();
        rows.values().forEach(c -> {
            expressions.add("count(DISTINCT rodzina_id) FILTER (WHERE " + c + ")");
            expressions.add("count(DISTINCT osoba_id) FILTER (WHERE " + c + ")");
        });
        jdbc.query("""
                WITH h AS (
                    SELECT w.rodzina_id, w.rodzaj,
                           coalesce(w.osoba_id, (SELECT c.osoba_id FROM czlonkowie c
                                                  WHERE c.snapshot_id = w.snapshot_id AND c.rodzina_id = w.rodzina_id
                                                    AND c.rola = 'WNIOSKODAWCA' AND c.data_od <= w.data
                                                    AND (c.data_do IS NULL OR c.data_do >= w.data)
                                                  ORDER BY c.osoba_id LIMIT 1)) AS osoba_id
                      FROM wsparcie w
                     WHERE w.snapshot_id = :snapshotId AND w.data BETWEEN :periodStart AND :periodEnd)
                """ + "SELECT " + String.join(", ", expressions) + " FROM h", parameters, rs -> {
            int i = 1;
            for (String row : rows.keySet()) {
                cells.put(new CellKey("2", row, "RODZINY"), rs.getBigDecimal(i++));
                cells.put(new CellKey("2", row, "OSOBY"), rs.getBigDecimal(i++));
            }
        });
    }

    private static Map<String, String> rows1a() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("OGOLEM_1A", "true");
        for (String form : List.of("SPECJALISTYCZNE_USLUGI_ZABURZENIA", "WYNAGRODZENIE_OPIEKUNA", "ZASILEK_CELOWY_KLESKA",
                "POMOC_CUDZOZIEMCOM")) {
            rows.put(form, "forma = '" + form + "'");
        }
        return rows;
    }

    private static Map<String, String> rows1a2() {
        Map<String, String> rows = rows1a();
        for (String kind : List.of("ZASILEK_CELOWY", "SCHRONIENIE", "POSILEK", "UBRANIE")) {
            rows.put("POMOC_CUDZOZIEMCOM_" + kind, "forma = 'POMOC_CUDZOZIEMCOM' AND podtyp = '" + kind + "'");
        }
        return rows;
    }

    private static Map<String, String> rows1b() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("OGOLEM_1B", "true");
        rows.put("ZASILEK_STALY", "forma = 'ZASILEK_STALY'");
        rows.put("ZASILEK_STALY_SAMOTNI", "forma = 'ZASILEK_STALY' AND rozmiar = 1");
        rows.put("ZASILEK_STALY_W_RODZINIE", "forma = 'ZASILEK_STALY' AND rozmiar >= 2");
        Map<String, List<String>> subtypes = new LinkedHashMap<>();
        subtypes.put("ZASILEK_OKRESOWY", List.of("BEZROBOCIE", "CHOROBA", "NIEPELNOSPRAWNOSC", "UPRAWNIENIA", "INNE"));
        subtypes.put("ZASILEK_CELOWY", List.of("ZDARZENIE_LOSOWE", "SWIADCZENIA_ZDROWOTNE", "BILET_KREDYTOWANY",
                "NIEZALEZNIE_OD_DOCHODU"));
        subtypes.put("SPECJALNY_ZASILEK_CELOWY", List.of());
        subtypes.put("EKONOMICZNE_USAMODZIELNIENIE", List.of("ZASILEK", "POZYCZKA", "W_NATURZE"));
        subtypes.put("POSILEK", List.of("DZIECI"));
        subtypes.put("SCHRONIENIE", List.of("SCHRONISKO", "SCHRONISKO_USLUGI", "NOCLEGOWNIA", "OGRZEWALNIA"));
        subtypes.put("UBRANIE", List.of());
        subtypes.put("USLUGI_OPIEKUNCZE", List.of("SPECJALISTYCZNE"));
        subtypes.put("POGRZEB", List.of("BEZDOMNI"));
        subtypes.put("DPS", List.of());
        subtypes.put("SKLADKA_ZDROWOTNA", List.of());
        subtypes.forEach((form, codes) -> {
            rows.put(form, "forma = '" + form + "'");
            for (String code : codes) {
                rows.put(form + "_" + code, "forma = '" + form + "' AND podtyp = '" + code + "'");
            }
        });
        return rows;
    }

    /** layout 2025.2, section 1B: the same rows as 2025.1 where they are the same, and the new ones */
    private static Map<String, String> rows1b2() {
        Map<String, String> rows = new LinkedHashMap<>(rows1b());
        // zasiłek stały: the decision's sub-type, by family size only without one
        rows.put("ZASILEK_STALY_SAMOTNI", "forma = 'ZASILEK_STALY' AND (podtyp = 'SAMOTNIE' OR podtyp IS NULL AND rozmiar = 1)");
        rows.put("ZASILEK_STALY_W_RODZINIE", "forma = 'ZASILEK_STALY' AND (podtyp = 'W_RODZINIE' OR podtyp IS NULL AND rozmiar >= 2)");
        rows.put("ZASILEK_OKRESOWY_NIEZALEZNIE_OD_DOCHODU", "forma = 'ZASILEK_OKRESOWY' AND 'NIEZALEZNIE_OD_DOCHODU' = ANY(cechy)");
        rows.put("ZASILKI_CELOWE_I_W_NATURZE", "forma IN ('ZASILEK_CELOWY', 'POMOC_RZECZOWA')");
        rows.put("ZASILEK_CELOWY_BEZDOMNI", "forma = 'ZASILEK_CELOWY' AND 'BEZDOMNOSC' = ANY(powody_decyzji)");
        rows.put("POMOC_RZECZOWA", "forma = 'POMOC_RZECZOWA'");
        rows.put("POSILEK_DORAZNIE", "forma = 'POSILEK' AND 'DORAZNIE' = ANY(cechy)");
        rows.put("POSILEK_DZIECI_DORAZNIE", "forma = 'POSILEK' AND podtyp = 'DZIECI' AND 'DORAZNIE' = ANY(cechy)");
        rows.put("PRODUKTY_ZYWNOSCIOWE", "forma = 'PRODUKTY_ZYWNOSCIOWE'");
        rows.put("PRODUKTY_ZYWNOSCIOWE_DORAZNIE", "forma = 'PRODUKTY_ZYWNOSCIOWE' AND 'DORAZNIE' = ANY(cechy)");
        rows.put("SCHRONIENIE_KRYZYS_MASOWY", "forma = 'SCHRONIENIE' AND 'KRYZYS_MASOWY' = ANY(cechy)");
        rows.put("USLUGI_OPIEKUNCZE_DZIECI", "forma = 'USLUGI_OPIEKUNCZE' AND swiadczeniobiorca_dziecko");
        rows.put("SKLADKA_EMERYTALNA_RENTOWA", "forma = 'SKLADKA_EMERYTALNA_RENTOWA'");
        return rows;
    }

    private static Map<String, String> rows2() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("OGOLEM", "zdarzenie = 'S'");
        rows.put("PIENIEZNE", "pieniezna");
        rows.put("NIEPIENIEZNE", "NOT pieniezna");
        rows.put("PRACA_SOCJALNA", "zdarzenie = 'P'");
        rows.put("WYLACZNIE_PRACA_SOCJALNA", "zdarzenie = 'P' AND bez_swiadczen");
        rows.put("KONTRAKT_SOCJALNY", "kontrakt");
        return rows;
    }

    /** layout 2025.2, section 2 (rows of families; contracts and help are counted apart): cash per (form, sub-type) */
    private static Map<String, String> rows2v2() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("OGOLEM", "zdarzenie = 'S'");
        rows.put("PIENIEZNE", "zdarzenie = 'S' AND pieniezna_podtypu");
        rows.put("NIEPIENIEZNE", "zdarzenie = 'S' AND NOT pieniezna_podtypu");
        rows.put("PRACA_SOCJALNA", "zdarzenie = 'P'");
        rows.put("WYLACZNIE_PRACA_SOCJALNA", "zdarzenie = 'P' AND bez_swiadczen");
        return rows;
    }

    private static Map<String, String> rows3() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String reason : List.of("UBOSTWO", "SIEROCTWO", "BEZDOMNOSC", "MACIERZYNSTWO")) {
            rows.put(reason, "'" + reason + "' = ANY(powody)");
        }
        rows.put("MACIERZYNSTWO_WIELODZIETNOSC", "'MACIERZYNSTWO' = ANY(powody) AND dzieci >= 3");
        for (String reason : List.of("BEZROBOCIE", "NIEPELNOSPRAWNOSC", "CHOROBA", "PRZEMOC", "HANDEL_LUDZMI", "BEZRADNOSC")) {
            rows.put(reason, "'" + reason + "' = ANY(powody)");
        }
        rows.put("BEZRADNOSC_NIEPELNE", "'BEZRADNOSC' = ANY(powody) AND niepelna");
        rows.put("BEZRADNOSC_WIELODZIETNE", "'BEZRADNOSC' = ANY(powody) AND dzieci >= 3");
        for (String reason : List.of("ALKOHOLIZM", "NARKOMANIA", "ZAKLAD_KARNY", "INTEGRACJA_CUDZOZIEMCOW",
                "ZDARZENIE_LOSOWE", "SYTUACJA_KRYZYSOWA", "KLESKA")) {
            rows.put(reason, "'" + reason + "' = ANY(powody)");
        }
        return rows;
    }

    private static Map<String, String> rows4() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (int size = 1; size <= 5; size++) {
            rows.put("RODZINY_" + size, "rozmiar = " + size);
        }
        rows.put("RODZINY_6_PLUS", "rozmiar >= 6");
        rows.put("Z_DZIECMI", "dzieci >= 1");
        for (int k = 1; k <= 3; k++) {
            rows.put("Z_DZIECMI_" + k, "dzieci = " + k);
        }
        rows.put("Z_DZIECMI_4_PLUS", "dzieci >= 4");
        rows.put("NIEPELNE", "niepelna");
        for (int k = 1; k <= 3; k++) {
            rows.put("NIEPELNE_" + k, "niepelna AND dzieci = " + k);
        }
        rows.put("NIEPELNE_4_PLUS", "niepelna AND dzieci >= 4");
        rows.put("EMERYCI_RENCISCI", "emeryci");
        for (int k = 1; k <= 3; k++) {
            rows.put("EMERYCI_RENCISCI_" + k, "emeryci AND rozmiar = " + k);
        }
        rows.put("EMERYCI_RENCISCI_4_PLUS", "emeryci AND rozmiar >= 4");
        return rows;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder; nothing depends on it
        }
    }
}
