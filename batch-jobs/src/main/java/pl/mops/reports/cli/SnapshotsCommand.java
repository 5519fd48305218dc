package pl.mops.reports.cli;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.system.TextWrap;

import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.ImportReportWriter;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;

/**
 * {@code snapshots}: lists the snapshots with their row counts (grouped like the import summary: 1 129), times in
 * {@code mops.time-zone}.
 */
@Component
public class SnapshotsCommand implements CliCommand {

    private final SnapshotRepository snapshots;
    private final Console console;
    private final MopsProperties properties;

    public SnapshotsCommand(SnapshotRepository snapshots, Console console, MopsProperties properties) {
        this.snapshots = snapshots;
        this.console = console;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "snapshots";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        var all = snapshots.all();
        if (all.isEmpty()) {
            console.line("Brak migawek danych.");
            return ExitCode.SUCCESS;
        }
        for (Snapshot s : all) {
            TextWrap.wrap("", "    ", "Migawka " + s.id() + ", utworzona " + PolishTimes.seconds(s.createdAt(),
                    properties.timeZone()) + ", odcisk " + s.shortFingerprint() + ", źródło: " + s.source(),
                    TextWrap.WIDTH).forEach(console::line);
            console.line("    zakres danych: %s", s.coverage().span());
            for (var counts : snapshots.fileCounts(s.id())) {
                console.line("    %-20s wczytano %s z %s (odrzucono %s)", counts.fileName(),
                        ImportReportWriter.number(counts.loaded()), ImportReportWriter.number(counts.read()),
                        ImportReportWriter.number(counts.rejected()));
            }
        }
        return ExitCode.SUCCESS;
    }
}
