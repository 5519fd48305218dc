package pl.mops.reports.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import pl.mops.reports.assessment.OzpsFigures.Measure;
import pl.mops.reports.assessment.resources.ResourceCatalogue;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Kind;
import pl.mops.reports.database.Dictionaries.Entry;
import pl.mops.reports.database.Dictionaries.Form;
import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ChartSource;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * Lays out the assessment: the chapters filled from the resources file (2, 5, 6, 7, 9), the indicators
 * (10.1, 10.2) and the chapters computed from the case data (10.3, 10.4, 10.5, 10.6, 10.8), each with the
 * columns Y−2, Y−1, Y and the forecast Y+1, Y+2, plus one trend chart per chapter. It only arranges and
 * derives; every count comes from {@link OzpsFigures} and every resource from the validated file.
 */
final class OzpsReportBuilder {

    static final String LABEL_HEADER = "Wyszczególnienie";
    private static final int FIRST_FORECAST = 3;

    private final OzpsData data;
    private final int year;
    private final List<ReportChart> charts = new ArrayList<>();
    /** charts added since the last table, with their series, to be tied to that table's rows (see {@link #table}) */
    private final Map<Integer, List<Series>> untiedCharts = new java.util.LinkedHashMap<>();

    OzpsReportBuilder(OzpsData data) {
        this.data = data;
        this.year = data.year;
    }

    ReportDocument build() {
        List<ReportTable> tables = new ArrayList<>();
        tables.add(demography());
        tables.add(institutions());
        tables.add(staff());
        tables.add(budget());
        tables.add(ngo());
        tables.add(socialWorkers());
        tables.add(costsAndReach());
        tables.add(familiesHelped());
        tables.add(reasons());
        tables.add(benefits(OzpsData.T10_5, true));
        tables.add(benefits(OzpsData.T10_6, false));
        tables.add(refusals());
        String title = "Ocena zasobów pomocy społecznej za rok " + year
                + (data.partialYears().contains(year) ? " (dane niepełne)" : "");
        List<String> header = new ArrayList<>();
        header.add("Lata " + (year - 2) + "–" + year + " (stan na 31 XII albo cały rok) i prognoza na lata " + (year + 1)
                + "–" + (year + 2) + "; art. 16a ustawy o pomocy społecznej.");
        header.add(data.snapshot.inWords());
        header.add("Dane o zasobach (rozdziały 2\u20139): zestawienie zasobów przygotowane przez jednostkę; źródła "
                + "podano pod tabelami.");
        if (data.partialYears().contains(year)) {
            header.add(0, "UWAGA \u2014 DANE NIEPEŁNE: migawka nie obejmuje całego roku " + year + " ("
                    + data.coverage(year).held() + "). Liczby tabel 10.x za ten rok są niepełne; prognozy i porównań "
                    + "nie oparto na tym roku.");
        }
        // a year without case data either has no realisation, decision or social work dated in it, or lies before the
        // first realisation the snapshot holds while some of its rows (e.g. decisions issued then) are there: each said
        // as it is, so the page does not deny the decisions of such a year
        List<Integer> missing = data.observedYears.stream().filter(y -> !data.hasCaseData(y)).toList();
        List<Integer> empty = missing.stream().filter(y -> !data.figures.hasData(y)).toList();
        List<Integer> uncovered = missing.stream().filter(data.figures::hasData).toList();
        if (!empty.isEmpty()) {
            header.add("Migawka nie zawiera danych o świadczeniach, decyzjach ani pracy socjalnej za "
                    + (empty.size() == 1 ? "rok " : "lata ") + join(empty) + " — w tabelach 10.x „brak danych”.");
        }
        if (!uncovered.isEmpty()) {
            header.add("Migawka nie obejmuje " + (uncovered.size() == 1 ? "roku " : "lat ") + join(uncovered)
                    + " (" + data.snapshot.coverage().describe() + ") — w tabelach 10.x „brak danych”.");
        }
        List<Integer> partial = data.partialYears().stream().filter(y -> y != year).toList();
        if (!partial.isEmpty()) {
            header.add("Migawka obejmuje tylko część " + (partial.size() == 1 ? "roku " : "lat ") + join(partial)
                    + " (" + partial.stream().map(y -> y + ": " + data.coverage(y).held()).reduce((a, b) -> a + "; " + b)
                    .orElse("") + ") \u2014 w tabelach 10.x oznaczone „niepełne”, pominięte w prognozie i porównaniach.");
        }
        DocumentMetadata metadata = new DocumentMetadata(
                LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                data.unitName,
                title + " (odcisk danych " + data.snapshot.shortFingerprint() + ", zasoby "
                        + data.resources.sha256().substring(0, 16) + ")",
                "ocena zasobów pomocy społecznej; OZPS; " + year);
        // fingerprints and file names: for the auditors, not for the first page the council reads
        List<String> appendix = List.of(data.snapshot.appendixLine(), "Dane o zasobach: plik "
                + data.resources.fileName() + ", odcisk SHA-256 " + data.resources.sha256() + ".");
        return new ReportDocument("ozps", String.valueOf(year), title, data.unitName, header, tables, charts,
                footnotes(), metadata).withAppendix(appendix);
    }

    // ---- layout helpers -------------------------------------------------------------------------

    private List<ReportColumn> columns() {
        List<ReportColumn> columns = new ArrayList<>();
        for (int y : data.observedYears) {
            boolean partial = data.partialYears().contains(y);
            columns.add(new ReportColumn("r" + y, String.valueOf(y), ValueType.COUNT, 13,
                    partial ? "dane o świadczeniach " + data.coverage(y).mark() : null));
        }
        for (int y : data.forecastYears) {
            columns.add(new ReportColumn("p" + y, y + " prognoza", ValueType.COUNT, 13));
        }
        return columns;
    }

    /** rows numbered 1, 2, … in the order they are added */
    private static final class Rows {
        final List<ReportRow> rows = new ArrayList<>();
        /** the key of the row added with each series (by identity: a chart drawn from the table's rows) */
        final Map<Series, String> keys = new java.util.IdentityHashMap<>();

        void add(String key, String label, int level, boolean total, Series series, ValueType type) {
            keys.putIfAbsent(series, key);
            rows.add(new ReportRow(key, (rows.size() + 1) + ". " + label, level, total, series.values(),
                    java.util.Collections.nCopies(series.values().size(), type), series.texts()));
        }

        void addTexts(String key, String label, List<String> texts) {
            List<BigDecimal> empty = new ArrayList<>(java.util.Collections.nCopies(texts.size(), (BigDecimal) null));
            rows.add(new ReportRow(key, (rows.size() + 1) + ". " + label, 0, false, empty,
                    java.util.Collections.nCopies(texts.size(), ValueType.COUNT), texts));
        }
    }

    private static ValueType type(Kind kind) {
        return switch (kind) {
            case COUNT -> ValueType.COUNT;
            case FTE -> ValueType.DECIMAL;
            case AMOUNT -> ValueType.AMOUNT;
        };
    }

    private ReportTable table(String id, String title, String sheet, String dimension, Rows rows, List<String> notes) {
        tieCharts(id, rows);
        return new ReportTable(id, title, sheet, dimension, LABEL_HEADER, columns(), rows.rows, notes);
    }

    /** the charts added for this table whose every series is one of its rows are drawn from those rows' cells */
    private void tieCharts(String tableId, Rows rows) {
        List<String> codes = columns().stream().map(ReportColumn::code).toList();
        for (Map.Entry<Integer, List<Series>> chart : untiedCharts.entrySet()) {
            List<String> keys = chart.getValue().stream().map(series -> keyOf(rows, series)).toList();
            if (!keys.contains(null)) {
                charts.set(chart.getKey(), charts.get(chart.getKey()).withSource(ChartSource.rows(tableId, codes, keys)));
            }
        }
        untiedCharts.clear();
    }

    /** the row added with the series, or else the one row with exactly its values (the same numbers in its cells) */
    private static String keyOf(Rows rows, Series series) {
        String key = rows.keys.get(series);
        if (key != null) {
            return key;
        }
        List<ReportRow> equal = rows.rows.stream().filter(r -> r.values().equals(series.values())).toList();
        return equal.size() == 1 ? equal.get(0).key() : null;
    }

    private List<String> sourceNote(String chapter) {
        String source = data.resources.sources().get(chapter);
        List<String> notes = new ArrayList<>();
        notes.add("Źródło: zestawienie zasobów jednostki" + (source == null ? "" : " — " + source) + ".");
        return notes;
    }

    private void chart(String id, String title, String valueLabel, List<String> names, List<Series> series) {
        if (series.isEmpty()) {
            return;
        }
        List<String> categories = new ArrayList<>();
        for (int y : data.observedYears) {
            categories.add(y + (data.partialYears().contains(y) ? " (niepełny)" : ""));
        }
        for (int y : data.forecastYears) {
            categories.add(y + " (prognoza)");
        }
        List<ChartSeries> chartSeries = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            chartSeries.add(ChartSeries.withForecast(names.get(i), series.get(i).values(), FIRST_FORECAST));
        }
        untiedCharts.put(charts.size(), List.copyOf(series));
        charts.add(new ReportChart(id, title + " \u2014 trend i prognoza (linia przerywana)", ReportChart.ChartKind.LINE,
                "Rok", valueLabel, categories, chartSeries));
    }

    // ---- chapter 2 ------------------------------------------------------------------------------

    private ReportTable demography() {
        String d = ResourceCatalogue.DEMOGRAPHY;
        Rows rows = new Rows();
        Series population = data.population();
        rows.add("MIESZKANCY", "Mieszkańcy ogółem", 0, true, population, ValueType.COUNT);
        rows.add("KOBIETY", "Kobiety ogółem", 0, false,
                data.resourceSum(d, List.of("kobiety_0_17", "kobiety_18_59", "kobiety_60_plus"), 0), ValueType.COUNT);
        rows.add("KOBIETY_0_17", "w wieku 0–17 lat", 1, false, data.resource(d, "kobiety_0_17"), ValueType.COUNT);
        rows.add("KOBIETY_18_59", "w wieku 18–59 lat", 1, false, data.resource(d, "kobiety_18_59"), ValueType.COUNT);
        rows.add("KOBIETY_60_PLUS", "w wieku 60 lat i więcej", 1, false, data.resource(d, "kobiety_60_plus"), ValueType.COUNT);
        rows.add("MEZCZYZNI", "Mężczyźni ogółem", 0, false,
                data.resourceSum(d, List.of("mezczyzni_0_17", "mezczyzni_18_64", "mezczyzni_65_plus"), 0), ValueType.COUNT);
        rows.add("MEZCZYZNI_0_17", "w wieku 0–17 lat", 1, false, data.resource(d, "mezczyzni_0_17"), ValueType.COUNT);
        rows.add("MEZCZYZNI_18_64", "w wieku 18–64 lata", 1, false, data.resource(d, "mezczyzni_18_64"), ValueType.COUNT);
        rows.add("MEZCZYZNI_65_PLUS", "w wieku 65 lat i więcej", 1, false, data.resource(d, "mezczyzni_65_plus"),
                ValueType.COUNT);
        Series unemployed = data.resource(ResourceCatalogue.LABOUR, "bezrobotni");
        Series longTerm = data.resource(ResourceCatalogue.LABOUR, "bezrobotni_dlugotrwale");
        rows.add("BEZROBOTNI", "Bezrobotni zarejestrowani ogółem", 0, false, unemployed, ValueType.COUNT);
        rows.add("BEZROBOTNI_DLUGOTRWALE", "w tym długotrwale", 1, false, longTerm, ValueType.COUNT);
        chart("W2", "Mieszkańcy ogółem", "Osoby", List.of("Mieszkańcy ogółem"), List.of(population));
        List<String> notes = sourceNote(d);
        String labourSource = data.resources.sources().get(ResourceCatalogue.LABOUR);
        if (labourSource != null) {
            notes.add("Rynek pracy — źródło: " + labourSource + ".");
        }
        notes.add("Wiek produkcyjny: kobiety 18–59 lat, mężczyźni 18–64 lata.");
        return table("R2", "Rozdział 2. Dane o sytuacji demograficznej i społecznej", "2 Demografia i rynek pracy",
                "pozycja", rows, notes);
    }

    // ---- chapter 5 ------------------------------------------------------------------------------

    private ReportTable institutions() {
        String c = ResourceCatalogue.INSTITUTIONS;
        Rows rows = new Rows();
        List<String> placowki = ResourceCatalogue.INSTITUTION_TYPES.stream().map(t -> t[0] + "_placowki").toList();
        List<String> miejsca = ResourceCatalogue.INSTITUTION_TYPES.stream().map(t -> t[0] + "_miejsca").toList();
        Series allPlaces = data.resourceSum(c, miejsca, 0);
        rows.add("PLACOWKI", "Placówki ogółem", 0, true, data.resourceSum(c, placowki, 0), ValueType.COUNT);
        rows.add("MIEJSCA", "Miejsca ogółem", 0, true, allPlaces, ValueType.COUNT);
        for (String[] type : ResourceCatalogue.INSTITUTION_TYPES) {
            rows.add(type[0].toUpperCase() + "_PLACOWKI", type[1] + " \u2014 placówki", 0, false,
                    data.resource(c, type[0] + "_placowki"), ValueType.COUNT);
            rows.add(type[0].toUpperCase() + "_MIEJSCA", "miejsca", 1, false, data.resource(c, type[0] + "_miejsca"),
                    ValueType.COUNT);
        }
        chart("W5", "Miejsca w placówkach pomocy i wsparcia", "Miejsca", List.of("Miejsca ogółem"), List.of(allPlaces));
        return table("R5", "Rozdział 5. Zasoby instytucjonalne pomocy i wsparcia", "5 Zasoby instytucjonalne",
                "pozycja", rows, sourceNote(c));
    }

    // ---- chapter 6 ------------------------------------------------------------------------------

    private ReportTable staff() {
        String c = ResourceCatalogue.STAFF;
        Rows rows = new Rows();
        List<String> persons = ResourceCatalogue.STAFF_POSTS.stream().map(p -> p[0] + "_osoby").toList();
        List<String> fte = ResourceCatalogue.STAFF_POSTS.stream().map(p -> p[0] + "_etaty").toList();
        Series allFte = data.resourceSum(c, fte, 2);
        rows.add("ZATRUDNIENI_OSOBY", "Zatrudnieni ogółem \u2014 osoby", 0, true, data.resourceSum(c, persons, 0),
                ValueType.COUNT);
        rows.add("ZATRUDNIENI_ETATY", "Zatrudnieni ogółem \u2014 etaty", 0, true, allFte, ValueType.DECIMAL);
        for (String[] post : ResourceCatalogue.STAFF_POSTS) {
            rows.add(post[0].toUpperCase() + "_OSOBY", post[1] + " \u2014 osoby", 0, false, data.resource(c, post[0] + "_osoby"),
                    ValueType.COUNT);
            rows.add(post[0].toUpperCase() + "_ETATY", "etaty", 1, false, data.resource(c, post[0] + "_etaty"),
                    ValueType.DECIMAL);
        }
        chart("W6", "Zatrudnienie w ośrodku (etaty)", "Etaty", List.of("Zatrudnieni ogółem", "Pracownicy socjalni"),
                List.of(allFte, data.socialWorkerFte()));
        List<String> notes = sourceNote(c);
        notes.add("Etaty: pełne etaty (wymiar czasu pracy), do dwóch miejsc po przecinku.");
        return table("R6", "Rozdział 6. Kadra jednostki organizacyjnej pomocy społecznej", "6 Kadra", "pozycja", rows,
                notes);
    }

    // ---- chapter 7 ------------------------------------------------------------------------------

    private ReportTable budget() {
        String c = ResourceCatalogue.BUDGET;
        List<String> chapters = data.resources.positions(c);
        Rows rows = new Rows();
        Series total = data.resourceSum(c, chapters, 2);
        rows.add("OGOLEM", "Wydatki ogółem (podane rozdziały działów 852, 853, 855)", 0, true, total, ValueType.AMOUNT);
        List<String> names = new ArrayList<>();
        List<Series> divisions = new ArrayList<>();
        for (Map.Entry<String, String> division : new java.util.TreeMap<>(ResourceCatalogue.BUDGET_DIVISIONS).entrySet()) {
            List<String> ofDivision = chapters.stream().filter(k -> k.startsWith(division.getKey())).toList();
            if (ofDivision.isEmpty()) {
                continue;
            }
            Series sum = data.resourceSum(c, ofDivision, 2);
            rows.add("D" + division.getKey(), division.getValue(), 0, true, sum, ValueType.AMOUNT);
            names.add("Dział " + division.getKey());
            divisions.add(sum);
            for (String chapter : ofDivision) {
                rows.add(chapter, ResourceCatalogue.budgetLabel(chapter), 1, false, data.resource(c, chapter),
                        ValueType.AMOUNT);
            }
        }
        chart("W7", "Wydatki według działów klasyfikacji budżetowej (zł)", "Zł", names, divisions);
        List<String> notes = sourceNote(c);
        notes.add("Kwoty w złotych. Sumy działów i ogółem to sumy rozdziałów podanych w pliku zasobów.");
        return table("R7", "Rozdział 7. Środki finansowe na wydatki w pomocy społecznej i innych obszarach polityki "
                + "społecznej", "7 Środki finansowe", "rozdzial", rows, notes);
    }

    // ---- chapter 9 ------------------------------------------------------------------------------

    private ReportTable ngo() {
        String c = ResourceCatalogue.NGO;
        Rows rows = new Rows();
        Series contracts = data.resource(c, "umowy");
        Series amount = data.resource(c, "kwota");
        rows.add("ORGANIZACJE", "Organizacje realizujące zadania zlecone", 0, false, data.resource(c, "organizacje"),
                ValueType.COUNT);
        rows.add("UMOWY", "Umowy (zadania zlecone)", 0, false, contracts, ValueType.COUNT);
        rows.add("KWOTA", "Kwota przekazanych środków (zł)", 0, false, amount, ValueType.AMOUNT);
        rows.add("KWOTA_NA_UMOWE", "Przeciętna kwota na umowę (zł)", 0, false,
                Series.ratio(amount, contracts, BigDecimal.ONE, 2), ValueType.AMOUNT);
        chart("W9", "Środki przekazane organizacjom pozarządowym (zł)", "Zł", List.of("Kwota przekazanych środków"),
                List.of(amount));
        return table("R9", "Rozdział 9. Współpraca z organizacjami pozarządowymi \u2014 zadania zlecone w obszarze "
                + "pomocy i wsparcia", "9 Organizacje pozarządowe", "pozycja", rows, sourceNote(c));
    }

    // ---- 10.1 and 10.2 --------------------------------------------------------------------------

    private ReportTable socialWorkers() {
        Rows rows = new Rows();
        Series residentsPerWorker = data.residentsPerWorker();
        Series familiesPerWorker = data.familiesInSocialWorkPerWorker();
        rows.add("MIESZKANCY", "Mieszkańcy ogółem (rozdz. 2)", 0, false, data.population(), ValueType.COUNT);
        rows.add("PRACOWNICY_SOCJALNI_OSOBY", "Pracownicy socjalni \u2014 osoby (rozdz. 6)", 0, false, data.socialWorkers(),
                ValueType.COUNT);
        rows.add("PRACOWNICY_SOCJALNI_ETATY", "Pracownicy socjalni \u2014 etaty (rozdz. 6)", 0, false,
                data.socialWorkerFte(), ValueType.DECIMAL);
        rows.add("MIESZKANCY_NA_ETAT", "Mieszkańcy na 1 etat pracownika socjalnego (norma: nie więcej niż 2 000)", 0, false,
                residentsPerWorker, ValueType.DECIMAL);
        rows.add("ETATY_WG_MIESZKANCOW", "Etaty wymagane wg liczby mieszkańców (1 na 2 000)", 1, false,
                data.requiredFteByResidents(), ValueType.DECIMAL);
        rows.add("RODZINY_PRACA_SOCJALNA", "Rodziny objęte pracą socjalną (tab. 10.3)", 0, false,
                data.familiesInSocialWork(), ValueType.COUNT);
        rows.add("RODZINY_PS_NA_ETAT", "Rodziny objęte pracą socjalną na 1 etat pracownika socjalnego "
                + "(norma: nie więcej niż 50)", 0, false, familiesPerWorker, ValueType.DECIMAL);
        rows.add("ETATY_WG_RODZIN", "Etaty wymagane wg liczby rodzin objętych pracą socjalną (1 na 50)", 1, false,
                data.requiredFteByFamilies(), ValueType.DECIMAL);
        rows.add("RODZINY_NA_ETAT", "Rodziny objęte pomocą na 1 etat pracownika socjalnego (informacyjnie)", 0, false,
                data.familiesHelpedPerWorker(), ValueType.DECIMAL);
        List<String> norm = new ArrayList<>();
        for (int y : data.allYears()) {
            Boolean met = data.normMet(y);
            norm.add(met == null ? Series.NO_DATA : met ? "tak" : "nie");
        }
        rows.addTexts("NORMA_ART_110", "Norma art. 110 ust. 11 ustawy o pomocy społecznej spełniona", norm);
        chart("W10_1", "Mieszkańcy na 1 etat pracownika socjalnego", "Mieszkańcy",
                List.of("Mieszkańcy na 1 etat"), List.of(residentsPerWorker));
        return table("W10_1", "10.1 Kadra pracowników socjalnych \u2014 norma zatrudnienia (art. 110 ust. 11)",
                "10.1 Kadra pracowników socj.", "wskaznik", rows, List.of(
                        "Norma: art. 110 ust. 11 ustawy z dnia 12 marca 2004 r. o pomocy społecznej w brzmieniu "
                                + "obowiązującym od 1 stycznia 2015 r. \u2014 co najmniej 3 pracowników socjalnych oraz "
                                + "1 etat na 2 000 mieszkańców albo 1 etat na nie więcej niż 50 rodzin i osób samotnie "
                                + "gospodarujących objętych pracą socjalną (wystarczy jeden z dwóch warunków).",
                        "W latach prognozy wskaźniki liczone z prognozowanych składników."));
    }

    private ReportTable costsAndReach() {
        Rows rows = new Rows();
        Series perThousand = data.recipientsPerThousand();
        rows.add("SWIADCZENIOBIORCY", "Świadczeniobiorcy (tab. 10.3)", 0, false, data.recipients(), ValueType.COUNT);
        rows.add("SWIADCZENIOBIORCY_NA_1000", "Świadczeniobiorcy na 1 000 mieszkańców", 0, false, perThousand,
                ValueType.DECIMAL);
        rows.add("OSOBY_W_RODZINACH_NA_1000", "Osoby w rodzinach, którym przyznano świadczenia, na 1 000 mieszkańców", 0,
                false, data.personsInFamiliesPerThousand(), ValueType.DECIMAL);
        rows.add("KWOTA", "Kwota świadczeń ogółem (zł)", 0, false, data.benefitAmount(), ValueType.AMOUNT);
        rows.add("KWOTA_NA_SWIADCZENIOBIORCE", "Przeciętna kwota świadczeń na świadczeniobiorcę (zł)", 0, false,
                data.amountPerRecipient(), ValueType.AMOUNT);
        rows.add("KWOTA_NA_RODZINE", "Przeciętna kwota świadczeń na rodzinę (zł)", 0, false, data.amountPerFamily(),
                ValueType.AMOUNT);
        chart("W10_2", "Świadczeniobiorcy na 1 000 mieszkańców", "Na 1 000 mieszkańców",
                List.of("Świadczeniobiorcy na 1 000 mieszkańców"), List.of(perThousand));
        return table("W10_2", "10.2 Koszty i zasięg pomocy", "10.2 Koszty i zasięg", "wskaznik", rows, List.of(
                "Kwota: wszystkie formy świadczeń zrealizowane w roku; przeciętne kwoty = kwota / świadczeniobiorcy "
                        + "albo / rodziny, którym przyznano świadczenia.",
                "W latach prognozy wskaźniki liczone z prognozowanych składników."));
    }

    // ---- 10.3 -----------------------------------------------------------------------------------

    private ReportTable familiesHelped() {
        String t = OzpsData.T10_3;
        Rows rows = new Rows();
        Series all = data.stat(t, "OBJETE_POMOCA", Measure.FAMILIES);
        Series withBenefits = data.stat(t, "SWIADCZENIA", Measure.FAMILIES);
        Series socialWork = data.stat(t, "PRACA_SOCJALNA", Measure.FAMILIES);
        rows.add("OBJETE_POMOCA/RODZINY", "Rodziny objęte pomocą (świadczenia lub praca socjalna)", 0, true, all,
                ValueType.COUNT);
        rows.add("OBJETE_POMOCA/OSOBY", "osoby w tych rodzinach", 1, false, data.stat(t, "OBJETE_POMOCA", Measure.PERSONS),
                ValueType.COUNT);
        for (String[] row : new String[][] {
                {"SWIADCZENIA", "Rodziny, którym przyznano świadczenia"},
                {"PIENIEZNE", "Rodziny, którym przyznano świadczenia pieniężne"},
                {"NIEPIENIEZNE", "Rodziny, którym przyznano świadczenia niepieniężne"}}) {
            rows.add(row[0] + "/RODZINY", row[1], 0, false, data.stat(t, row[0], Measure.FAMILIES), ValueType.COUNT);
            rows.add(row[0] + "/OSOBY", "osoby w tych rodzinach", 1, false, data.stat(t, row[0], Measure.PERSONS),
                    ValueType.COUNT);
            rows.add(row[0] + "/SWIADCZENIOBIORCY", "świadczeniobiorcy", 1, false, data.stat(t, row[0], Measure.RECIPIENTS),
                    ValueType.COUNT);
        }
        for (String[] row : new String[][] {
                {"PRACA_SOCJALNA", "Rodziny objęte pracą socjalną"},
                {"WYLACZNIE_PRACA_SOCJALNA", "Rodziny objęte wyłącznie pracą socjalną"},
                {"KONTRAKT_SOCJALNY", "Rodziny objęte kontraktem socjalnym"}}) {
            rows.add(row[0] + "/RODZINY", row[1], 0, false, data.stat(t, row[0], Measure.FAMILIES), ValueType.COUNT);
            rows.add(row[0] + "/OSOBY", "osoby w tych rodzinach", 1, false, data.stat(t, row[0], Measure.PERSONS),
                    ValueType.COUNT);
        }
        chart("W10_3", "Rodziny objęte pomocą", "Rodziny",
                List.of("Objęte pomocą ogółem", "Ze świadczeniami", "Objęte pracą socjalną"),
                List.of(all, withBenefits, socialWork));
        return table("T10_3", "10.3 Osoby i rodziny korzystające z pomocy i wsparcia", "10.3 Osoby i rodziny",
                "pozycja", rows, List.of(
                        "Każdy wiersz liczy rodziny i osoby bez powtórzeń; wiersze nie sumują się (rodzina ze świadczeniami "
                                + "pieniężnymi i niepieniężnymi jest w obu wierszach, a ogółem raz).",
                        "Osoby w rodzinach: członkowie rodziny w dniu jej ostatniego świadczenia w roku, a gdy w roku nie "
                                + "miała świadczeń \u2014 w dniu ostatniej pracy socjalnej."));
    }

    // ---- 10.4 -----------------------------------------------------------------------------------

    private ReportTable reasons() {
        String t = OzpsData.T10_4;
        Rows rows = new Rows();
        rows.add("OGOLEM/RODZINY", "Rodziny ogółem (bez powtórzeń)", 0, true, data.stat(t, "OGOLEM", Measure.FAMILIES),
                ValueType.COUNT);
        rows.add("OGOLEM/OSOBY", "osoby w tych rodzinach", 1, true, data.stat(t, "OGOLEM", Measure.PERSONS), ValueType.COUNT);
        for (Entry reason : data.reasons) {
            rows.add(reason.code() + "/RODZINY", reason.name() + " \u2014 rodziny", 0, false,
                    data.stat(t, reason.code(), Measure.FAMILIES), ValueType.COUNT);
            rows.add(reason.code() + "/OSOBY", "osoby w tych rodzinach", 1, false, data.stat(t, reason.code(), Measure.PERSONS),
                    ValueType.COUNT);
        }
        List<Entry> top = topReasons(4);
        chart("W10_4", "Rodziny według najczęstszych powodów przyznania pomocy", "Rodziny",
                top.stream().map(Entry::name).toList(),
                top.stream().map(r -> data.stat(t, r.code(), Measure.FAMILIES)).toList());
        return table("T10_4", "10.4 Powody przyznania pomocy", "10.4 Powody", "powod", rows, List.of(
                "Powody rodziny w roku: suma powodów jej decyzji, na podstawie których w roku zrealizowano świadczenie; "
                        + "rodzina z kilkoma powodami liczy się przy każdym, więc wiersze nie sumują się do ogółem.",
                "Decyzje odmowne nie liczą się tutaj (tab. 10.8)."));
    }

    /** the reasons with the most families in the latest year with data (ties: dictionary order) */
    private List<Entry> topReasons(int count) {
        int latest = data.observedYears.stream().filter(data.figures::hasData).reduce((a, b) -> b).orElse(year);
        List<Entry> ordered = new ArrayList<>(data.reasons.stream()
                .filter(r -> data.observedYears.stream().anyMatch(y -> families(r, y).signum() > 0)).toList());
        ordered.sort(Comparator.comparing((Entry r) -> families(r, latest)).reversed());
        return ordered.subList(0, Math.min(count, ordered.size()));
    }

    private BigDecimal families(Entry reason, int y) {
        BigDecimal value = data.figures.value(OzpsData.T10_4, reason.code(), y, Measure.FAMILIES);
        return value == null ? BigDecimal.ZERO : value;
    }

    // ---- 10.5 and 10.6 --------------------------------------------------------------------------

    private ReportTable benefits(String t, boolean cash) {
        Rows rows = new Rows();
        String what = cash ? "Świadczenia pieniężne ogółem" : "Usługi i świadczenia niepieniężne ogółem";
        rows.add("OGOLEM/SWIADCZENIOBIORCY", what + " \u2014 świadczeniobiorcy", 0, true,
                data.stat(t, "OGOLEM", Measure.RECIPIENTS), ValueType.COUNT);
        if (cash) {
            rows.add("OGOLEM/SWIADCZENIA", "liczba świadczeń", 1, true, data.stat(t, "OGOLEM", Measure.BENEFITS),
                    ValueType.COUNT);
        }
        rows.add("OGOLEM/KWOTA", "kwota (zł)", 1, true, data.stat(t, "OGOLEM", Measure.AMOUNT), ValueType.AMOUNT);
        List<Form> forms = data.forms.stream().filter(f -> f.cash() == cash).toList();
        for (Form form : forms) {
            rows.add(form.code() + "/SWIADCZENIOBIORCY", form.name() + " \u2014 świadczeniobiorcy", 0, false,
                    data.stat(t, form.code(), Measure.RECIPIENTS), ValueType.COUNT);
            rows.add(form.code() + "/SWIADCZENIA", "liczba świadczeń", 1, false, data.stat(t, form.code(), Measure.BENEFITS),
                    ValueType.COUNT);
            rows.add(form.code() + "/KWOTA", "kwota (zł)", 1, false, data.stat(t, form.code(), Measure.AMOUNT),
                    ValueType.AMOUNT);
        }
        List<Form> top = topForms(forms, t, 4);
        chart(cash ? "W10_5" : "W10_6", cash ? "Świadczeniobiorcy najczęstszych świadczeń pieniężnych"
                        : "Świadczeniobiorcy najczęstszych usług i świadczeń niepieniężnych", "Osoby",
                top.stream().map(Form::name).toList(),
                top.stream().map(f -> data.stat(t, f.code(), Measure.RECIPIENTS)).toList());
        List<String> notes = new ArrayList<>();
        notes.add("Świadczeniobiorcy liczeni bez powtórzeń; wiersz ogółem liczy osobę z kilkoma formami raz.");
        notes.add("Liczba świadczeń: suma pola „liczba” realizacji (wypłaty, posiłki, godziny usług, dni)"
                + (cash ? "." : "; w wierszu ogółem pominięta, bo jednostki różnych form się nie sumują."));
        return table(cash ? "T10_5" : "T10_6", cash ? "10.5 Pomoc w formie świadczeń pieniężnych"
                        : "10.6 Pomoc w formie usług i świadczeń niepieniężnych (w tym pomoc instytucjonalna)",
                cash ? "10.5 Świadczenia pieniężne" : "10.6 Usługi i niepieniężne", "forma", rows, notes);
    }

    private List<Form> topForms(List<Form> forms, String t, int count) {
        int latest = data.observedYears.stream().filter(data.figures::hasData).reduce((a, b) -> b).orElse(year);
        java.util.function.BiFunction<Form, Integer, BigDecimal> recipients = (f, y) -> {
            BigDecimal value = data.figures.value(t, f.code(), y, Measure.RECIPIENTS);
            return value == null ? BigDecimal.ZERO : value;
        };
        List<Form> ordered = new ArrayList<>(forms.stream()
                .filter(f -> data.observedYears.stream().anyMatch(y -> recipients.apply(f, y).signum() > 0)).toList());
        ordered.sort(Comparator.comparing((Form f) -> recipients.apply(f, latest)).reversed());
        return ordered.subList(0, Math.min(count, ordered.size()));
    }

    // ---- 10.8 -----------------------------------------------------------------------------------

    private ReportTable refusals() {
        String t = OzpsData.T10_8;
        Rows rows = new Rows();
        Series decisions = data.stat(t, "OGOLEM", Measure.DECISIONS);
        Series families = data.stat(t, "OGOLEM", Measure.FAMILIES);
        rows.add("OGOLEM/DECYZJE", "Decyzje odmowne ogółem", 0, true, decisions, ValueType.COUNT);
        rows.add("OGOLEM/RODZINY", "rodziny, którym odmówiono pomocy", 1, true, families, ValueType.COUNT);
        for (Entry reason : data.reasons) {
            rows.add(reason.code() + "/DECYZJE", reason.name() + " \u2014 decyzje odmowne", 0, false,
                    data.stat(t, reason.code(), Measure.DECISIONS), ValueType.COUNT);
            rows.add(reason.code() + "/RODZINY", "rodziny", 1, false, data.stat(t, reason.code(), Measure.FAMILIES),
                    ValueType.COUNT);
        }
        chart("W10_8", "Decyzje odmowne", "Liczba", List.of("Decyzje odmowne", "Rodziny"), List.of(decisions, families));
        return table("T10_8", "10.8 Odmowy pomocy (decyzje odmowne według powodów wskazanych w decyzji)", "10.8 Odmowy",
                "powod", rows, List.of(
                        "Decyzje o rodzaju ODMOWA wydane w roku (data wydania); decyzja z kilkoma powodami liczy się przy "
                                + "każdym z nich, a w wierszu ogółem raz."));
    }

    // ---- footnotes ------------------------------------------------------------------------------

    private List<String> footnotes() {
        return List.of(
                "Prognoza (kolumny " + (year + 1) + " i " + (year + 2) + "): trend liniowy metodą najmniejszych kwadratów "
                        + "dopasowany do lat, za które są pełne dane: ŷ(t) = ȳ + b·(t − x̄), b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)². "
                        + "Rok, który migawka obejmuje tylko w części, nie jest podstawą prognozy. "
                        + "Przy danych z jednego roku prognozą jest wartość tego roku; bez danych \u2014 „brak danych”. "
                        + "Wartości ujemne zastąpiono zerem; liczby osób, rodzin, placówek itp. zaokrąglono do całości, "
                        + "kwoty i etaty do dwóch miejsc po przecinku. Każdy wiersz prognozowano osobno (suma prognoz może "
                        + "różnić się od prognozy sumy o zaokrąglenia); wskaźniki w latach prognozy liczono z prognozowanych "
                        + "składników. Na wykresach prognoza jest linią przerywaną.",
                "Tabele 10.3\u201310.8 liczone z danych o świadczeniach według zasad sprawozdania MRPiPS-03, osobno dla "
                        + "każdego roku kalendarzowego: świadczenie należy do roku według daty realizacji, rodzina "
                        + "świadczenia to rodzina z decyzji; rodziny, osoby i świadczeniobiorców liczy się bez powtórzeń "
                        + "w każdej komórce (ogółem nie jest sumą wierszy); osoby w rodzinach \u2014 liczba członków w dniu "
                        + "ostatniego świadczenia rodziny w roku; decyzje odmowne nie liczą się poza tabelą 10.8.",
                "„brak danych”: w tabelach 10.x \u2014 rok, w którym migawka nie zawiera żadnego świadczenia, decyzji ani "
                        + "pracy socjalnej; w rozdziałach 2\u20139 \u2014 wartość wpisana w pliku zasobów jako „brak danych”; "
                        + "wskaźnik liczony z takiej wartości też jest „brak danych”. Kreska (\u2013): wskaźnik bez "
                        + "mianownika (dzielenie przez zero).",
                "Norma zatrudnienia pracowników socjalnych: art. 110 ust. 11 ustawy o pomocy społecznej w brzmieniu "
                        + "obowiązującym od 1 stycznia 2015 r. (co najmniej 3 pracowników oraz 1 etat na 2 000 mieszkańców "
                        + "albo 1 etat na nie więcej niż 50 rodzin i osób samotnie gospodarujących objętych pracą socjalną). "
                        + "Wcześniejsze brzmienie (do 31 XII 2014 r.): 1 pracownik na 2 000 mieszkańców, nie mniej niż 3.",
                "Numery i nazwy rozdziałów według wzoru oceny zasobów pomocy społecznej (rozdziały 2, 5, 6, 7, 9 i 10); "
                        + "numeracja wierszy jest numeracją tego raportu, nie wzoru.");
    }

    private static String join(List<Integer> years) {
        return String.join(", ", years.stream().map(String::valueOf).toList());
    }
}
