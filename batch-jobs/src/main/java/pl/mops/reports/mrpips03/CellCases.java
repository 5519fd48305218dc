package pl.mops.reports.mrpips03;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.audit.LineageTable;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;

/**
 * What was counted in one cell of a stored return ("open a number"): the cell's lineage exactly as the auditors'
 * package writes it ({@code pochodzenie.csv}: {@link ReturnLineage} into {@link LineageTable}, the same rule as the
 * cells), with each unit's pseudonym and the case system's id. Who may see the ids is the caller's decision.
 */
@Component
public class CellCases {

    /** the units of a cell and what they are */
    public record Opened(List<LineageTable.Case> cases, Measure measure) {

        /** the list is as long as the cell's number (families or persons counted), not e.g. a sum of family sizes */
        public boolean listLengthIsTheValue() {
            return measure == Measure.RODZINY || measure == Measure.OSOBY;
        }
    }

    private final ReturnLineage lineage;
    private final LineageTable table;
    private final Layouts layouts;
    private final SnapshotRepository snapshots;
    private final TransactionTemplate transaction;

    public CellCases(ReturnLineage lineage, LineageTable table, Layouts layouts, SnapshotRepository snapshots,
                     TransactionTemplate transaction) {
        this.lineage = lineage;
        this.table = table;
        this.layouts = layouts;
        this.snapshots = snapshots;
        this.transaction = transaction;
    }

    /** a cell of this column counts families or persons, so it can be opened */
    public static boolean opens(Column column) {
        return column.measure().lineage() != Measure.Lineage.NONE;
    }

    /**
     * The units counted in the cell, or empty when the layout has no such cell or it counts no units.
     *
     * @throws IllegalStateException when the layout file changed since the return was computed (its lineage would
     *                               not be the return's)
     */
    public Optional<Opened> open(StoredReturn stored, CellKey key) {
        Layout layout = layouts.resolve(stored.layoutVersion(), stored.period().year());
        Optional<Column> column = layout.section(key.section()).flatMap(s -> s.row(key.row()))
                .flatMap(r -> r.column(key.column()));
        if (column.isEmpty() || !opens(column.get())) {
            return Optional.empty();
        }
        if (!layout.sha256().equals(stored.layoutSha256())) {
            throw new LayoutChanged(layout.version());
        }
        long snapshotId = snapshots.find(stored.snapshotId()).orElseThrow().id();
        List<LineageTable.Case> cases = transaction.execute(status -> {
            table.create();
            lineage.fill(snapshotId, stored.period(), layout);
            List<LineageTable.Case> found = table.cases(key.toString());
            table.drop();
            return found;
        });
        return Optional.of(new Opened(cases, column.get().measure()));
    }

    /** the layout file of the return's version is not the one the return was computed with */
    public static final class LayoutChanged extends IllegalStateException {
        public LayoutChanged(String version) {
            super("Plik układu formularza MRPiPS-03 w wersji " + version + " zmienił się od policzenia tego "
                    + "sprawozdania, więc nie można odtworzyć, co policzono w komórce. Policz sprawozdanie ponownie.");
        }
    }
}
