package pl.mops.reports.cli;

import org.springframework.stereotype.Component;

import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;

/** {@code snapshots}: lists the snapshots with their row counts. */
@Component
public class SnapshotsCommand implements CliCommand {

    private final SnapshotRepository snapshots;
    private final Console console;

    public SnapshotsCommand(SnapshotRepository snapshots, Console console) {
        this.snapshots = snapshots;
        this.console = console;
    }

    @Override
    public String name() {
        return "snapshots";
    }

    @Override
    public int execute(CommandLine line) {
        var all = snapshots.all();
        if (all.isEmpty()) {
            console.line("Brak migawek danych.");
            return 0;
        }
        for (Snapshot s : all) {
            console.line("Migawka %d  utworzona %s  odcisk %s  źródło: %s", s.id(),
                    s.createdAt().toLocalDateTime().withNano(0), s.shortFingerprint(), s.source());
            for (var counts : snapshots.fileCounts(s.id())) {
                console.line("    %-20s wczytano %,d z %,d (odrzucono %,d)", counts.fileName(), counts.loaded(),
                        counts.read(), counts.rejected());
            }
        }
        return 0;
    }
}
