package pl.mops.reports.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.generator.GenerationSummary;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.importing.ImportResult;
import pl.mops.reports.importing.SnapshotImporter;
import pl.mops.reports.statistics.MonthlyStatisticsService;

/**
 * {@code bench [--report FILE] [--scale N] [--repeat R]}: the benchmark (not a unit test), run by
 * {@code bench/run} on a home folder of its own. On a fixed synthetic set (15 000 families,
 * 2024-01 … 2025-12, seed 20251) it measures the import (rows per second, peak heap) of the
 * Kraków-sized set and of a set N times larger (default 10), and the monthly statistics job
 * (repeated runs of 2025-12 with {@code --rerun}: total and per step), and the annual MRPiPS-03
 * return of 2025 against its bare-SQL bound ({@link Mrpips03Benchmark}). Results go to the console
 * and to the section {@code bench:...} of the report file.
 */
@Component
public class BenchCommand implements CliCommand {

    static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);

    private final SyntheticDataGenerator generator;
    private final SnapshotImporter importer;
    private final MonthlyStatisticsService monthly;
    private final Mrpips03Benchmark mrpips03;
    private final JdbcTemplate jdbc;
    private final MopsProperties properties;
    private final Console console;

    public BenchCommand(SyntheticDataGenerator generator, SnapshotImporter importer, MonthlyStatisticsService monthly,
            Mrpips03Benchmark mrpips03, JdbcTemplate jdbc, MopsProperties properties, Console console) {
        this.generator = generator;
        this.importer = importer;
        this.monthly = monthly;
        this.mrpips03 = mrpips03;
        this.jdbc = jdbc;
        this.properties = properties;
        this.console = console;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        Path report = line.option("report").map(Path::of).orElse(Path.of("docs/benchmarks.md"));
        int scale = line.option("scale", Integer::valueOf, "liczba całkowita").orElse(10);
        int repeat = line.option("repeat", Integer::valueOf, "liczba całkowita").orElse(3);
        String machine = String.format(Locale.ROOT, "%d rdzenie, Java %s, -Xmx%d MiB",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), HeapPeak.maxHeapMiB());

        GeneratorSettings base = new GeneratorSettings(15_000, 2, 20251L, LAST_MONTH);
        ImportMeasure small = measureImport(base, "krakow");
        ImportMeasure large = scale > 1
                ? measureImport(new GeneratorSettings(15_000 * scale, 2, 20251L, LAST_MONTH), "krakow-x" + scale) : null;
        StringBuilder importSection = new StringBuilder();
        importSection.append("## Import (`import --dir`)\n\n").append("Maszyna: ").append(machine).append(".\n\n")
                .append("| zbiór | rodziny | wiersze | plik(i) MiB | generowanie s | import s | wiersze/s | szczyt sterty MiB |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        importSection.append(small.row());
        if (large != null) {
            importSection.append(large.row());
        }
        importSection.append("\nCel: ≥ 150 000 wierszy/s; pamięć stała przy rosnącym wejściu (strumień + COPY).\n");
        BenchmarkReport.replaceSection(report, "import", importSection.toString());

        List<Duration> runs = new ArrayList<>();
        String steps = "";
        for (int i = 0; i < repeat; i++) {
            HeapPeak.reset();
            MonthlyStatisticsService.Result result = monthly.run(LAST_MONTH, small.snapshotId(),
                    properties.home().resolve("out/bench-monthly"), i > 0, "bench");
            runs.add(result.duration());
            steps = stepDurations(result.jobInstanceId());
            console.line(String.format(Locale.ROOT, "Statystyka miesięczna, przebieg %d: %.2f s (%s), szczyt sterty %d MiB",
                    i + 1, result.duration().toMillis() / 1000.0, steps, HeapPeak.peakMiB()));
        }
        long peak = HeapPeak.peakMiB();
        double best = runs.stream().mapToLong(Duration::toMillis).min().orElse(0) / 1000.0;
        double median = runs.stream().mapToLong(Duration::toMillis).sorted().skip(runs.size() / 2).findFirst().orElse(0) / 1000.0;
        String monthlySection = "## Statystyka miesięczna (`run monthly --month " + LAST_MONTH + "`)\n\n"
                + "Zbiór: 15 000 rodzin, " + base.firstMonth() + " – " + base.lastMonth() + " (" + String.format(Locale.ROOT,
                "%,d", small.rows()).replace(',', ' ') + " wierszy). Przebiegi: " + runs.size() + " (kolejne z --rerun).\n\n"
                + "| miara | wartość |\n|---|---:|\n"
                + String.format(Locale.ROOT, "| najlepszy czas zadania | %.2f s |%n| mediana | %.2f s |%n", best, median)
                + "| kroki (ostatni przebieg) | " + steps + " |\n"
                + "| szczyt sterty (ostatni przebieg) | " + peak + " MiB |\n"
                + "\nCel: zadanie < 10 s, sterta < 512 MiB.\n";
        BenchmarkReport.replaceSection(report, "monthly", monthlySection);

        int year = LAST_MONTH.getYear();
        StringBuilder returns = new StringBuilder("## MRPiPS-03 roczne (`run mrpips03 --period " + year + "-R`)\n\n"
                + "Ten sam zbiór (15 000 rodzin). Zadanie = komórki, reguły kontrolne, XML, XLSX, PDF i raport kontroli; "
                + "granica = „gołe SQL”: po jednym ręcznie napisanym zapytaniu na dział, w tym samym przebiegu. "
                + "Pierwszy przebieg rozgrzewa JVM i szablony.\n\n"
                + "| przebieg | zadanie s | gołe SQL s | zadanie / granica | komórki | liczby zgodne | szczyt sterty MiB |\n"
                + "|---:|---:|---:|---:|---:|---|---:|\n");
        for (int i = 1; i <= repeat; i++) {
            HeapPeak.reset();
            Mrpips03Benchmark.Result r = mrpips03.measure(small.snapshotId(), year);
            long heap = HeapPeak.peakMiB();
            returns.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %d | %s | %d |%n", i,
                    r.job().toMillis() / 1000.0, r.bound().toMillis() / 1000.0, r.ratio(), r.cells(),
                    r.sameNumbers() ? "tak" : "NIE", heap));
            console.line(String.format(Locale.ROOT, "MRPiPS-03 %d-R, przebieg %d: zadanie %.2f s, gołe SQL %.2f s, "
                    + "stosunek %.2f, zgodne: %s", year, i, r.job().toMillis() / 1000.0, r.bound().toMillis() / 1000.0,
                    r.ratio(), r.sameNumbers()));
        }
        returns.append("\nCel: < 10 s po starcie JVM i ≤ 2× granicy.\n");
        BenchmarkReport.replaceSection(report, "mrpips03", returns.toString());
        console.line("Wyniki zapisano w " + report.toAbsolutePath());
        return ExitCode.SUCCESS;
    }

    record ImportMeasure(String name, int families, long rows, double sizeMiB, double generateSeconds,
                         double importSeconds, long peakHeapMiB, long snapshotId) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %,d | %,d | %.0f | %.1f | %.1f | %,.0f | %d |%n", name, families, rows,
                    sizeMiB, generateSeconds, importSeconds, rows / importSeconds, peakHeapMiB).replace(',', ' ');
        }
    }

    private ImportMeasure measureImport(GeneratorSettings settings, String name) {
        Path dir = properties.home().resolve("dane/bench-" + name).toAbsolutePath();
        long t0 = System.nanoTime();
        GenerationSummary generated = generator.writeCsv(settings, dir);
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        double sizeMiB = size(dir) / 1048576.0;
        HeapPeak.reset();
        long t1 = System.nanoTime();
        ImportResult result = importer.importDirectory(dir, "bench:" + name, properties.home().resolve("out/import"),
                SnapshotImporter.Progress.NONE, false, null,
                pl.mops.reports.importing.validation.RowLoss.Check.CONFIRMED); // synthetic data: nothing to confirm
        double importSeconds = (System.nanoTime() - t1) / 1e9;
        long peak = HeapPeak.peakMiB();
        ImportMeasure measure = new ImportMeasure(name, settings.families(), result.totalRead(), sizeMiB, generateSeconds,
                importSeconds, peak, result.snapshot().id());
        console.line(String.format(Locale.ROOT, "Import %s: %,d wierszy w %.1f s = %,.0f wierszy/s, szczyt sterty %d MiB "
                        + "(odrzucono %d)", name, result.totalRead(), importSeconds, result.totalRead() / importSeconds, peak,
                result.totalRejected()));
        if (generated.totalRows() != result.totalRead()) {
            console.line("UWAGA: generator zapisał " + generated.totalRows() + " wierszy, import przeczytał " + result.totalRead());
        }
        return measure;
    }

    private String stepDurations(long jobInstanceId) {
        return String.join(", ", jdbc.query("""
                SELECT s.step_name, extract(epoch FROM s.end_time - s.start_time)
                  FROM batch_step_execution s JOIN batch_job_execution j USING (job_execution_id)
                 WHERE j.job_instance_id = ? ORDER BY s.step_execution_id""",
                (rs, i) -> String.format(Locale.ROOT, "%s %.2f s", rs.getString(1), rs.getDouble(2)), jobInstanceId));
    }

    private static long size(Path dir) {
        try (var files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
