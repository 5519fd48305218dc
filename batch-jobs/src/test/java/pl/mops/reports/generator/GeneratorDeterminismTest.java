package pl.mops.reports.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same settings → the same bytes; the CSV dialect of the interchange contract (version 2); families independent of
 * each other. Runs on the dictionaries with the codes of contract version 2 ({@link ContractVersion2}), so the
 * version-2 forms, sub-types and markers are in the files whether or not {@code config/} of this build has them.
 */
class GeneratorDeterminismTest {

    /** the contract's files and header lines, in contract order (shared/spec/interchange.md) */
    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("osoby.csv", "osoba_id;pesel;data_urodzenia;plec;obywatelstwo;zrodlo_dochodu");
        HEADERS.put("rodziny.csv", "rodzina_id;dzielnica;filia;teren");
        HEADERS.put("czlonkowie.csv", "rodzina_id;osoba_id;rola;od;do");
        HEADERS.put("decyzje.csv", "decyzja_id;rodzina_id;osoba_id;data_wydania;rodzaj;powody");
        HEADERS.put("swiadczenia.csv", "swiadczenie_id;decyzja_id;osoba_id;forma;podtyp;zadanie;data;liczba;kwota;finansowanie;cechy");
        HEADERS.put("praca_socjalna.csv", "rodzina_id;data;kontrakt");
        HEADERS.put("kontrakty.csv", "kontrakt_id;rodzina_id;osoba_id;od;do;liczba_osob");
        HEADERS.put("wsparcie.csv", "rodzina_id;osoba_id;data;rodzaj");
        HEADERS.put("plan.csv", "rok;forma;kwota_planu");
    }

    private static final GeneratorSettings SETTINGS = new GeneratorSettings(2_000, 2, 4242L, YearMonth.of(2025, 12));

    private final SyntheticDataGenerator generator = ContractVersion2.generator();

    @TempDir
    Path temp;

    @Test
    void sameSettingsGiveIdenticalFilesAndAnotherSeedDifferentOnes() throws IOException {
        GenerationSummary first = generator.writeCsv(SETTINGS, temp.resolve("a"));
        GenerationSummary second = ContractVersion2.generator().writeCsv(SETTINGS, temp.resolve("b"));
        GenerationSummary other = generator.writeCsv(new GeneratorSettings(2_000, 2, 4243L, YearMonth.of(2025, 12)), temp.resolve("c"));
        assertThat(second.rowsPerFile()).isEqualTo(first.rowsPerFile());
        for (String file : HEADERS.keySet()) {
            assertThat(sha256(temp.resolve("b").resolve(file))).as(file).isEqualTo(sha256(temp.resolve("a").resolve(file)));
            if (!file.equals("plan.csv")) {
                assertThat(sha256(temp.resolve("c").resolve(file))).as(file).isNotEqualTo(sha256(temp.resolve("a").resolve(file)));
            }
        }
        assertThat(other.rowsPerFile().get("rodziny.csv")).isEqualTo(2_000L);
    }

    @Test
    void theGeneratorOfTheShippedDictionariesIsDeterministicToo() throws IOException {
        GenerationSummary first = new SyntheticDataGenerator().writeCsv(SETTINGS, temp.resolve("a"));
        GenerationSummary second = new SyntheticDataGenerator().writeCsv(SETTINGS, temp.resolve("b"));
        assertThat(second.rowsPerFile()).isEqualTo(first.rowsPerFile());
        assertThat(List.copyOf(first.rowsPerFile().keySet())).containsExactlyElementsOf(HEADERS.keySet());
        for (String file : HEADERS.keySet()) {
            assertThat(sha256(temp.resolve("b").resolve(file))).as(file).isEqualTo(sha256(temp.resolve("a").resolve(file)));
        }
    }

    @Test
    void filesFollowTheCsvDialectOfTheContract() throws IOException {
        GenerationSummary summary = generator.writeCsv(SETTINGS, temp.resolve("nested").resolve("out"));
        assertThat(summary.dir()).isEqualTo(temp.resolve("nested").resolve("out"));
        assertThat(List.copyOf(summary.rowsPerFile().keySet())).containsExactlyElementsOf(HEADERS.keySet());
        try (var listing = Files.list(summary.dir())) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("no temporary files left").containsExactlyInAnyOrderElementsOf(HEADERS.keySet());
        }
        long total = 0;
        for (Map.Entry<String, String> entry : HEADERS.entrySet()) {
            byte[] bytes = Files.readAllBytes(summary.dir().resolve(entry.getKey()));
            assertThat(bytes.length).isGreaterThan(3);
            assertThat(bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB).as("no BOM in %s", entry.getKey()).isFalse();
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("\r").doesNotContain("\"").endsWith("\n");
            List<String> lines = text.lines().toList();
            assertThat(lines.get(0)).isEqualTo(entry.getValue());
            int columns = entry.getValue().split(";").length;
            List<String> names = List.of(entry.getValue().split(";"));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(";", -1);
                assertThat(fields).as("%s: %s", entry.getKey(), line).hasSize(columns);
                for (int i = 0; i < columns; i++) {
                    String name = names.get(i);
                    String value = fields[i];
                    if (name.startsWith("kwota")) {
                        assertThat(value).as("%s %s", entry.getKey(), line).matches("\\d+\\.\\d{2}");
                    } else if (name.equals("data") || name.equals("od") || name.startsWith("data_")) {
                        assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}");
                    } else if (name.equals("do")) {
                        assertThat(value).matches("(\\d{4}-\\d{2}-\\d{2})?");
                    } else if (name.equals("liczba") || name.equals("rok") || name.equals("liczba_osob")) {
                        assertThat(Integer.parseInt(value)).isPositive();
                    } else if (name.equals("kontrakt")) {
                        assertThat(value).isIn("0", "1");
                    } else if (name.equals("powody")) {
                        assertThat(value).matches("([A-Z_]+(\\|[A-Z_]+){0,2})?");
                    } else if (name.equals("cechy")) {
                        assertThat(value).matches("([A-Z_]+(\\|[A-Z_]+)*)?");
                    } else if (name.equals("rodzaj") && entry.getKey().equals("wsparcie.csv")) {
                        assertThat(value).isIn(ContractVersion2.SUPPORT_KINDS);
                    } else if (name.equals("kontrakt_id")) {
                        assertThat(value).matches("K\\d{6}");
                    }
                }
            }
            assertThat(summary.rowsPerFile().get(entry.getKey())).as(entry.getKey()).isEqualTo(lines.size() - 1L);
            total += lines.size() - 1L;
        }
        assertThat(summary.totalRows()).isEqualTo(total);
    }

    @Test
    void collectGivesTheSameRowsAsTheFiles() {
        GenerationSummary summary = generator.writeCsv(SETTINGS, temp.resolve("csv"));
        GeneratedData data = generator.collect(SETTINGS);
        assertThat(summary.rowsPerFile()).containsExactly(
                Map.entry("osoby.csv", (long) data.persons().size()),
                Map.entry("rodziny.csv", (long) data.families().size()),
                Map.entry("czlonkowie.csv", (long) data.memberships().size()),
                Map.entry("decyzje.csv", (long) data.decisions().size()),
                Map.entry("swiadczenia.csv", (long) data.benefits().size()),
                Map.entry("praca_socjalna.csv", (long) data.socialWork().size()),
                Map.entry("kontrakty.csv", (long) data.contracts().size()),
                Map.entry("wsparcie.csv", (long) data.support().size()),
                Map.entry("plan.csv", (long) data.plan().size()));
    }

    @Test
    void familiesDoNotDependOnHowManyFollowThem() {
        YearMonth to = YearMonth.of(2025, 12);
        GeneratedData small = generator.collect(new GeneratorSettings(100, 2, 99L, to));
        GeneratedData large = generator.collect(new GeneratorSettings(300, 2, 99L, to));
        assertThat(large.families().subList(0, 100)).isEqualTo(small.families());
        assertThat(large.persons().subList(0, small.persons().size())).isEqualTo(small.persons());
        assertThat(large.memberships().subList(0, small.memberships().size())).isEqualTo(small.memberships());
        assertThat(large.decisions().subList(0, small.decisions().size())).isEqualTo(small.decisions());
        assertThat(large.benefits().subList(0, small.benefits().size())).isEqualTo(small.benefits());
        assertThat(large.socialWork().subList(0, small.socialWork().size())).isEqualTo(small.socialWork());
        assertThat(large.contracts().subList(0, small.contracts().size())).isEqualTo(small.contracts());
        assertThat(large.support().subList(0, small.support().size())).isEqualTo(small.support());
    }

    @Test
    void settingsDefineThePeriod() {
        GeneratorSettings demo = GeneratorSettings.demo(YearMonth.of(2026, 10));
        assertThat(demo).isEqualTo(new GeneratorSettings(15_000, 2, 20251L, YearMonth.of(2026, 10)));
        assertThat(demo.firstMonth()).isEqualTo(YearMonth.of(2024, 11));
        assertThat(demo.firstDay()).isEqualTo(java.time.LocalDate.of(2024, 11, 1));
        assertThat(demo.lastDay()).isEqualTo(java.time.LocalDate.of(2026, 10, 31));
        assertThat(new GeneratorSettings(1, 1, 0, YearMonth.of(2025, 2)).firstMonth()).isEqualTo(YearMonth.of(2024, 3));
    }

    @Test
    void aSingleFamilyAndASingleYearWork() {
        GeneratedData one = generator.collect(new GeneratorSettings(1, 1, 1L, YearMonth.of(2025, 1)));
        assertThat(one.families()).hasSize(1);
        assertThat(one.persons()).isNotEmpty();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
