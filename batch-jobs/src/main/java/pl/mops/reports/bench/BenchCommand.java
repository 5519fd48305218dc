package pl.mops.reports.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.generator.GenerationSummary;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.importing.ImportResult;
import pl.mops.reports.importing.SnapshotImporter;
import pl.mops.reports.statistics.MonthlyFiguresRepository;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;

/**
 * {@code bench [--scale N] [--repeat R] [--report FILE] [--dane DIR] [--launcher SCRIPT]}: the benchmark (not a unit
 * test), run by {@code bench/run} on a home folder of its own.
 *
 * <p><b>Scales.</b> The project's synthetic set (2024-01 … 2025-12, seed 20251) at x1 = 15 000 families (Kraków), x10 =
 * 150 000 and x60 = 900 000. {@code --scale N} measures x1 and xN: by default (no option) x1 and x10, {@code --scale 60}
 * x1 and x60 (not x10 too: one large scale a run keeps the run within the time a shared machine can give), {@code
 * --scale 1} only x1 (a quick smoke run, about a minute plus the start-up). The generated CSV folders are kept in
 * {@code --dane} (bench/run: {@code batch-jobs/target/bench-dane}) and reused by the next run with the same settings
 * (the generator writes the same bytes for the same settings); every scale is imported as its own snapshot of the
 * same database (the tables are keyed by snapshot, so one scale does not distort another).
 *
 * <p><b>What each scale measures</b>, in one run, so the ratios compare like with like on whatever machine runs it:
 * COPY of {@code swiadczenia.csv} and of all files ({@link CopyBenchmark}, the reference of the import); the import
 * ({@link SnapshotImporter#importDirectory}: seconds, rows/s, ratio to COPY, peak heap); the one-pass floor (one query
 * over 2025's realisations joined to their decisions and families, best of two); and the jobs, each with its package
 * for the auditors: the monthly statistics of 2025-12 against {@link MonthlyPeer}, the annual MRPiPS-03 of 2025
 * against {@link Mrpips03Benchmark}'s bound, and OZPS 2025 (on {@code bench/zasoby-2025.yaml}) against
 * {@link OzpsPeer} (one hand-written query per table 10.3, 10.4, 10.5–10.6 and 10.8). Each job's time, its
 * ratio to the peer and to the floor, peak heap ({@link HeapPeak}), the longest single SQL statement of the import and
 * of each job against the program's statement limit ({@link LongestStatement}) and whether the peer's numbers equal the
 * job's.
 *
 * <p><b>Start-up</b>: {@code status} and {@code snapshots} launched as child processes ({@link StartupBenchmark}) the way
 * a user launches them, whole time and Spring's own „Started … in X seconds”; after the x1 scale, each job the same
 * way on the x1 files (the x1 goal is „from the command to its last file”), against that goal.
 *
 * <p>Results go to the console and to {@code docs/benchmarks.md}: sections {@code bench:x1}, {@code bench:x10},
 * {@code bench:x60} (a run replaces only the scales it measured) and {@code bench:start}, with the issue's goals beside
 * the figures ({@link BenchmarkReport}).
 */
@Component
public class BenchCommand implements CliCommand {

    static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
    static final int YEAR = 2025;
    static final int BASE_FAMILIES = 15_000;

    private final SyntheticDataGenerator generator;
    private final SnapshotImporter importer;
    private final MonthlyStatisticsService monthly;
    private final MonthlyFiguresRepository monthlyFigures;
    private final MonthlyPeer monthlyPeer;
    private final Mrpips03Benchmark mrpips03;
    private final OzpsAssessmentService ozps;
    private final OzpsPeer ozpsPeer;
    private final CopyBenchmark copy;
    private final JdbcTemplate jdbc;
    private final MopsProperties properties;
    private final Console console;

    public BenchCommand(SyntheticDataGenerator generator, SnapshotImporter importer, MonthlyStatisticsService monthly,
            MonthlyFiguresRepository monthlyFigures, MonthlyPeer monthlyPeer, Mrpips03Benchmark mrpips03,
            OzpsAssessmentService ozps, OzpsPeer ozpsPeer, CopyBenchmark copy, JdbcTemplate jdbc, MopsProperties properties, Console console) {
        this.generator = generator;
        this.importer = importer;
        this.monthly = monthly;
        this.monthlyFigures = monthlyFigures;
        this.monthlyPeer = monthlyPeer;
        this.mrpips03 = mrpips03;
        this.ozps = ozps;
        this.ozpsPeer = ozpsPeer;
        this.copy = copy;
        this.jdbc = jdbc;
        this.properties = properties;
        this.console = console;
    }

    @Override
    public String name() {
        return "bench";
    }

    /** {@code --scale N}: 1 → only x1; N → x1 and xN; none → x1 and x10 */
    static List<Integer> scales(Integer option) {
        int n = option == null ? 10 : option;
        return n == 1 ? List.of(1) : List.of(1, n);
    }

    @Override
    public ExitCode execute(CommandLine line) {
        Path report = line.option("report").map(Path::of).orElse(Path.of("docs/benchmarks.md"));
        List<Integer> scales = scales(line.option("scale", Integer::valueOf, "liczba całkowita").orElse(null));
        int repeat = line.option("repeat", Integer::valueOf, "liczba całkowita").orElse(1);
        Path data = line.option("dane").map(Path::of).orElse(properties.home().resolve("bench-dane")).toAbsolutePath();
        Path launcher = line.option("launcher").map(Path::of).orElse(null);

        StartupBenchmark startup = new StartupBenchmark(launcher, properties.home().resolve("start"));
        List<BenchmarkReport.Startup> startups = new ArrayList<>();
        for (String command : List.of("status", "snapshots")) {
            console.line("Start: " + command + " w nowym procesie (" + startup.how() + ")…");
            BenchmarkReport.Startup s = startup.measure(command, 3);
            startups.add(s);
            console.line(String.format(Locale.ROOT, "Start %s: całość %s s (mediana z %d), Spring %s s", command,
                    BenchmarkReport.seconds(BenchmarkReport.median(s.wallSeconds())), s.wallSeconds().size(),
                    BenchmarkReport.seconds(BenchmarkReport.median(s.springSeconds()))));
        }
        String startMachine = machine();
        String startSection = BenchmarkReport.startupSection(startups, startMachine);
        BenchmarkReport.replaceSection(report, "start", startSection);
        console.line(startSection);

        for (int scale : scales) {
            BenchmarkReport.Scale result = measureScale(scale, data, repeat);
            String section = BenchmarkReport.scaleSection(result);
            BenchmarkReport.replaceSection(report, "x" + scale, section);
            console.line(section);
            if (scale == 1) {
                startSection = BenchmarkReport.startupSection(startups, jobsFromCommand(startup, data.resolve("x1")),
                        startMachine);
                BenchmarkReport.replaceSection(report, "start", startSection);
                console.line(startSection);
            }
        }
        console.line("Wyniki zapisano w " + report.toAbsolutePath());
        return ExitCode.SUCCESS;
    }

    /**
     * The x1 goal's own measure: each job from the command to its last file, in a fresh JVM through the launcher, with
     * the embedded database — on the start-up's home folder (the benchmark's own holds this process's database), into
     * which the x1 files are imported first (not measured).
     */
    private List<BenchmarkReport.CommandJob> jobsFromCommand(StartupBenchmark startup, Path x1) {
        console.line("Zadania x1 od polecenia (" + startup.how() + "): import danych x1 do " + startup.home() + "…");
        startup.prepare(List.of("import", "--dir", x1.toString()));
        Path resources = ozpsResources(startup.home().resolve("zasoby-" + YEAR + ".yaml"), YEAR);
        List<BenchmarkReport.CommandJob> jobs = new ArrayList<>();
        jobs.add(startup.measureJob(BenchmarkReport.JobKind.MONTHLY, "Statystyka miesięczna " + LAST_MONTH,
                List.of("run", "monthly", "--month", LAST_MONTH.toString(), "--rerun"), 3));
        jobs.add(startup.measureJob(BenchmarkReport.JobKind.MRPIPS03, "MRPiPS-03 roczne " + YEAR + "-R",
                List.of("run", "mrpips03", "--period", YEAR + "-R", "--rerun"), 3));
        jobs.add(startup.measureJob(BenchmarkReport.JobKind.OZPS, "Ocena zasobów (OZPS) " + YEAR,
                List.of("run", "ozps", "--year", Integer.toString(YEAR), "--resources", resources.toString(), "--rerun"), 3));
        for (BenchmarkReport.CommandJob job : jobs) {
            console.line(String.format(Locale.ROOT, "x1 od polecenia, %s: %s s (mediana z %d)", job.label(),
                    BenchmarkReport.seconds(BenchmarkReport.median(job.wallSeconds())), job.wallSeconds().size()));
        }
        return jobs;
    }

    private BenchmarkReport.Scale measureScale(int scale, Path data, int repeat) {
        GeneratorSettings settings = new GeneratorSettings(BASE_FAMILIES * scale, 2, 20251L, LAST_MONTH);
        String machine = machine();
        Path dir = csvFolder(settings, data.resolve("x" + scale));
        double sizeMiB = size(dir) / 1048576.0;

        // COPY: the benefits' file, then every file (the benefits' again with the others)
        BenchmarkReport.Copy benefits = copy.copy(dir.resolve("swiadczenia.csv"));
        long allRows = 0;
        double allSeconds = 0;
        for (Path csv : csvFiles(dir)) {
            BenchmarkReport.Copy c = copy.copy(csv);
            allRows += c.rows();
            allSeconds += c.seconds();
        }
        BenchmarkReport.Copy all = new BenchmarkReport.Copy(allRows, allSeconds);
        long rows = allRows; // data lines of all files, as the server counted them
        console.line(String.format(Locale.ROOT, "x%d COPY: swiadczenia.csv %s wierszy/s, wszystkie pliki %s wierszy/s", scale,
                BenchmarkReport.number(benefits.rowsPerSecond(), 0), BenchmarkReport.number(all.rowsPerSecond(), 0)));

        HeapPeak.reset();
        LongestStatement watch = LongestStatement.watch(jdbc.getDataSource());
        long t = System.nanoTime();
        ImportResult imported;
        double importSeconds;
        LongestStatement.Observed importLongest;
        try {
            imported = importer.importDirectory(dir, "bench:x" + scale, properties.home().resolve("out/import"),
                    SnapshotImporter.Progress.NONE, false, null,
                    pl.mops.reports.importing.validation.RowLoss.Check.CONFIRMED); // synthetic data: nothing to confirm
            importSeconds = (System.nanoTime() - t) / 1e9;
        } finally {
            importLongest = watch.stop();
        }
        long importHeap = HeapPeak.peakMiB();
        long snapshotId = imported.snapshot().id();
        console.line(String.format(Locale.ROOT, "x%d import: %s wierszy w %s s = %s wierszy/s (odrzucono %d), sterta %d MiB, "
                + "najdłuższe polecenie SQL %s", scale, BenchmarkReport.number(imported.totalRead(), 0),
                BenchmarkReport.seconds(importSeconds),
                BenchmarkReport.number(BenchmarkReport.rate(imported.totalRead(), importSeconds), 0),
                imported.totalRejected(), importHeap, describe(importLongest)));
        if (imported.totalRead() != rows) {
            console.line("UWAGA: pliki mają " + rows + " wierszy, import przeczytał " + imported.totalRead());
        }

        double[] floor = floor(snapshotId);
        console.line(String.format(Locale.ROOT, "x%d minimum (jedno przejście po roku %d): %s s, %s wierszy", scale, YEAR,
                BenchmarkReport.seconds(floor[0]), BenchmarkReport.number(floor[1], 0)));

        List<BenchmarkReport.Job> jobs = new ArrayList<>();
        jobs.add(monthlyJob(snapshotId, floor[0], repeat, scale));
        jobs.add(mrpips03Job(snapshotId, floor[0], repeat, scale));
        jobs.add(ozpsJob(snapshotId, floor[0], repeat, scale));
        return new BenchmarkReport.Scale(scale, settings.families(), rows, sizeMiB,
                settings.firstMonth() + " – " + settings.lastMonth() + ", ziarno " + settings.seed(), machine,
                benefits, all, importSeconds, imported.totalRead(), importHeap, importLongest.seconds(),
                statementLimitSeconds(), floor[0], (long) floor[1], jobs);
    }

    /** the limit of one statement on the program's connections (their statement_timeout), seconds; 0 = none */
    private double statementLimitSeconds() {
        return jdbc.queryForObject("SELECT CAST(setting AS numeric) / 1000 FROM pg_settings WHERE name = 'statement_timeout'",
                Double.class);
    }

    /** the console's account of a longest statement: seconds and the statement's beginning */
    private static String describe(LongestStatement.Observed longest) {
        return Double.isNaN(longest.seconds()) ? "nie zmierzone" + (longest.beginning().isEmpty() ? "" : " (" + longest.beginning() + ")")
                : BenchmarkReport.seconds(longest.seconds()) + " s (" + longest.beginning() + " …)";
    }

    /** the longer of two observed statements */
    private static LongestStatement.Observed longer(LongestStatement.Observed a, LongestStatement.Observed b) {
        if (a == null || Double.isNaN(a.seconds())) {
            return b;
        }
        return Double.isNaN(b.seconds()) || a.seconds() >= b.seconds() ? a : b;
    }

    /** the one-pass floor, best of two: seconds and rows */
    private double[] floor(long snapshotId) {
        double best = Double.MAX_VALUE;
        long rows = 0;
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            rows = jdbc.queryForObject("""
                    SELECT count(*), sum(s.kwota), count(DISTINCT r.rodzina_id)
                      FROM swiadczenia s
                      JOIN decyzje d ON d.snapshot_id = s.snapshot_id AND d.decyzja_id = s.decyzja_id
                      JOIN rodziny r ON r.snapshot_id = d.snapshot_id AND r.rodzina_id = d.rodzina_id
                     WHERE s.snapshot_id = ? AND s.data BETWEEN ? AND ?""", (rs, n) -> rs.getLong(1), snapshotId,
                    java.sql.Date.valueOf(LocalDate.of(YEAR, 1, 1)), java.sql.Date.valueOf(LocalDate.of(YEAR, 12, 31)));
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return new double[] {best, rows};
    }

    private BenchmarkReport.Job monthlyJob(long snapshotId, double floor, int repeat, int scale) {
        double best = Double.MAX_VALUE;
        long heap = 0;
        long instance = 0;
        LongestStatement.Observed longest = null; // the longest of all repeats
        for (int i = 0; i < repeat; i++) {
            HeapPeak.reset();
            LongestStatement watch = LongestStatement.watch(jdbc.getDataSource());
            long t = System.nanoTime();
            try {
                MonthlyStatisticsService.Result result = monthly.run(LAST_MONTH, snapshotId,
                        properties.home().resolve("out/bench-monthly-x" + scale), true, "bench");
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
                instance = result.jobInstanceId();
            } finally {
                longest = longer(longest, watch.stop());
            }
            heap = Math.max(heap, HeapPeak.peakMiB());
        }
        console.line(String.format(Locale.ROOT, "x%d statystyka miesięczna: najdłuższe polecenie SQL %s", scale,
                describe(longest)));
        long t = System.nanoTime();
        List<MonthlyPeer.Row> peer;
        try {
            peer = monthlyPeer.compute(snapshotId, LAST_MONTH);
        } catch (RuntimeException e) {
            if (!stoppedByLimit(e)) {
                throw e;
            }
            String note = "Wzorzec statystyki miesięcznej przy x" + scale + " przerwany: jedno z jego zapytań trwało dłużej "
                    + "niż limit pomiaru (" + MonthlyPeer.PEER_LIMIT.toMinutes() + " min); liczby zadania nie zostały z nim "
                    + "porównane.";
            console.line(String.format(Locale.ROOT, "x%d statystyka miesięczna %s: %s s; %s", scale, LAST_MONTH,
                    BenchmarkReport.seconds(best), note));
            return new BenchmarkReport.Job(BenchmarkReport.JobKind.MONTHLY, "Statystyka miesięczna " + LAST_MONTH, best,
                    null, floor, heap, longest.seconds(), null, note);
        }
        double peerSeconds = (System.nanoTime() - t) / 1e9;
        List<String> differences = MonthlyPeer.compare(peer, monthlyFigures.load(instance), 5);
        differences.forEach(d -> console.line("  różnica: " + d));
        console.line(String.format(Locale.ROOT, "x%d statystyka miesięczna %s: %s s, wzorzec %s s (%d grup), sterta %d MiB, "
                + "liczby zgodne: %s", scale, LAST_MONTH, BenchmarkReport.seconds(best), BenchmarkReport.seconds(peerSeconds),
                peer.size(), heap, differences.isEmpty() ? "tak" : "NIE"));
        return new BenchmarkReport.Job(BenchmarkReport.JobKind.MONTHLY, "Statystyka miesięczna " + LAST_MONTH, best,
                peerSeconds, floor, heap, longest.seconds(), differences.isEmpty(), null);
    }

    /** the statement limit (SQLSTATE 57014) or the driver's read limit behind it ended the query */
    static boolean stoppedByLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && pl.mops.reports.system.FailureTranslator.QUERY_CANCELED.equals(sql.getSQLState())
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private BenchmarkReport.Job mrpips03Job(long snapshotId, double floor, int repeat, int scale) {
        Mrpips03Benchmark.Result best = null;
        long heap = 0;
        LongestStatement.Observed longest = null; // the longest of all repeats
        for (int i = 0; i < repeat; i++) {
            HeapPeak.reset();
            Mrpips03Benchmark.Result r = mrpips03.measure(snapshotId, YEAR);
            heap = Math.max(heap, HeapPeak.peakMiB());
            longest = longer(longest, r.longestStatement());
            if (best == null || r.job().compareTo(best.job()) < 0) {
                best = r;
            }
        }
        double job = best.job().toNanos() / 1e9;
        double bound = best.bound().toNanos() / 1e9;
        best.differences().stream().limit(5).forEach(d -> console.line("  różnica: " + d));
        console.line(String.format(Locale.ROOT, "x%d MRPiPS-03 %d-R: %s s, wzorzec %s s (%d komórek), sterta %d MiB, "
                + "najdłuższe polecenie SQL %s, liczby zgodne: %s", scale, YEAR, BenchmarkReport.seconds(job),
                BenchmarkReport.seconds(bound), best.cells(), heap, describe(longest), best.sameNumbers() ? "tak" : "NIE"));
        return new BenchmarkReport.Job(BenchmarkReport.JobKind.MRPIPS03, "MRPiPS-03 roczne " + YEAR + "-R", job, bound,
                floor, heap, longest.seconds(), best.sameNumbers(), null);
    }

    private BenchmarkReport.Job ozpsJob(long snapshotId, double floor, int repeat, int scale) {
        Path resources = ozpsResources(properties.home().resolve("bench-zasoby/zasoby-" + YEAR + ".yaml"), YEAR);
        double best = Double.MAX_VALUE;
        long heap = 0;
        long instance = 0;
        LongestStatement.Observed longest = null; // the longest of all repeats
        for (int i = 0; i < repeat; i++) {
            HeapPeak.reset();
            LongestStatement watch = LongestStatement.watch(jdbc.getDataSource());
            long t = System.nanoTime();
            try {
                OzpsAssessmentService.Result result = ozps.run(YEAR, snapshotId, resources,
                        properties.home().resolve("out/bench-ozps-x" + scale), true, "bench");
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
                instance = result.jobInstanceId();
            } finally {
                longest = longer(longest, watch.stop());
            }
            heap = Math.max(heap, HeapPeak.peakMiB());
        }
        long t = System.nanoTime();
        List<OzpsPeer.Row> peer = ozpsPeer.compute(snapshotId, YEAR);
        double peerSeconds = (System.nanoTime() - t) / 1e9;
        List<String> differences = ozpsPeer.compare(peer, instance, 5);
        differences.forEach(d -> console.line("  różnica: " + d));
        console.line(String.format(Locale.ROOT, "x%d OZPS %d: %s s, wzorzec tabel 10.3–10.8 %s s, sterta %d MiB, najdłuższe "
                + "polecenie SQL %s, liczby zgodne: %s", scale, YEAR, BenchmarkReport.seconds(best),
                BenchmarkReport.seconds(peerSeconds), heap, describe(longest), differences.isEmpty() ? "tak" : "NIE"));
        return new BenchmarkReport.Job(BenchmarkReport.JobKind.OZPS, "Ocena zasobów (OZPS) " + YEAR, best, peerSeconds,
                floor, heap, longest.seconds(), differences.isEmpty(), "Wzorzec OZPS to ręcznie napisane zapytania, po jednym na tabelę 10.3, 10.4, 10.5 z 10.6 "
                        + "(jedno zapytanie: formy pieniężne i niepieniężne) i 10.8, lata " + (YEAR - 2) + "–" + YEAR
                        + " (klasa bench/OzpsPeer); liczby zgodne — każdy wiersz każdej z tych tabel równy wierszowi "
                        + "zadania. Zadanie liczy trzy lata, minimum — jeden rok.");
    }

    /**
     * Copies the benchmark's OZPS resources file of {@code year} (program resources, {@code bench/zasoby-RRRR.yaml})
     * to {@code file}; also the trial run of the class-data-sharing archive uses it.
     */
    public static Path ozpsResources(Path file, int year) {
        try (InputStream in = BenchCommand.class.getResourceAsStream("/bench/zasoby-" + year + ".yaml")) {
            if (in == null) {
                throw new IOException("brak zasobu programu bench/zasoby-" + year + ".yaml");
            }
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** the generated folder of {@code settings}: reused when its marker says the same settings, else written anew */
    private Path csvFolder(GeneratorSettings settings, Path dir) {
        String marker = "rodziny=" + settings.families() + " lata=" + settings.years() + " ziarno=" + settings.seed()
                + " do=" + settings.lastMonth();
        Path markerFile = dir.resolve("ustawienia-generatora.txt");
        try {
            if (Files.isRegularFile(markerFile) && Files.readString(markerFile, StandardCharsets.UTF_8).strip().equals(marker)) {
                console.line("Dane x" + (settings.families() / BASE_FAMILIES) + ": użyte ponownie z " + dir);
                return dir;
            }
            Files.deleteIfExists(markerFile);
            long t = System.nanoTime();
            GenerationSummary generated = generator.writeCsv(settings, dir);
            console.line(String.format(Locale.ROOT, "Dane x%d: wygenerowano %s wierszy w %s s do %s",
                    settings.families() / BASE_FAMILIES, BenchmarkReport.number(generated.totalRows(), 0),
                    BenchmarkReport.seconds((System.nanoTime() - t) / 1e9), dir));
            Files.writeString(markerFile, marker + "\n", StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> csvFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path dir) {
        return csvFiles(dir).stream().mapToLong(p -> p.toFile().length()).sum();
    }

    private static String machine() {
        String load = "";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            // not Linux: no load average
        }
        return String.format(Locale.ROOT, "Maszyna: %d rdzenie, Java %s, -Xmx%d MiB%s; pomiar %s UTC.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), HeapPeak.maxHeapMiB(),
                load.isEmpty() ? "" : ", obciążenie przed pomiarem (load average 1 min) " + load.replace('.', ','),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    }
}
