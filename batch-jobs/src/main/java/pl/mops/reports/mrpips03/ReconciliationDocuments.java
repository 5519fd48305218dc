package pl.mops.reports.mrpips03;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.audit.LineageTable;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.mrpips03.Reconciliation.Comparison;
import pl.mops.reports.mrpips03.Reconciliation.Comparison.Pair;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * The documents of a reconciliation: the differing cells first (both values and the difference), then the cells the
 * other file lacks or adds, the cells that agree (workbook only) and the pseudonyms of the families and persons this
 * return counted in every differing count (all in the workbook; the printable version shows the first
 * {@value #PRINTED_PSEUDONYMS} and says where the rest are).
 */
final class ReconciliationDocuments {

    static final int PRINTED_PSEUDONYMS = 200;
    private static final int LABEL_WIDTH = 70;

    private final StoredReturn stored;
    private final Layout layout;
    private final Snapshot snapshot;
    private final CaseSystemReturn other;
    private final Comparison comparison;
    private final List<LineageTable.Counted> counted;
    private final String unit;

    ReconciliationDocuments(StoredReturn stored, Layout layout, Snapshot snapshot, CaseSystemReturn other,
                            Comparison comparison, List<LineageTable.Counted> counted, String unit) {
        this.stored = stored;
        this.layout = layout;
        this.snapshot = snapshot;
        this.other = other;
        this.comparison = comparison;
        this.counted = counted;
        this.unit = unit;
    }

    /** everything: differences, missing and extra cells, the agreeing cells and every pseudonym */
    ReportDocument workbook() {
        List<ReportTable> tables = new ArrayList<>(List.of(differences(), unmatched(), agreeing(), pseudonyms(counted.size())));
        return document(tables);
    }

    /** for printing: no list of agreeing cells, the first pseudonyms */
    ReportDocument printable() {
        return document(List.of(differences(), unmatched(), pseudonyms(PRINTED_PSEUDONYMS)));
    }

    private ReportDocument document(List<ReportTable> tables) {
        String period = stored.period().annual() ? "rok " + stored.period().year() : "I półrocze " + stored.period().year();
        String title = layout.symbol() + " \u2014 porównanie sprawozdania za " + period + " z systemem dziedzinowym";
        List<String> header = new ArrayList<>();
        header.add(verdict());
        header.add("To sprawozdanie: " + stored.period().polishName() + ", " + stored.versionName() + "; układ "
                + layout.symbol() + " " + layout.version() + "; dane: migawka o odcisku SHA-256 " + snapshot.fingerprint()
                + " (zakres danych: " + snapshot.coverage().span() + ").");
        header.add("Plik systemu dziedzinowego: " + other.fileName() + " (SHA-256 "
                + ReportFileWriter.sha256(other.content()) + ", kodowanie " + other.encodingName() + ").");
        header.add("Różnica = wartość tego sprawozdania \u2212 wartość z pliku systemu dziedzinowego.");
        List<String> footnotes = List.of(
                "Wiersze pliku systemu dziedzinowego są przypisane do wierszy formularza po kodzie wiersza albo po jego "
                        + "numerze (nr) z układu " + layout.version() + "; wielkość liter i polskie znaki nie mają znaczenia.",
                "Pseudonimy: te same co w pliku pochodzenie.csv paczki dla audytorów (klucz instalacji). MOPS znajduje "
                        + "sprawę pseudonimu poleceniem ./mops-reports sprawy --pseudonimy; poza MOPS pseudonim niczego "
                        + "nie ujawnia.");
        DocumentMetadata metadata = new DocumentMetadata(stored.period().documentDate(), unit,
                title + " (migawka " + snapshot.shortFingerprint() + ", układ " + layout.version() + ")",
                layout.symbol() + "; porównanie; pomoc społeczna; " + stored.period());
        return new ReportDocument("mrpips03-porownanie", stored.period().toString(), title, unit, header, tables,
                List.of(), footnotes, metadata);
    }

    private String verdict() {
        int differing = comparison.differing();
        int missing = comparison.missing();
        int extra = comparison.extra();
        String counts = "porównano " + comparison.compared() + " "
                + PolishPlural.of(comparison.compared(), "komórkę", "komórki", "komórek") + ": różnych " + differing
                + ", brakujących "
                + "w pliku " + missing + ", nadmiarowych w pliku " + extra + ".";
        return differing + missing + extra == 0 ? "Wynik: sprawozdania są zgodne \u2014 " + counts
                : "Wynik: sprawozdania się różnią \u2014 " + counts;
    }

    private ReportTable differences() {
        List<ReportRow> rows = new ArrayList<>();
        for (Pair pair : comparison.pairs()) {
            if (!pair.differs()) {
                continue;
            }
            ValueType type = pair.column().measure().type();
            BigDecimal difference = pair.ours() != null && pair.theirs() != null ? pair.ours().subtract(pair.theirs()) : null;
            rows.add(new ReportRow(pair.key().toString(), label(pair), 0, false,
                    Arrays.asList(pair.ours(), pair.theirs(), difference), List.of(type, type, type),
                    Arrays.asList(pair.ours() == null ? "brak wartości" : null,
                            pair.theirs() == null ? "brak wartości" : null, difference == null ? "\u2013" : null)));
        }
        List<String> notes = List.of(rows.isEmpty() ? "Żadna komórka obecna w obu plikach się nie różni."
                : "Komórek różnych: " + rows.size() + ". Przy liczbach rodzin i osób pseudonimy policzonych tu rodzin "
                + "i osób podaje tabela „Pseudonimy”.");
        return new ReportTable("R", "Komórki różne", "Różnice", "komorka", "Komórka (dział/kod wiersza (nr)/kolumna)",
                List.of(new ReportColumn("sprawozdanie", "To sprawozdanie", ValueType.COUNT, 16),
                        new ReportColumn("system", "System dziedzinowy", ValueType.COUNT, 16),
                        new ReportColumn("roznica", "Różnica", ValueType.COUNT, 14)),
                rows, notes, LABEL_WIDTH);
    }

    private ReportTable unmatched() {
        List<ReportRow> rows = new ArrayList<>();
        for (Pair pair : comparison.pairs()) {
            if (pair.present()) {
                continue;
            }
            ValueType type = pair.column().measure().type();
            rows.add(new ReportRow(pair.key().toString(), label(pair), 0, false, Arrays.asList(pair.ours(), null),
                    List.of(type, type), Arrays.asList(pair.ours() == null ? "brak wartości" : null,
                    "brak w pliku")));
        }
        for (CaseSystemReturn.Cell cell : comparison.extraCells()) {
            rows.add(new ReportRow("wiersz " + cell.line(), cell.section() + "/" + cell.rowReference() + "/" + cell.column()
                    + " (wiersz pliku " + cell.line() + ")", 0, false, Arrays.asList(null, cell.value()),
                    List.of(ValueType.DECIMAL, ValueType.DECIMAL),
                    Arrays.asList("nie ma w układzie " + layout.version(), cell.value() == null ? "brak wartości" : null)));
        }
        List<String> notes = List.of(rows.isEmpty() ? "Plik systemu dziedzinowego ma dokładnie te komórki co to "
                + "sprawozdanie." : "Komórki tego sprawozdania, których plik nie podaje („brak w pliku”), i komórki pliku "
                + "spoza układu " + layout.version() + " („nie ma w układzie”).");
        return new ReportTable("B", "Komórki bez odpowiednika", "Bez odpowiednika", "komorka", "Komórka",
                List.of(new ReportColumn("sprawozdanie", "To sprawozdanie", ValueType.COUNT, 16),
                        new ReportColumn("system", "System dziedzinowy", ValueType.COUNT, 16)),
                rows, notes, LABEL_WIDTH);
    }

    private ReportTable agreeing() {
        List<ReportRow> rows = new ArrayList<>();
        for (Pair pair : comparison.pairs()) {
            if (!pair.present() || pair.differs()) {
                continue;
            }
            ValueType type = pair.column().measure().type();
            rows.add(new ReportRow(pair.key().toString(), label(pair), 0, false, Arrays.asList(pair.ours()),
                    List.of(type), Arrays.asList(pair.ours() == null ? "brak wartości" : null)));
        }
        return new ReportTable("Z", "Komórki zgodne", "Zgodne", "komorka", "Komórka",
                List.of(new ReportColumn("wartosc", "Wartość (ta sama w obu)", ValueType.COUNT, 16)), rows,
                List.of("Komórek zgodnych: " + rows.size() + "."), LABEL_WIDTH);
    }

    private ReportTable pseudonyms(int limit) {
        List<ReportRow> rows = new ArrayList<>();
        for (LineageTable.Counted unit : counted.subList(0, Math.min(limit, counted.size()))) {
            rows.add(new ReportRow(unit.cell() + "/" + unit.pseudonym(), describe(unit.cell()), 0, false,
                    Arrays.asList(null, null), null, List.of(unit.kind(), unit.pseudonym())));
        }
        List<String> notes = new ArrayList<>();
        notes.add(counted.isEmpty() ? "Żadna różna komórka nie liczy rodzin ani osób."
                : "Rodziny i osoby policzone przez to sprawozdanie w różnych komórkach (" + counted.size() + ").");
        if (counted.size() > limit) {
            notes.add("Pokazano pierwsze " + limit + " z " + counted.size() + "; wszystkie są w arkuszu „Pseudonimy” "
                    + "pliku XLSX.");
        }
        return new ReportTable("P", "Pseudonimy rodzin i osób policzonych w różnych komórkach", "Pseudonimy", "pseudonim",
                "Komórka", List.of(new ReportColumn("rodzaj", "Rodzaj", ValueType.COUNT, 10),
                new ReportColumn("pseudonim", "Pseudonim", ValueType.COUNT, 20)), rows, notes, LABEL_WIDTH);
    }

    private static String label(Pair pair) {
        return pair.section().code() + "/" + pair.row().code() + " (w. " + pair.row().nr() + ")/" + pair.column().code();
    }

    private String describe(String cell) {
        String[] p = cell.split("/");
        String nr = layout.section(p[0]).flatMap(s -> s.row(p[1])).map(Layout.Row::nr).orElse(null);
        return nr == null ? cell : p[0] + "/" + p[1] + " (w. " + nr + ")/" + p[2];
    }
}
