package pl.mops.reports.mrpips03;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.mrpips03.Layout.Column;
import pl.mops.reports.mrpips03.Layout.Row;
import pl.mops.reports.mrpips03.Layout.Rule;
import pl.mops.reports.mrpips03.Layout.Section;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.Failure;
import pl.mops.reports.mrpips03.ReturnRepository.RuleResult;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * The documents of a return, all from the stored cells and rule outcomes: the form itself (a table per
 * section, laid out like the paper form), the control-rule report ("kontrola") and, for a correction, the
 * list of changed cells ("zmiany"). Every date in them comes from the period, never from the clock.
 */
final class ReturnDocuments {

    /** everything the documents need */
    record Context(StoredReturn stored, Layout layout, Snapshot snapshot, String unitName, String teryt,
                   Map<CellKey, BigDecimal> cells, List<RuleResult> ruleResults, List<Failure> failures,
                   String baseFileName) {
    }

    /** the submitted version a correction corrects */
    record Previous(StoredReturn stored, Snapshot snapshot, Layout layout, Map<CellKey, BigDecimal> cells,
                    ReturnRepository.Submission submission) {
    }

    private static final int FORM_LABEL_WIDTH = 72;

    private final Context context;
    private final ReturnPeriod period;

    ReturnDocuments(Context context) {
        this.context = context;
        this.period = context.stored().period();
    }

    // ---- the form --------------------------------------------------------------------------------

    ReportDocument form() {
        Layout layout = context.layout();
        List<ReportTable> tables = new ArrayList<>();
        for (Section section : layout.sections()) {
            List<ReportColumn> columns = new ArrayList<>();
            for (Column column : section.columns()) {
                columns.add(new ReportColumn(column.code(), column.name(), column.measure().type(),
                        column.measure() == Measure.KWOTA ? 16 : 13));
            }
            List<ReportRow> rows = new ArrayList<>();
            for (Row row : section.rows()) {
                List<BigDecimal> values = new ArrayList<>();
                for (Column column : section.columns()) {
                    values.add(context.cells().get(new CellKey(section.code(), row.code(), column.code())));
                }
                rows.add(new ReportRow(row.code(), row.nr() + ". " + row.name(), row.level(), row.total(), values));
            }
            tables.add(new ReportTable("D" + section.code(), section.name(), "Dział " + section.code(), "wiersz",
                    "Wyszczególnienie (nr wiersza)", columns, rows, List.of(), FORM_LABEL_WIDTH));
        }
        String title = layout.symbol() + " \u2014 sprawozdanie za " + periodShort() + correctionSuffix()
                + (context.stored().incompletePeriod() ? " \u2014 DANE NIEPEŁNE" : "");
        List<String> header = new ArrayList<>();
        incompleteWarning().ifPresent(header::add);
        header.add(layout.title());
        header.addAll(commonHeader());
        if (context.stored().correction() > 0) {
            header.add("Korekta nr " + context.stored().correction() + ": zmienione komórki wymienia plik "
                    + context.baseFileName() + "-zmiany.xlsx.");
        }
        header.add(verdict());
        List<String> footnotes = List.of(
                "Świadczenie należy do okresu według daty realizacji; rodzina świadczenia to rodzina z decyzji; "
                        + "osoba to świadczeniobiorca wskazany w świadczeniu.",
                "Osoby i rodziny liczone są bez powtórzeń w każdej komórce; wiersz „ogółem” to osobne zliczenie, "
                        + "nie suma wierszy. Sumują się tylko liczba świadczeń i kwota.",
                "Liczba osób w rodzinie i dzieci (poniżej 18 lat): skład rodziny w dniu jej ostatniego świadczenia "
                        + "w okresie (dla rodzin objętych wyłącznie pracą socjalną — w dniu ostatniej pracy socjalnej).",
                "Powody rodziny: suma powodów jej decyzji, na podstawie których zrealizowano świadczenie w okresie; "
                        + "rodzina z kilkoma powodami liczy się przy każdym. Odmowy nie liczą się nigdzie.",
                "Kody wierszy i kolumn (w pliku XML) oraz warunki wierszy opisuje układ formularza "
                        + layout.symbol() + " w wersji " + layout.version() + ".");
        return new ReportDocument("mrpips03", period.toString(), title, context.unitName(), header, tables, List.of(),
                footnotes, metadata(title, "sprawozdanie"));
    }

    // ---- the control-rule report -----------------------------------------------------------------

    ReportDocument checks() {
        Layout layout = context.layout();
        Map<String, Rule> rules = new LinkedHashMap<>();
        layout.rules().forEach(r -> rules.put(r.code(), r));
        List<ReportTable> tables = new ArrayList<>();
        List<ReportRow> summaryRows = new ArrayList<>();
        List<String> summaryNotes = new ArrayList<>();
        for (RuleResult result : context.ruleResults()) {
            Rule rule = rules.get(result.ruleCode());
            summaryRows.add(new ReportRow(result.ruleCode(), result.ruleCode() + " \u2014 " + rule.description(), 0, false,
                    Arrays.asList(BigDecimal.valueOf(result.checked()), BigDecimal.valueOf(result.failed()), null),
                    null, Arrays.asList(null, null, result.state().polish())));
            if (result.note() != null) {
                summaryNotes.add(result.ruleCode() + ": " + result.note());
            }
        }
        int failed = context.failures().size();
        int checked = context.ruleResults().stream().mapToInt(RuleResult::checked).sum();
        summaryRows.add(new ReportRow("RAZEM", "Razem", 0, true,
                Arrays.asList(BigDecimal.valueOf(checked), BigDecimal.valueOf(failed), null), null,
                Arrays.asList(null, null, context.stored().readiness().polish())));
        tables.add(new ReportTable("K0", "Reguły kontrolne", "Reguły", "regula", "Reguła",
                List.of(new ReportColumn("sprawdzone", "Sprawdzone warunki", ValueType.COUNT, 12),
                        new ReportColumn("niespelnione", "Niespełnione warunki", ValueType.COUNT, 12),
                        new ReportColumn("stan", "Stan reguły", ValueType.COUNT, 14)),
                summaryRows, summaryNotes, FORM_LABEL_WIDTH));
        for (RuleResult result : context.ruleResults()) {
            if (result.failed() == 0) {
                continue;
            }
            Rule rule = rules.get(result.ruleCode());
            List<ReportRow> rows = new ArrayList<>();
            int n = 0;
            for (Failure failure : context.failures()) {
                if (!failure.ruleCode().equals(rule.code())) {
                    continue;
                }
                ValueType type = failure.leftCells().contains("/KWOTA") ? ValueType.AMOUNT : ValueType.COUNT;
                rows.add(new ReportRow(rule.code() + "-" + (++n), describe(failure.leftCells()) + " "
                        + symbol(failure.relation()) + " " + describe(failure.rightCells()), 0, false,
                        List.of(failure.left(), failure.right(), failure.left().subtract(failure.right())),
                        List.of(type, type, type)));
            }
            tables.add(new ReportTable(rule.code(), rule.code() + " \u2014 " + rule.description()
                    + ": niespełnione warunki (" + result.failed() + ")", rule.code(), "warunek",
                    "Komórki (lewa strona, relacja, prawa strona)",
                    List.of(new ReportColumn("lewa", "Lewa strona", ValueType.COUNT, 13),
                            new ReportColumn("prawa", "Prawa strona", ValueType.COUNT, 13),
                            new ReportColumn("roznica", "Różnica", ValueType.COUNT, 13)),
                    rows, List.of("Wyjaśnienie: " + rule.explanation()), 110));
        }
        String title = layout.symbol() + " \u2014 kontrola sprawozdania za " + periodShort() + correctionSuffix();
        List<String> header = new ArrayList<>();
        incompleteWarning().ifPresent(header::add);
        header.add(switch (context.stored().readiness()) {
            case GOTOWE -> "Wynik: wszystkie reguły kontrolne są spełnione (sprawdzono " + checked + " warunków) \u2014 "
                    + "sprawozdanie jest gotowe do wysłania.";
            case GOTOWE_Z_ZASTRZEZENIEM -> "Wynik: sprawdzone warunki są spełnione (" + checked + "), ale nie każdą regułę "
                    + "dało się sprawdzić \u2014 sprawozdanie jest gotowe z zastrzeżeniem: "
                    + String.join("; ", context.stored().readinessReasons()) + ".";
            case NIEGOTOWE -> "Wynik: niespełnione warunki: " + failed + " z " + checked + " \u2014 sprawozdanie NIE jest "
                    + "gotowe do wysłania: " + String.join("; ", context.stored().readinessReasons()) + "."
                    + (failed > 0 ? " Każdy niespełniony warunek jest wymieniony niżej z komórkami i wartościami." : "");
        });
        header.addAll(commonHeader());
        header.add("Komórki oznaczono: dział/kod wiersza/kolumna, z numerem wiersza w nawiasie.");
        List<String> footnotes = new ArrayList<>();
        for (Rule rule : layout.rules()) {
            footnotes.add(rule.code() + " \u2014 " + rule.description() + ". " + rule.explanation());
        }
        return new ReportDocument("mrpips03-kontrola", period.toString(), title, context.unitName(), header, tables,
                List.of(), footnotes, metadata(title, "kontrola"));
    }

    // ---- the changed cells of a correction ---------------------------------------------------------

    ReportDocument changes(Previous previous) {
        Layout layout = context.layout();
        Map<CellKey, Measure> measures = new LinkedHashMap<>();
        for (Layout l : List.of(layout, previous.layout())) {
            for (Section section : l.sections()) {
                for (Row row : section.rows()) {
                    for (Column column : section.columns()) {
                        measures.putIfAbsent(new CellKey(section.code(), row.code(), column.code()), column.measure());
                    }
                }
            }
        }
        List<ReportRow> rows = new ArrayList<>();
        for (Map.Entry<CellKey, Measure> entry : measures.entrySet()) {
            CellKey key = entry.getKey();
            BigDecimal before = previous.cells().get(key);
            BigDecimal now = context.cells().get(key);
            boolean same = before != null && now != null && before.compareTo(now) == 0;
            if (same || (before == null && now == null)) {
                continue;
            }
            BigDecimal difference = before != null && now != null ? now.subtract(before) : null;
            ValueType type = entry.getValue().type();
            rows.add(new ReportRow(key.toString(), describe(key.toString()), 0, false,
                    Arrays.asList(before, now, difference), List.of(type, type, type)));
        }
        int k = context.stored().correction();
        String sent = "złożona wersja: " + previous.stored().versionName();
        List<ReportColumn> columns = List.of(
                new ReportColumn("poprzednio", "Poprzednio (" + sent + ")", ValueType.COUNT, 16),
                new ReportColumn("obecnie", "Obecnie (korekta nr " + k + ")", ValueType.COUNT, 16),
                new ReportColumn("roznica", "Różnica", ValueType.COUNT, 14));
        List<String> notes = List.of(rows.isEmpty()
                ? "Żadna komórka się nie zmieniła \u2014 korekty nie trzeba wysyłać."
                : "Zmienione komórki: " + rows.size() + ". Komórka bez wartości (\u2013) nie istniała w danej wersji układu.");
        ReportTable table = new ReportTable("Z", "Komórki zmienione względem wersji złożonej ("
                + previous.stored().versionName() + ")", "Zmiany",
                "komorka", "Komórka (dział/kod wiersza/kolumna, nr wiersza)", columns, rows, notes, 90);
        String title = layout.symbol() + " \u2014 korekta nr " + k + " sprawozdania za " + periodShort()
                + ": zmienione komórki";
        List<String> header = new ArrayList<>(commonHeader());
        header.add("Wersja złożona, którą poprawia ta korekta: " + previous.stored().versionName()
                + ", migawka o odcisku SHA-256 " + previous.snapshot().fingerprint() + ", układ "
                + previous.layout().version() + ".");
        return new ReportDocument("mrpips03-zmiany", period.toString(), title, context.unitName(), header,
                List.of(table), List.of(), List.of(), metadata(title, "zmiany"));
    }

    // ---- shared ----------------------------------------------------------------------------------

    private List<String> commonHeader() {
        Snapshot snapshot = context.snapshot();
        Layout layout = context.layout();
        StoredReturn stored = context.stored();
        return new ArrayList<>(List.of(
                "Jednostka: " + context.unitName() + ", TERYT " + context.teryt() + ".",
                "Okres: " + period.polishName() + ".",
                "Dane: migawka o odcisku SHA-256 " + snapshot.fingerprint() + "; zakres danych: "
                        + snapshot.coverage().span() + ".",
                "Układ formularza: " + layout.symbol() + " w wersji " + layout.version() + " (SHA-256 pliku "
                        + layout.sha256().substring(0, 16) + "\u2026).",
                "Korekta: " + (stored.correction() == 0 ? "0 (sprawozdanie pierwotne)" : "nr " + stored.correction())
                        + "."));
    }

    /** the warning printed first when the snapshot does not cover the whole period */
    private java.util.Optional<String> incompleteWarning() {
        if (!context.stored().incompletePeriod()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("UWAGA \u2014 DANE NIEPEŁNE: migawka nie obejmuje całego okresu ("
                + context.snapshot().coverage().of(period.start(), period.end()).held() + "; "
                + context.snapshot().coverage().describe() + "). Każda liczba tego sprawozdania jest niepełna; "
                + "sprawozdania nie wolno wysłać.");
    }

    /** the readiness in words, with its reasons */
    private String verdict() {
        StoredReturn stored = context.stored();
        Readiness readiness = stored.readiness();
        return switch (readiness) {
            case GOTOWE -> "Gotowość: gotowe do wysłania \u2014 wszystkie reguły kontrolne sprawdzone i spełnione.";
            case GOTOWE_Z_ZASTRZEZENIEM -> "Gotowość: gotowe z zastrzeżeniem \u2014 "
                    + String.join("; ", stored.readinessReasons()) + ".";
            case NIEGOTOWE -> "Gotowość: niegotowe \u2014 sprawozdanie NIE jest gotowe do wysłania: "
                    + String.join("; ", stored.readinessReasons())
                    + " (szczegóły: " + context.baseFileName() + "-kontrola.pdf).";
        };
    }

    private String periodShort() {
        return period.annual() ? "rok " + period.year() : "I półrocze " + period.year();
    }

    /**
     * the correction number in the title; the draft number is not in the documents (only in the file names), so a
     * recomputation of the same data gives the same bytes under its own name
     */
    private String correctionSuffix() {
        int k = context.stored().correction();
        return k == 0 ? "" : " (korekta nr " + k + ")";
    }

    /** "1B/ZASILEK_OKRESOWY/OSOBY" → "1B/ZASILEK_OKRESOWY (w. 5)/OSOBY"; sums and R/P prefixes kept */
    private String describe(String cells) {
        List<String> parts = new ArrayList<>();
        for (String cell : cells.split(" \\+ ")) {
            String prefix = "";
            String address = cell;
            int colon = cell.indexOf(": ");
            if (colon >= 0) {
                prefix = cell.substring(0, colon + 2);
                address = cell.substring(colon + 2);
            }
            String[] p = address.split("/");
            String nr = p.length == 3 ? context.layout().section(p[0]).flatMap(s -> s.row(p[1])).map(Row::nr).orElse(null) : null;
            parts.add(prefix + (nr == null ? address : p[0] + "/" + p[1] + " (w. " + nr + ")/" + p[2]));
        }
        return String.join(" + ", parts);
    }

    private static String symbol(String relation) {
        return switch (relation) {
            case "<=" -> "\u2264";
            case ">=" -> "\u2265";
            default -> "=";
        };
    }

    private DocumentMetadata metadata(String title, String kind) {
        Layout layout = context.layout();
        return new DocumentMetadata(period.documentDate(), context.unitName(),
                title + " (migawka " + context.snapshot().shortFingerprint() + ", układ " + layout.version() + ")",
                layout.symbol() + "; " + kind + "; pomoc społeczna; " + period);
    }
}
