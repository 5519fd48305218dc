package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.generator.GeneratedData;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.statistics.Measures;
import pl.mops.reports.statistics.MonthlyFigures;
import pl.mops.reports.statistics.MonthlyFiguresRepository;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.importing.validation.RowLoss;

/**
 * Round trip: generator → CSV files → {@code import} → monthly job. The monthly numbers must equal
 * those computed here directly from the generator's in-memory rows with the counting rules
 * (README "Zasady liczenia"), by plain Java loops — an independent method, not the SQL. The data of
 * contract version 2 (markers, sub-types, financing, contracts, help without a decision) must be in the
 * snapshot as the generator made it, counted the way layout 2025.2 counts them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorImportRoundTripTest extends DatabaseTest {

    /**
     * each set imported here is its own data set, not a later export of the newest snapshot (which another test may
     * have imported): only the checks within the export apply (RowLoss); the comparison is tested in RowLossTest
     */
    static final RowLoss.Check UNRELATED_SET = RowLoss.Check.WITHIN_EXPORT;

    private static final GeneratorSettings SETTINGS = new GeneratorSettings(1_200, 2, 77L, YearMonth.of(2025, 12));
    private static final YearMonth MONTH = YearMonth.of(2025, 6);

    @Autowired
    SyntheticDataGenerator generator;
    @Autowired
    SnapshotImporter importer;
    @Autowired
    MonthlyStatisticsService monthly;
    @Autowired
    MonthlyFiguresRepository figuresRepository;
    @Autowired
    JdbcTemplate jdbc;

    GeneratedData data;
    ImportResult imported;
    MonthlyFigures figures;

    @BeforeAll
    void roundTrip() throws Exception {
        Path dir = Files.createTempDirectory("round-trip");
        generator.writeCsv(SETTINGS, dir);
        data = generator.collect(SETTINGS);
        imported = importer.importDirectory(dir, "test:round-trip", Files.createTempDirectory("round-trip-out"),
                SnapshotImporter.Progress.NONE, false, null, UNRELATED_SET);
        MonthlyStatisticsService.Result result = monthly.run(MONTH, imported.snapshot().id(),
                Files.createTempDirectory("round-trip-monthly"), false, "test");
        figures = figuresRepository.load(result.jobInstanceId());
    }

    @Test
    void everyGeneratedRowIsImported() {
        assertThat(imported.totalRejected()).isZero();
        Map<String, Long> loaded = new HashMap<>();
        imported.files().forEach(f -> loaded.put(f.stats().file().fileName(), f.loaded()));
        assertThat(loaded).containsEntry("osoby.csv", (long) data.persons().size())
                .containsEntry("rodziny.csv", (long) data.families().size())
                .containsEntry("czlonkowie.csv", (long) data.memberships().size())
                .containsEntry("decyzje.csv", (long) data.decisions().size())
                .containsEntry("swiadczenia.csv", (long) data.benefits().size())
                .containsEntry("praca_socjalna.csv", (long) data.socialWork().size())
                .containsEntry("kontrakty.csv", (long) data.contracts().size())
                .containsEntry("wsparcie.csv", (long) data.support().size())
                .containsEntry("plan.csv", (long) data.plan().size());
    }

    @Test
    void markersSubtypesAndFinancingAreImportedAsGenerated() {
        long snapshot = imported.snapshot().id();
        Map<String, Long> markers = new TreeMap<>();
        Map<String, Long> staly = new TreeMap<>();
        Map<String, BigDecimal> okresowy = new TreeMap<>();
        for (GeneratedData.Benefit b : data.benefits()) {
            b.markerList().forEach(m -> markers.merge(m, 1L, Long::sum));
            if (b.form().equals("ZASILEK_STALY")) {
                staly.merge(b.subtype() == null ? "" : b.subtype(), 1L, Long::sum);
            }
            if (b.form().equals("ZASILEK_OKRESOWY")) {
                okresowy.merge(b.financing() == null ? "" : b.financing(), b.amount(), BigDecimal::add);
            }
        }
        assertThat(markers).containsOnlyKeys("DORAZNIE", "KRYZYS_MASOWY", "NIEZALEZNIE_OD_DOCHODU", "PROGRAM_POSILEK");
        assertThat(staly).containsKeys("", "SAMOTNIE", "W_RODZINIE");
        assertThat(okresowy).containsOnlyKeys("DOTACJA", "SRODKI_WLASNE");
        assertThat(groups("SELECT m, count(*) FROM swiadczenia, unnest(cechy) m WHERE snapshot_id = ? GROUP BY m", snapshot))
                .isEqualTo(markers);
        assertThat(groups("SELECT coalesce(podtyp, ''), count(*) FROM swiadczenia WHERE snapshot_id = ? "
                + "AND forma = 'ZASILEK_STALY' GROUP BY 1", snapshot)).isEqualTo(staly);
        Map<String, BigDecimal> importedOkresowy = new TreeMap<>();
        jdbc.query("SELECT coalesce(finansowanie, ''), sum(kwota) FROM swiadczenia WHERE snapshot_id = ? "
                + "AND forma = 'ZASILEK_OKRESOWY' GROUP BY 1", rs -> {
                    importedOkresowy.put(rs.getString(1), rs.getBigDecimal(2));
                }, snapshot);
        assertThat(importedOkresowy).isEqualTo(okresowy);
    }

    @Test
    void contractsAndHelpWithoutADecisionOfAHalfYearEqualTheGeneratorsOwnData() {
        long snapshot = imported.snapshot().id();
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 6, 30);
        // KONTRAKTY_SOCJALNE: contracts in force on any day of the period and the persons they cover
        long contracts = 0;
        long covered = 0;
        for (GeneratedData.Contract c : data.contracts()) {
            if (!c.from().isAfter(to) && (c.to() == null || !c.to().isBefore(from))) {
                contracts++;
                covered += c.persons();
            }
        }
        assertThat(contracts).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) || ';' || coalesce(sum(liczba_osob), 0) FROM kontrakty "
                + "WHERE snapshot_id = ? AND data_od <= ? AND (data_do IS NULL OR data_do >= ?)", String.class,
                snapshot, to, from)).isEqualTo(contracts + ";" + covered);
        // INTERWENCJA_KRYZYSOWA, PORADNICTWO_*: families and persons (no person on the row: the family's applicant that day)
        Map<String, Set<String>> families = new TreeMap<>();
        Map<String, Set<String>> persons = new TreeMap<>();
        for (GeneratedData.Support s : data.support()) {
            if (s.date().isBefore(from) || s.date().isAfter(to)) {
                continue;
            }
            families.computeIfAbsent(s.kind(), k -> new HashSet<>()).add(s.rodzinaId());
            String person = s.osobaId() != null ? s.osobaId() : data.memberships().stream()
                    .filter(m -> m.rodzinaId().equals(s.rodzinaId()) && m.role().equals("WNIOSKODAWCA")
                            && !m.from().isAfter(s.date()) && (m.to() == null || !m.to().isBefore(s.date())))
                    .map(GeneratedData.Membership::osobaId).findFirst().orElseThrow();
            persons.computeIfAbsent(s.kind(), k -> new HashSet<>()).add(person);
        }
        assertThat(families).hasSize(4);
        Map<String, String> expected = new TreeMap<>();
        families.forEach((kind, set) -> expected.put(kind, set.size() + ";" + persons.get(kind).size()));
        Map<String, String> actual = new TreeMap<>();
        jdbc.query("""
                SELECT w.rodzaj, count(DISTINCT w.rodzina_id) || ';' || count(DISTINCT coalesce(w.osoba_id, c.osoba_id))
                  FROM wsparcie w
                  LEFT JOIN czlonkowie c ON c.snapshot_id = w.snapshot_id AND c.rodzina_id = w.rodzina_id
                       AND w.osoba_id IS NULL AND c.rola = 'WNIOSKODAWCA' AND c.data_od <= w.data
                       AND (c.data_do IS NULL OR c.data_do >= w.data)
                 WHERE w.snapshot_id = ? AND w.data BETWEEN ? AND ?
                 GROUP BY w.rodzaj""", rs -> {
                    actual.put(rs.getString(1), rs.getString(2));
                }, snapshot, from, to);
        assertThat(actual).isEqualTo(expected);
    }

    private Map<String, Long> groups(String sql, long snapshot) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.query(sql, rs -> {
            result.put(rs.getString(1), rs.getLong(2));
        }, snapshot);
        return result;
    }

    @Test
    void cityFiguresOfTheMonthAndYearToDateEqualTheGeneratorsOwnData() {
        assertThat(figures.city("M")).isEqualTo(expected(MONTH.atDay(1), MONTH.atEndOfMonth(), null));
        assertThat(figures.city("YTD")).isEqualTo(expected(MONTH.atDay(1).withDayOfMonth(1).withMonth(1), MONTH.atEndOfMonth(), null));
    }

    @Test
    void districtFiguresEqualTheGeneratorsOwnData() {
        Set<String> districts = new HashSet<>();
        data.families().forEach(f -> districts.add(f.district()));
        for (String district : districts) {
            assertThat(figures.district("M", district)).as(district)
                    .isEqualTo(expected(MONTH.atDay(1), MONTH.atEndOfMonth(), district));
        }
    }

    @Test
    void familiesByReasonEqualTheGeneratorsOwnData() {
        Map<String, GeneratedData.Decision> decisions = new HashMap<>();
        data.decisions().forEach(d -> decisions.put(d.decyzjaId(), d));
        Map<String, Set<String>> familiesByReason = new TreeMap<>();
        for (GeneratedData.Benefit b : data.benefits()) {
            if (YearMonth.from(b.date()).equals(MONTH)) {
                GeneratedData.Decision d = decisions.get(b.decyzjaId());
                for (String reason : d.reasons()) {
                    familiesByReason.computeIfAbsent(reason, k -> new HashSet<>()).add(d.rodzinaId());
                }
            }
        }
        assertThat(familiesByReason).isNotEmpty();
        familiesByReason.forEach((reason, families) ->
                assertThat(figures.reason("M", reason).families()).as(reason).isEqualTo(families.size()));
    }

    /** the measures of benefits dated in [from, to], optionally of one district, by the counting rules */
    private Measures expected(LocalDate from, LocalDate to, String district) {
        Map<String, GeneratedData.Decision> decisions = new HashMap<>();
        data.decisions().forEach(d -> decisions.put(d.decyzjaId(), d));
        Map<String, String> districtOf = new HashMap<>();
        data.families().forEach(f -> districtOf.put(f.rodzinaId(), f.district()));
        Map<String, LocalDate> lastDate = new HashMap<>();
        Set<String> recipients = new HashSet<>();
        long count = 0;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        for (GeneratedData.Benefit b : data.benefits()) {
            if (b.date().isBefore(from) || b.date().isAfter(to)) {
                continue;
            }
            GeneratedData.Decision d = decisions.get(b.decyzjaId());
            if (district != null && !district.equals(districtOf.get(d.rodzinaId()))) {
                continue;
            }
            lastDate.merge(d.rodzinaId(), b.date(), (x, y) -> x.isAfter(y) ? x : y);
            recipients.add(b.osobaId() != null ? b.osobaId() : d.osobaId());
            count += b.count();
            amount = amount.add(b.amount());
        }
        long persons = 0;
        for (Map.Entry<String, LocalDate> family : lastDate.entrySet()) {
            LocalDate day = family.getValue();
            persons += data.memberships().stream()
                    .filter(m -> m.rodzinaId().equals(family.getKey()) && !m.from().isAfter(day)
                            && (m.to() == null || !m.to().isBefore(day)))
                    .count();
        }
        return new Measures(lastDate.size(), persons, (long) recipients.size(), count, amount);
    }

}
