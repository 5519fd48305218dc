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
                   String baseFileName, List<ReturnRepository.CounterValue> counters) {

        Context(StoredReturn stored, Layout layout, Snapshot snapshot, String unitName, String teryt,
                Map<CellKey, BigDecimal> cells, List<RuleResult> ruleResults, List<Failure> failures,
                String baseFileName) {
            this(stored, layout, snapshot, unitName, teryt, cells, ruleResults, failures, baseFileName, List.of());
        }
    }

    /** shown for a cell of a row without data (its file was not supplied): no figure, not 0 */
    static final String NO_DATA = "\u2014";
    /** shown for a column the row does not have (as on the paper form: the cell is not filled in) */
    static final String NOT_APPLICABLE = "x";

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
        MissingData missing = MissingData.of(layout, context.cells());
        boolean notApplicable = false;
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
                List<String> texts = new ArrayList<>();
                boolean withoutData = missing.withoutData(section.code(), row.code());
                for (Column column : section.columns()) {
                    values.add(context.cells().get(new CellKey(section.code(), row.code(), column.code())));
                    texts.add(!row.hasColumn(column.code()) ? NOT_APPLICABLE : withoutData ? NO_DATA : null);
                }
                notApplicable |= texts.contains(NOT_APPLICABLE);
                boolean plain = texts.stream().allMatch(java.util.Objects::isNull);
                rows.add(new ReportRow(row.code(), row.nr() + ". " + row.name(), row.level(), row.total(), values, null,
                        plain ? null : texts, withoutData ? "brak danych: nie dostarczono pliku " + row.factSet().sourceFile()
                        : null));
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
        if (!reviews().isEmpty()) {
            header.add(reviewSentence());
        }
        header.addAll(missingDataLines(missing));
        header.addAll(counterLines());
        List<String> footnotes = new ArrayList<>(List.of(
                "Świadczenie należy do okresu według daty realizacji; rodzina świadczenia to rodzina z decyzji; "
                        + "osoba to świadczeniobiorca wskazany w świadczeniu.",
                "Osoby i rodziny liczone są bez powtórzeń w każdej komórce; wiersz „ogółem” to osobne zliczenie, "
                        + "nie suma wierszy. Sumują się tylko liczba świadczeń i kwota.",
                "Liczba osób w rodzinie i dzieci (poniżej 18 lat): skład rodziny w dniu jej ostatniego świadczenia "
                        + "w okresie (dla rodzin objętych wyłącznie pracą socjalną — w dniu ostatniej pracy socjalnej).",
                "Powody rodziny: suma powodów jej decyzji, na podstawie których zrealizowano świadczenie w okresie; "
                        + "rodzina z kilkoma powodami liczy się przy każdym. Odmowy nie liczą się nigdzie.",
                "Kody wierszy i kolumn (w pliku XML) oraz warunki wierszy opisuje układ formularza "
                        + layout.symbol() + " w wersji " + layout.version() + "."));
        if (notApplicable) {
            footnotes.add("„" + NOT_APPLICABLE + "” \u2014 wiersz nie ma tej kolumny (komórki nie wypełnia się).");
        }
        if (!missing.isEmpty()) {
            footnotes.add("„" + NO_DATA + "” \u2014 brak danych: eksport nie zawierał pliku, z którego liczy się wiersz ("
                    + missing.files() + "); 0 byłoby fałszywą liczbą. Wiersz trzeba uzupełnić w CAS z innego źródła.");
        }
        return new ReportDocument("mrpips03", period.toString(), title, context.unitName(), header, tables, List.of(),
                footnotes, metadata(title, "sprawozdanie")).withSignatures();
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
            // conditions for review are not failures: not in the failed column (whose total is the return's failures)
            boolean review = result.state() == Readiness.RuleState.DO_PRZEGLADU;
            summaryRows.add(new ReportRow(result.ruleCode(), result.ruleCode() + " \u2014 " + rule.description(), 0, false,
                    Arrays.asList(BigDecimal.valueOf(result.checked()), review ? null : BigDecimal.valueOf(result.failed()),
                            null),
                    null, Arrays.asList(null, review ? "do przeglądu: " + result.failed() : null, result.state().polish())));
            if (result.note() != null) {
                summaryNotes.add(result.ruleCode() + ": " + result.note());
            }
        }
        int failed = context.ruleResults().stream().filter(r -> r.state() == Readiness.RuleState.NIESPELNIONA)
                .mapToInt(RuleResult::failed).sum();
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
            boolean review = result.state() == Readiness.RuleState.DO_PRZEGLADU;
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
                    + (review ? ": do przeglądu (" : ": niespełnione warunki (") + result.failed() + ")", rule.code(),
                    "warunek",
                    "Komórki (lewa strona, relacja, prawa strona)",
                    List.of(new ReportColumn("lewa", "Lewa strona", ValueType.COUNT, 13),
                            new ReportColumn("prawa", "Prawa strona", ValueType.COUNT, 13),
                            new ReportColumn("roznica", "Różnica", ValueType.COUNT, 13)),
                    rows, tableNotes(rule, result, review), 110));
        }
        String title = layout.symbol() + " \u2014 kontrola sprawozdania za " + periodShort() + correctionSuffix();
        List<String> header = new ArrayList<>();
        incompleteWarning().ifPresent(header::add);
        header.add(switch (context.stored().readiness()) {
            case GOTOWE -> (reviews().isEmpty() ? "Wynik: wszystkie reguły kontrolne są spełnione (sprawdzono " + checked
                    + " warunków) \u2014 sprawozdanie jest gotowe do wysłania."
                    : "Wynik: żaden warunek nie jest niespełniony (sprawdzono " + checked + " warunków) \u2014 "
                    + "sprawozdanie jest gotowe do wysłania.");
            case GOTOWE_Z_ZASTRZEZENIEM -> "Wynik: sprawdzone warunki są spełnione (" + checked + "), ale "
                    + (MissingData.of(layout, context.cells()).isEmpty() ? "" : "brakuje danych niektórych wierszy albo ")
                    + "nie każdą regułę dało się sprawdzić \u2014 sprawozdanie jest gotowe z zastrzeżeniem: "
                    + String.join("; ", context.stored().readinessReasons()) + ".";
            case NIEGOTOWE -> "Wynik: niespełnione warunki: " + failed + " z " + checked + " \u2014 sprawozdanie NIE jest "
                    + "gotowe do wysłania: " + String.join("; ", context.stored().readinessReasons()) + "."
                    + (failed > 0 ? " Każdy niespełniony warunek jest wymieniony niżej z komórkami i wartościami." : "");
        });
        if (!reviews().isEmpty()) {
            header.add(reviewSentence() + " Nie wstrzymuje to wysłania sprawozdania; warunki z komórkami i wyjaśnieniem "
                    + "są wymienione niżej.");
        }
        MissingData missing = MissingData.of(layout, context.cells());
        header.addAll(missingDataLines(missing));
        header.addAll(counterLines());
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
        Layout before = previous.layout();
        Map<CellKey, Measure> measures = new LinkedHashMap<>();
        for (Layout l : List.of(layout, before)) {
            for (Section section : l.sections()) {
                for (Row row : section.rows()) {
                    for (Column column : row.columns()) {
                        measures.putIfAbsent(new CellKey(section.code(), row.code(), column.code()), column.measure());
                    }
                }
            }
        }
        MissingData missingBefore = MissingData.of(before, previous.cells());
        MissingData missingNow = MissingData.of(layout, context.cells());
        boolean noDataShown = false;
        List<ReportRow> rows = new ArrayList<>();
        for (Map.Entry<CellKey, Measure> entry : measures.entrySet()) {
            CellKey key = entry.getKey();
            BigDecimal was = previous.cells().get(key);
            BigDecimal now = context.cells().get(key);
            boolean same = was != null && now != null && was.compareTo(now) == 0;
            if (same || (was == null && now == null)) {
                continue;
            }
            BigDecimal difference = was != null && now != null ? now.subtract(was) : null;
            ValueType type = entry.getValue().type();
            String wasText = was == null && hasCell(before, key) && missingBefore.withoutData(key) ? NO_DATA : null;
            String nowText = now == null && hasCell(layout, key) && missingNow.withoutData(key) ? NO_DATA : null;
            noDataShown |= wasText != null || nowText != null;
            rows.add(new ReportRow(key.toString(), describe(key.toString()), 0, false,
                    Arrays.asList(was, now, difference), List.of(type, type, type),
                    wasText == null && nowText == null ? null : Arrays.asList(wasText, nowText, null)));
        }
        int k = context.stored().correction();
        String sent = "złożona wersja: " + previous.stored().versionName();
        List<ReportColumn> columns = List.of(
                new ReportColumn("poprzednio", "Poprzednio (" + sent + ")", ValueType.COUNT, 16),
                new ReportColumn("obecnie", "Obecnie (korekta nr " + k + ")", ValueType.COUNT, 16),
                new ReportColumn("roznica", "Różnica", ValueType.COUNT, 14));
        List<String> notes = List.of(rows.isEmpty()
                ? "Żadna komórka się nie zmieniła \u2014 korekty nie trzeba wysyłać."
                : "Zmienione komórki: " + rows.size() + ". Komórka bez wartości (\u2013) nie istniała w danej wersji układu."
                + (noDataShown ? " „" + NO_DATA + "” \u2014 brak danych: eksport tej wersji nie zawierał pliku, z którego "
                + "liczy się wiersz." : ""));
        List<ReportTable> tables = new ArrayList<>();
        tables.add(new ReportTable("Z", "Komórki zmienione względem wersji złożonej ("
                + previous.stored().versionName() + ")", "Zmiany",
                "komorka", "Komórka (dział/kod wiersza/kolumna, nr wiersza)", columns, rows, notes, 90));
        String title = layout.symbol() + " \u2014 korekta nr " + k + " sprawozdania za " + periodShort()
                + ": zmienione komórki";
        List<String> header = new ArrayList<>(commonHeader());
        header.add("Wersja złożona, którą poprawia ta korekta: " + previous.stored().versionName()
                + ", migawka o odcisku SHA-256 " + previous.snapshot().fingerprint() + ", układ "
                + before.version() + ".");
        if (!before.version().equals(layout.version())) {
            List<ReportRow> layoutRows = layoutRows(before, layout);
            header.add("Układy formularza są różne: wersja złożona \u2014 układ " + before.version() + ", korekta nr " + k
                    + " \u2014 układ " + layout.version() + ". Wiersze, które są tylko w jednym z nich: " + layoutRows.size()
                    + " (arkusz „Wiersze układów”); ich komórki są też wśród zmienionych.");
            tables.add(new ReportTable("W", "Wiersze, które są tylko w jednym z układów (" + before.version() + ", "
                    + layout.version() + ")", "Wiersze układów", "wiersz", "Wiersz (dział/kod wiersza, nr wiersza, nazwa)",
                    List.of(new ReportColumn("uklad", "Jest tylko w układzie", ValueType.COUNT, 22)), layoutRows,
                    List.of(layoutRows.isEmpty() ? "Oba układy mają te same wiersze."
                            : "Wiersz tylko w układzie " + before.version() + " nie ma wartości w korekcie; wiersz tylko "
                            + "w układzie " + layout.version() + " nie miał wartości w wersji złożonej."), 110));
        }
        return new ReportDocument("mrpips03-zmiany", period.toString(), title, context.unitName(), header,
                tables, List.of(), List.of(), metadata(title, "zmiany"));
    }

    private static boolean hasCell(Layout layout, CellKey key) {
        return layout.section(key.section()).flatMap(s -> s.row(key.row())).map(r -> r.hasColumn(key.column()))
                .orElse(false);
    }

    /** the rows of either layout that the other one does not have, in layout order (the older layout's first) */
    private static List<ReportRow> layoutRows(Layout before, Layout now) {
        List<ReportRow> rows = new ArrayList<>();
        for (Layout[] pair : new Layout[][] {{before, now}, {now, before}}) {
            for (Section section : pair[0].sections()) {
                for (Row row : section.rows()) {
                    if (pair[1].section(section.code()).flatMap(s -> s.row(row.code())).isPresent()) {
                        continue;
                    }
                    rows.add(new ReportRow(section.code() + "/" + row.code(), section.code() + "/" + row.code() + " (w. "
                            + row.nr() + ") " + row.name(), 0, false, Arrays.asList((BigDecimal) null), null,
                            List.of(pair[0].version())));
                }
            }
        }
        return rows;
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
            case GOTOWE -> reviews().isEmpty()
                    ? "Gotowość: gotowe do wysłania \u2014 wszystkie reguły kontrolne sprawdzone i spełnione."
                    : "Gotowość: gotowe do wysłania \u2014 żaden warunek reguł kontrolnych nie jest niespełniony.";
            case GOTOWE_Z_ZASTRZEZENIEM -> "Gotowość: gotowe z zastrzeżeniem \u2014 "
                    + String.join("; ", stored.readinessReasons()) + ".";
            case NIEGOTOWE -> "Gotowość: niegotowe \u2014 sprawozdanie NIE jest gotowe do wysłania: "
                    + String.join("; ", stored.readinessReasons())
                    + " (szczegóły: " + context.baseFileName() + "-kontrola.pdf).";
        };
    }

    /** the rules "do przeglądu" whose conditions do not hold */
    private List<RuleResult> reviews() {
        return context.ruleResults().stream().filter(r -> r.state() == Readiness.RuleState.DO_PRZEGLADU).toList();
    }

    /** e.g. "Do przeglądu: reguła R14 (warunki: 1) — szczegóły w pliku …-kontrola.pdf." */
    private String reviewSentence() {
        return "Do przeglądu: " + String.join(", ", reviews().stream().map(r -> "reguła " + r.ruleCode()
                + " (warunki: " + r.failed() + ")").toList()) + " \u2014 szczegóły w pliku " + context.baseFileName()
                + "-kontrola.pdf.";
    }

    private static List<String> tableNotes(Rule rule, RuleResult result, boolean review) {
        List<String> notes = new ArrayList<>();
        if (review) {
            notes.add("Reguła do przeglądu: niespełniony warunek nie jest błędem i nie wstrzymuje wysłania sprawozdania, "
                    + "ale trzeba go sprawdzić.");
        }
        if (result.note() != null && (review || rule.counter() != null)) {
            notes.add(result.note()); // e.g. how many realisations have no financing
        }
        notes.add("Wyjaśnienie: " + rule.explanation());
        return notes;
    }

    /** one line per optional file not supplied, naming the rows without data */
    private static List<String> missingDataLines(MissingData missing) {
        return missing.reasons().stream().map(r -> "Brak danych: " + r + " (w dokumentach „" + NO_DATA
                + "”, w XML wiersz bez komórek).").toList();
    }

    /** the layout's counters, one line each */
    private List<String> counterLines() {
        List<String> lines = new ArrayList<>();
        for (ReturnRepository.CounterValue value : context.counters()) {
            context.layout().counter(value.code()).ifPresent(c -> lines.add(c.description() + ": " + value.value() + "."));
        }
        return lines;
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
