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

import pl.mops.reports.generator.GeneratedData;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.statistics.Measures;
import pl.mops.reports.statistics.MonthlyFigures;
import pl.mops.reports.statistics.MonthlyFiguresRepository;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.support.DatabaseTest;

/**
 * Round trip: generator → CSV files → {@code import} → monthly job. The monthly numbers must equal
 * those computed here directly from the generator's in-memory rows with the counting rules
 * (README "Zasady liczenia"), by plain Java loops — an independent method, not the SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorImportRoundTripTest extends DatabaseTest {

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

    GeneratedData data;
    ImportResult imported;
    MonthlyFigures figures;

    @BeforeAll
    void roundTrip() throws Exception {
        Path dir = Files.createTempDirectory("round-trip");
        generator.writeCsv(SETTINGS, dir);
        data = generator.collect(SETTINGS);
        imported = importer.importDirectory(dir, "test:round-trip", Files.createTempDirectory("round-trip-out"),
                SnapshotImporter.Progress.NONE);
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
                .containsEntry("plan.csv", (long) data.plan().size());
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
