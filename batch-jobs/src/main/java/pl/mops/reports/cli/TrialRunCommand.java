package pl.mops.reports.cli;

import java.nio.file.Path;
import java.time.YearMonth;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.audit.VerifyCommand;
import pl.mops.reports.bench.BenchCommand;
import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.importing.ImportResult;
import pl.mops.reports.importing.SnapshotImporter;
import pl.mops.reports.importing.validation.RowLoss;
import pl.mops.reports.mrpips03.Mrpips03Service;
import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;


/**
 * {@code przebieg-probny} (not in the help; the {@code mops-reports} script runs it once after each build, on a
 * throw-away home folder, with {@code -XX:ArchiveClassesAtExit}): what a user's commands do, on a small synthetic
 * data set — generate, import, the monthly statistics, the annual MRPiPS-03 and the OZPS, each with its files and
 * auditors' package, then {@code status}. The classes this process loaded become the program's class-data-sharing
 * archive, so a later command loads them from the archive instead of from the jar: a job started from the command
 * line (the Spring Batch, JDBC, POI, JasperReports and PDF classes) starts its work sooner, not only {@code status}
 * (docs/benchmarks.md, „Start programu”).
 *
 * <p>{@code przebieg-probny --krotkie}, run by the script afterwards on the same home folder: only the short read-only
 * commands ({@link #SHORT}) and {@code verify} of the statistics package, for the smaller archive the script starts
 * them with. Every class of an archive is relocated when the JVM maps it (Java 17 maps archives at a random address),
 * so a short command started with the whole program's archive (94 MB) spent about 0.1–0.25 s on classes it never uses
 * (docs/benchmarks.md, session 21).
 */
@Component
public class TrialRunCommand implements CliCommand {

    /** small (a few seconds of work) and complete enough for every job: two full years up to December 2025 */
    static final GeneratorSettings DATA = new GeneratorSettings(1_000, 2, 20251L, YearMonth.of(2025, 12));
    private static final String WHO = "przebieg próbny";
    /** the short commands (and {@code verify}): what the script starts with the small archive (its list must match) */
    static final String[][] SHORT = {{"status"}, {"snapshots"}, {"runs"}, {"users", "list"}};

    private final SyntheticDataGenerator generator;
    private final SnapshotImporter importer;
    private final MonthlyStatisticsService monthly;
    private final Mrpips03Service mrpips03;
    private final OzpsAssessmentService ozps;
    private final MopsProperties properties;
    private final Console console;
    private final ObjectProvider<CommandDispatcher> dispatcher;

    public TrialRunCommand(SyntheticDataGenerator generator, SnapshotImporter importer,
            MonthlyStatisticsService monthly, Mrpips03Service mrpips03, OzpsAssessmentService ozps,
            MopsProperties properties, Console console, ObjectProvider<CommandDispatcher> dispatcher) {
        this.generator = generator;
        this.importer = importer;
        this.monthly = monthly;
        this.mrpips03 = mrpips03;
        this.ozps = ozps;
        this.properties = properties;
        this.console = console;
        this.dispatcher = dispatcher;
    }

    @Override
    public String name() {
        return "przebieg-probny";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        Path home = properties.home();
        if (line.flag("krotkie")) {
            int worst = 0;
            for (String[] command : SHORT) {
                worst = Math.max(worst, dispatcher.getObject().dispatch(CommandLine.parse(command, CommandTable.flags())));
            }
            // verify, which starts neither the database nor Spring, on the full trial run's package
            Path pack = home.resolve("out").resolve("przebieg-probny").resolve("statystyka")
                    .resolve("statystyka-" + DATA.lastMonth() + "-paczka.zip");
            worst = Math.max(worst, VerifyCommand.verify(CommandLine.parse(new String[] {"verify", pack.toString()},
                    CommandTable.flags()), console::line).code());
            return ExitCode.of(worst);
        }
        Path data = home.resolve("dane").resolve("przebieg-probny");
        Path out = home.resolve("out").resolve("przebieg-probny");
        YearMonth month = DATA.lastMonth();
        generator.writeCsv(DATA, data);
        ImportResult imported = importer.importDirectory(data, "csv:" + data, out.resolve("import"),
                SnapshotImporter.Progress.NONE, false, month.atEndOfMonth(), RowLoss.Check.CONFIRMED);
        long snapshot = imported.snapshot().id();
        monthly.run(month, snapshot, out.resolve("statystyka"), false, WHO);
        mrpips03.run(new ReturnPeriod(month.getYear(), 'R'), snapshot, null, out.resolve("mrpips03"), false, WHO);
        Path resources = BenchCommand.ozpsResources(
                home.resolve("zasoby").resolve("zasoby-" + month.getYear() + ".yaml"), month.getYear());
        ozps.run(month.getYear(), snapshot, resources, out.resolve("ozps"), false, WHO);
        console.line("Przebieg próbny: zadania policzone w " + out);
        return ExitCode.of(dispatcher.getObject().dispatch(CommandLine.parse(new String[] {"status"},
                CommandTable.flags())));
    }
}
