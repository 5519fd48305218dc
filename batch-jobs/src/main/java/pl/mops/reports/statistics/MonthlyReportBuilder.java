package pl.mops.reports.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import pl.mops.reports.database.Dictionaries.District;
import pl.mops.reports.database.Dictionaries.DistrictPopulation;
import pl.mops.reports.database.Dictionaries.Entry;
import pl.mops.reports.database.Dictionaries.Form;
import pl.mops.reports.importing.Coverage;
import pl.mops.reports.importing.PeriodCoverage;
import pl.mops.reports.importing.Snapshot;
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
 * Lays out the monthly statistics (tables 1–7 of reports.md) from the aggregates computed in SQL.
 * It only arranges and derives ratios (changes, per 1 000 residents, % of plan); every count comes
 * from {@link MonthlyFigures}.
 */
public final class MonthlyReportBuilder {

    /** Everything the layout needs besides the aggregates. */
    public record Context(MonthlyJobParameters parameters, Snapshot snapshot, String unitName,
                          List<District> districts, List<Entry> branches, List<Entry> reasons, List<Form> forms,
                          Map<String, DistrictPopulation> populations, Map<String, BigDecimal> plan) {
    }

    static final String NO_DATA = "brak danych";
    private static final String POPULATION_FILE = "config/ludnosc-dzielnic.csv";
    static final String INCOMPLETE = "okres niepełny";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final Context context;
    private final MonthlyFigures figures;
    private final YearMonth month;
    private final String monthLabel;
    private final String ytdLabel;
    /** what the snapshot holds of each period the report shows (Coverage): M, YTD and the previous year's */
    private final Coverage coverage;
    private final PeriodCoverage monthCoverage;
    private final PeriodCoverage ytdCoverage;
    private final PeriodCoverage monthBeforeCoverage;
    private final PeriodCoverage ytdBeforeCoverage;

    public MonthlyReportBuilder(Context context, MonthlyFigures figures) {
        this.context = context;
        this.figures = figures;
        this.month = context.parameters().month();
        this.monthLabel = PolishCalendar.monthName(month);
        this.ytdLabel = PolishCalendar.yearToDate(month);
        this.coverage = context.snapshot().coverage();
        this.monthCoverage = coverage.of(month);
        this.ytdCoverage = coverage.of(LocalDate.of(month.getYear(), 1, 1), month.atEndOfMonth());
        this.monthBeforeCoverage = coverage.of(month.minusYears(1));
        this.ytdBeforeCoverage = coverage.of(LocalDate.of(month.getYear() - 1, 1, 1), month.minusYears(1).atEndOfMonth());
    }

    /** the remark for a column or row of a period the data hold only in part; {@code null} when complete */
    private static String note(PeriodCoverage period) {
        return period.complete() ? null : period.mark();
    }

    public ReportDocument build() {
        List<ReportTable> tables = new ArrayList<>();
        tables.add(citySummary());
        tables.add(perDistrict());
        tables.add(perBranch());
        tables.add(reasonsByDistrict("T4", "Tabela 4. Rodziny według powodów i dzielnic \u2014 " + monthLabel,
                "4 Powody x dzielnice", "M"));
        tables.add(reasonsByDistrict("T4N", "Tabela 4a. Rodziny według powodów i dzielnic \u2014 " + ytdLabel,
                "4a Powody x dzielnice narast.", "YTD"));
        tables.add(formsByDistrict());
        tables.add(trend());
        if (!context.plan().isEmpty()) {
            tables.add(budgetExecution());
        }
        String title = "Statystyka miesięczna pomocy społecznej \u2014 " + monthLabel
                + (monthCoverage.complete() ? "" : " (dane niepełne)");
        Snapshot snapshot = context.snapshot();
        List<String> header = new ArrayList<>();
        if (!monthCoverage.complete() || !ytdCoverage.complete()) {
            header.add("UWAGA \u2014 DANE NIEPEŁNE: " + monthLabel + ": " + (monthCoverage.complete() ? "dane pełne"
                    : monthCoverage.held()) + "; narastająco " + ytdLabel + ": " + (ytdCoverage.complete() ? "dane pełne"
                    : ytdCoverage.held()) + ". Liczby tych okresów nie są pełne (oznaczenie „niepełne” przy kolumnach "
                    + "i wierszach).");
        }
        header.add("Okres: " + monthLabel + " oraz narastająco " + ytdLabel
                + "; porównanie z tym samym okresem roku " + (month.getYear() - 1) + ".");
        header.add(snapshot.inWords());
        header.add("Wersja raportu: " + context.parameters().version() + ".");
        DocumentMetadata metadata = new DocumentMetadata(
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                context.unitName(),
                title + " (odcisk danych " + snapshot.shortFingerprint() + ", wersja " + context.parameters().version() + ")",
                "statystyka miesięczna; pomoc społeczna; " + month);
        // fingerprints and file names: for the auditors, not for the first page the council reads
        List<String> appendix = new ArrayList<>(List.of(snapshot.appendixLine(),
                "Liczba mieszkańców dzielnic: plik " + POPULATION_FILE + "."));
        if (!context.plan().isEmpty()) {
            appendix.add("Plan finansowy (tabela 7): plik plan.csv migawki danych.");
        }
        return new ReportDocument("statystyka", month.toString(), title, context.unitName(), header, tables,
                charts(), footnotes(), metadata).withAppendix(appendix);
    }

    // ---- table 1 ------------------------------------------------------------------------------

    private ReportTable citySummary() {
        String previousMonth = PolishCalendar.monthName(month.minusYears(1));
        String previousYtd = PolishCalendar.yearToDate(month.minusYears(1));
        List<ReportColumn> columns = List.of(
                new ReportColumn("miesiac", monthLabel, ValueType.COUNT, 14, note(monthCoverage)),
                new ReportColumn("miesiac_rok_wczesniej", previousMonth, ValueType.COUNT, 14),
                new ReportColumn("miesiac_zmiana", "zmiana", ValueType.COUNT, 12),
                new ReportColumn("miesiac_zmiana_proc", "zmiana %", ValueType.PERCENT, 12),
                new ReportColumn("narastajaco", ytdLabel, ValueType.COUNT, 14, note(ytdCoverage)),
                new ReportColumn("narastajaco_rok_wczesniej", previousYtd, ValueType.COUNT, 14),
                new ReportColumn("narastajaco_zmiana", "zmiana", ValueType.COUNT, 12),
                new ReportColumn("narastajaco_zmiana_proc", "zmiana %", ValueType.PERCENT, 12));
        List<ReportRow> rows = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            BigDecimal m = measure.of(figures.city("M"));
            BigDecimal mPy = measure.of(figures.city("M_PY"));
            BigDecimal y = measure.of(figures.city("YTD"));
            BigDecimal yPy = measure.of(figures.city("YTD_PY"));
            ValueType type = measure.type;
            List<BigDecimal> values = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            comparison(values, texts, m, mPy, monthCoverage, monthBeforeCoverage);
            comparison(values, texts, y, yPy, ytdCoverage, ytdBeforeCoverage);
            rows.add(new ReportRow(measure.code, measure.label, 0, false, values,
                    List.of(type, type, type, ValueType.PERCENT, type, type, type, ValueType.PERCENT), texts));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Zmiana % liczona względem roku poprzedniego; \u2013 gdy w roku poprzednim było 0.");
        if (!monthBeforeCoverage.complete() || !ytdBeforeCoverage.complete()) {
            notes.add("„brak danych”: migawka nie obejmuje w całości tego okresu roku " + (month.getYear() - 1) + " ("
                    + coverage.describe() + "), więc porównania nie podano.");
        }
        if (!monthCoverage.complete() || !ytdCoverage.complete()) {
            notes.add("„okres niepełny”: dane bieżącego okresu są niepełne, więc porównanie z pełnym okresem roku "
                    + "poprzedniego nie miałoby sensu.");
        }
        return new ReportTable("T1", "Tabela 1. Miasto ogółem \u2014 " + monthLabel + " i " + ytdLabel
                + " na tle roku poprzedniego", "1 Miasto", "miara", "Miara", columns, rows, notes);
    }

    /**
     * current, previous, change and % change of one period: the previous year's figure only when the snapshot covers
     * that period completely ("brak danych" otherwise, never 0), the changes only when both periods are complete
     */
    private static void comparison(List<BigDecimal> values, List<String> texts, BigDecimal current, BigDecimal previous,
                                   PeriodCoverage currentCoverage, PeriodCoverage previousCoverage) {
        values.add(current);
        texts.add(null);
        if (!previousCoverage.complete()) {
            values.addAll(Arrays.asList(null, null, null));
            texts.addAll(List.of(NO_DATA, NO_DATA, NO_DATA));
            return;
        }
        values.add(previous);
        texts.add(null);
        if (!currentCoverage.complete()) {
            values.addAll(Arrays.asList(null, null));
            texts.addAll(List.of(INCOMPLETE, INCOMPLETE));
            return;
        }
        values.add(current.subtract(previous));
        values.add(percentChange(current, previous));
        texts.addAll(Arrays.asList(null, null));
    }

    // ---- tables 2 and 3 -----------------------------------------------------------------------

    private List<ReportColumn> areaColumns() {
        String m = PolishCalendar.roman(month.getMonthValue()) + " " + month.getYear();
        List<ReportColumn> columns = new ArrayList<>();
        for (String[] period : new String[][] {{"m", m}, {"n", ytdLabel}}) {
            String note = note(period[0].equals("m") ? monthCoverage : ytdCoverage);
            columns.add(new ReportColumn("rodziny_" + period[0], "Rodziny " + period[1], ValueType.COUNT, 10, note));
            columns.add(new ReportColumn("osoby_w_rodzinach_" + period[0], "Osoby w rodzinach " + period[1], ValueType.COUNT, 11,
                    note));
            columns.add(new ReportColumn("swiadczeniobiorcy_" + period[0], "Świadczenio\u00ADbiorcy " + period[1], ValueType.COUNT, 11,
                    note));
            columns.add(new ReportColumn("swiadczenia_" + period[0], "Świadczenia " + period[1], ValueType.COUNT, 11, note));
            columns.add(new ReportColumn("kwota_" + period[0], "Kwota (zł) " + period[1], ValueType.AMOUNT, 15, note));
            columns.add(new ReportColumn("na_1000_" + period[0], "Świadczenio\u00ADbiorcy na 1000 mieszk. " + period[1],
                    ValueType.DECIMAL, 10, note));
        }
        return columns;
    }

    private List<BigDecimal> areaValues(Function<String, Measures> byPeriod, Integer population) {
        List<BigDecimal> values = new ArrayList<>();
        for (String period : List.of("M", "YTD")) {
            Measures measures = byPeriod.apply(period);
            for (Measure measure : Measure.values()) {
                values.add(measure.of(measures));
            }
            values.add(perThousand(measures.recipients(), population));
        }
        return values;
    }

    private ReportTable perDistrict() {
        List<ReportRow> rows = new ArrayList<>();
        int cityPopulation = 0;
        for (District district : context.districts()) {
            Integer population = population(district.code());
            cityPopulation += population == null ? 0 : population;
            rows.add(new ReportRow(district.code(), district.label(), 0, false,
                    areaValues(p -> figures.district(p, district.code()), population)));
        }
        rows.add(new ReportRow("OGOLEM", "Ogółem (bez powtórzeń)", 0, true, areaValues(figures::city, cityPopulation)));
        return new ReportTable("T2", "Tabela 2. Dzielnice \u2014 " + monthLabel + " i " + ytdLabel, "2 Dzielnice",
                "dzielnica", "Dzielnica", areaColumns(), rows, List.of(populationNote()));
    }

    private ReportTable perBranch() {
        Map<String, Integer> branchPopulation = new LinkedHashMap<>();
        for (District district : context.districts()) {
            Integer population = population(district.code());
            branchPopulation.merge(district.branch(), population == null ? 0 : population, Integer::sum);
        }
        List<ReportRow> rows = new ArrayList<>();
        int cityPopulation = 0;
        for (Entry branch : context.branches()) {
            Integer population = branchPopulation.get(branch.code());
            cityPopulation += population == null ? 0 : population;
            String served = String.join(", ", context.districts().stream()
                    .filter(d -> d.branch().equals(branch.code())).map(District::code).toList());
            rows.add(new ReportRow(branch.code(), branch.name() + " (" + served + ")", 0, false,
                    areaValues(p -> figures.branch(p, branch.code()), population)));
        }
        rows.add(new ReportRow("OGOLEM", "Ogółem (bez powtórzeń)", 0, true, areaValues(figures::city, cityPopulation)));
        return new ReportTable("T3", "Tabela 3. Filie \u2014 " + monthLabel + " i " + ytdLabel, "3 Filie",
                "filia", "Filia (obsługiwane dzielnice)", areaColumns(), rows, List.of(populationNote()));
    }

    // ---- table 4 ------------------------------------------------------------------------------

    private ReportTable reasonsByDistrict(String id, String title, String sheet, String period) {
        List<ReportColumn> columns = new ArrayList<>();
        for (District district : context.districts()) {
            columns.add(new ReportColumn(district.code(), district.code(), ValueType.COUNT, 6));
        }
        columns.add(new ReportColumn("OGOLEM", "Ogółem", ValueType.COUNT, 8));
        List<ReportRow> rows = new ArrayList<>();
        for (Entry reason : context.reasons()) {
            List<BigDecimal> values = new ArrayList<>();
            for (District district : context.districts()) {
                values.add(BigDecimal.valueOf(figures.reasonInDistrict(period, reason.code(), district.code()).families()));
            }
            values.add(BigDecimal.valueOf(figures.reason(period, reason.code()).families()));
            rows.add(new ReportRow(reason.code(), reason.name(), 0, false, values));
        }
        PeriodCoverage held = period.equals("M") ? monthCoverage : ytdCoverage;
        if (!held.complete()) {
            title = title + " (" + held.mark() + ")";
            List<ReportColumn> marked = new ArrayList<>();
            for (ReportColumn column : columns) {
                marked.add(new ReportColumn(column.code(), column.header(), column.type(), column.widthChars(), held.mark()));
            }
            columns = marked;
        }
        return new ReportTable(id, title, sheet, "powod", "Powód przyznania pomocy", columns, rows,
                List.of("Liczba rodzin. Rodzina, której decyzje wskazują kilka powodów, jest liczona przy każdym z nich, "
                        + "więc wiersze nie sumują się do liczby rodzin.",
                        "Kolumny: dzielnice (numery jak w słowniku dzielnic)."));
    }

    // ---- table 5 ------------------------------------------------------------------------------

    private ReportTable formsByDistrict() {
        String m = PolishCalendar.roman(month.getMonthValue()) + " " + month.getYear();
        List<ReportColumn> columns = List.of(
                new ReportColumn("swiadczeniobiorcy_m", "Świadczenio\u00ADbiorcy " + m, ValueType.COUNT, 12, note(monthCoverage)),
                new ReportColumn("kwota_m", "Kwota (zł) " + m, ValueType.AMOUNT, 15, note(monthCoverage)),
                new ReportColumn("swiadczeniobiorcy_n", "Świadczenio\u00ADbiorcy " + ytdLabel, ValueType.COUNT, 12,
                        note(ytdCoverage)),
                new ReportColumn("kwota_n", "Kwota (zł) " + ytdLabel, ValueType.AMOUNT, 16, note(ytdCoverage)));
        List<ReportRow> rows = new ArrayList<>();
        rows.add(new ReportRow("OGOLEM", "Miasto ogółem", 0, true, formValues(figures::city)));
        for (Form form : context.forms()) {
            addFormRow(rows, "OGOLEM", form, period -> figures.form(period, form.code()));
        }
        for (District district : context.districts()) {
            rows.add(new ReportRow(district.code(), district.label(), 0, true,
                    formValues(period -> figures.district(period, district.code()))));
            for (Form form : context.forms()) {
                addFormRow(rows, district.code(), form, period -> figures.formInDistrict(period, form.code(), district.code()));
            }
        }
        return new ReportTable("T5", "Tabela 5. Formy pomocy według dzielnic \u2014 świadczeniobiorcy i kwoty",
                "5 Formy x dzielnice", "dzielnica/forma", "Dzielnica / forma pomocy", columns, rows,
                List.of("Pod każdą dzielnicą formy, w których były świadczenia w miesiącu albo narastająco; "
                        + "formy bez świadczeń pominięto.",
                        "Wiersz dzielnicy liczy świadczeniobiorców bez powtórzeń (osoba z kilkoma formami raz)."));
    }

    private void addFormRow(List<ReportRow> rows, String parent, Form form, Function<String, Measures> byPeriod) {
        List<BigDecimal> values = formValues(byPeriod);
        if (values.stream().allMatch(v -> v.signum() == 0)) {
            return;
        }
        rows.add(new ReportRow(parent + "/" + form.code(), form.name(), 1, false, values));
    }

    private static List<BigDecimal> formValues(Function<String, Measures> byPeriod) {
        Measures m = byPeriod.apply("M");
        Measures y = byPeriod.apply("YTD");
        return List.of(Measure.RECIPIENTS.of(m), Measure.AMOUNT.of(m), Measure.RECIPIENTS.of(y), Measure.AMOUNT.of(y));
    }

    // ---- table 6 ------------------------------------------------------------------------------

    private ReportTable trend() {
        int year = month.getYear();
        List<ReportColumn> columns = List.of(
                new ReportColumn("rodziny", "Rodziny " + year, ValueType.COUNT, 11),
                new ReportColumn("rodziny_rok_wczesniej", "Rodziny " + (year - 1), ValueType.COUNT, 11),
                new ReportColumn("swiadczeniobiorcy", "Świadczenio\u00ADbiorcy " + year, ValueType.COUNT, 12),
                new ReportColumn("swiadczeniobiorcy_rok_wczesniej", "Świadczenio\u00ADbiorcy " + (year - 1), ValueType.COUNT, 12),
                new ReportColumn("kwota", "Kwota (zł) " + year, ValueType.AMOUNT, 15),
                new ReportColumn("kwota_rok_wczesniej", "Kwota (zł) " + (year - 1), ValueType.AMOUNT, 15));
        List<ReportRow> rows = new ArrayList<>();
        boolean anyMissing = false;
        for (int m = 1; m <= month.getMonthValue(); m++) {
            PeriodCoverage now = coverage.of(YearMonth.of(year, m));
            PeriodCoverage before = coverage.of(YearMonth.of(year - 1, m));
            anyMissing |= now.none() || !before.complete();
            Measures current = figures.city(trendCode("T", m));
            Measures previous = figures.city(trendCode("P", m));
            List<BigDecimal> values = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Measure measure : List.of(Measure.FAMILIES, Measure.RECIPIENTS, Measure.AMOUNT)) {
                values.add(now.none() ? null : measure.of(current));
                texts.add(now.none() ? NO_DATA : null);
                values.add(before.complete() ? measure.of(previous) : null);
                texts.add(before.complete() ? null : NO_DATA);
            }
            rows.add(new ReportRow(String.format("%02d", m), PolishCalendar.roman(m) + " \u2013 " + PolishCalendar.monthName(m),
                    0, false, values, null, texts, now.partial() ? year + ": " + now.mark() : null));
        }
        List<String> notes = new ArrayList<>(List.of("Każdy miesiąc liczony osobno (bez powtórzeń w miesiącu)."));
        if (anyMissing) {
            notes.add("„brak danych”: migawka nie obejmuje tego miesiąca (" + coverage.describe() + ").");
        }
        return new ReportTable("T6", "Tabela 6. Miesiąc po miesiącu \u2014 " + year + " na tle " + (year - 1),
                "6 Trend", "miesiac", "Miesiąc", columns, rows, notes);
    }

    // ---- table 7 ------------------------------------------------------------------------------

    private ReportTable budgetExecution() {
        List<ReportColumn> columns = List.of(
                new ReportColumn("plan", "Plan " + month.getYear() + " (zł)", ValueType.AMOUNT, 16),
                new ReportColumn("wykonanie", "Wykonanie " + ytdLabel + " (zł)", ValueType.AMOUNT, 16, note(ytdCoverage)),
                new ReportColumn("wykonanie_proc", "% planu", ValueType.PERCENT, 9, note(ytdCoverage)));
        List<ReportRow> rows = new ArrayList<>();
        BigDecimal planTotal = BigDecimal.ZERO;
        BigDecimal executedTotal = BigDecimal.ZERO;
        for (Form form : context.forms()) {
            BigDecimal plan = context.plan().get(form.code());
            BigDecimal executed = Measure.AMOUNT.of(figures.form("YTD", form.code()));
            if (plan == null && executed.signum() == 0) {
                continue;
            }
            planTotal = planTotal.add(plan == null ? BigDecimal.ZERO : plan);
            executedTotal = executedTotal.add(executed);
            rows.add(new ReportRow(form.code(), form.name(), 0, false, Arrays.asList(plan, executed, share(executed, plan))));
        }
        rows.add(new ReportRow("OGOLEM", "Ogółem", 0, true, Arrays.asList(planTotal, executedTotal, share(executedTotal, planTotal))));
        return new ReportTable("T7", "Tabela 7. Wykonanie planu finansowego \u2014 " + ytdLabel, "7 Wykonanie planu",
                "forma", "Forma pomocy", columns, rows,
                List.of("Plan finansowy przekazany z systemu dziedzinowego razem z danymi; wykonanie = suma kwot świadczeń zrealizowanych " + ytdLabel + ".",
                        "Udział miesięcy: " + month.getMonthValue() + "/12 roku = "
                                + BigDecimal.valueOf(month.getMonthValue() * 100L).divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_UP)
                                .toPlainString().replace('.', ',') + " %."));
    }

    // ---- charts and notes ---------------------------------------------------------------------

    private List<ReportChart> charts() {
        List<String> districtLabels = context.districts().stream().map(District::label).toList();
        List<BigDecimal> perThousand = new ArrayList<>();
        List<BigDecimal> families = new ArrayList<>();
        for (District district : context.districts()) {
            Measures measures = figures.district("M", district.code());
            perThousand.add(perThousand(measures.recipients(), population(district.code())));
            families.add(BigDecimal.valueOf(measures.families()));
        }
        List<String> months = new ArrayList<>();
        List<BigDecimal> familiesNow = new ArrayList<>();
        List<BigDecimal> familiesBefore = new ArrayList<>();
        List<BigDecimal> amountNow = new ArrayList<>();
        List<BigDecimal> amountBefore = new ArrayList<>();
        String partialMonths = "";
        for (int m = 1; m <= month.getMonthValue(); m++) {
            PeriodCoverage now = coverage.of(YearMonth.of(month.getYear(), m));
            boolean before = coverage.of(YearMonth.of(month.getYear() - 1, m)).complete();
            months.add(PolishCalendar.roman(m) + (now.partial() ? "*" : ""));
            if (now.partial()) {
                partialMonths = " (* " + PolishCalendar.roman(m) + ": " + now.mark() + ")";
            }
            familiesNow.add(now.none() ? null : Measure.FAMILIES.of(figures.city(trendCode("T", m))));
            familiesBefore.add(before ? Measure.FAMILIES.of(figures.city(trendCode("P", m))) : null);
            amountNow.add(now.none() ? null : Measure.AMOUNT.of(figures.city(trendCode("T", m))));
            amountBefore.add(before ? Measure.AMOUNT.of(figures.city(trendCode("P", m))) : null);
        }
        String monthNote = monthCoverage.complete() ? "" : " (" + monthCoverage.mark() + ")";
        List<String> districtKeys = context.districts().stream().map(District::code).toList();
        List<String> monthKeys = new ArrayList<>();
        for (int m = 1; m <= month.getMonthValue(); m++) {
            monthKeys.add(trendCode("", m));
        }
        String year = String.valueOf(month.getYear());
        String previousYear = String.valueOf(month.getYear() - 1);
        return List.of(
                new ReportChart("W1", "Rodziny objęte pomocą według dzielnic \u2014 " + monthLabel + monthNote,
                        ReportChart.ChartKind.BAR,
                        "Dzielnica", "Rodziny", districtLabels, List.of(new ChartSeries("Rodziny", families, false)),
                        ChartSource.columns("T2", districtKeys, List.of("rodziny_m"))),
                new ReportChart("W2", "Świadczeniobiorcy na 1000 mieszkańców według dzielnic \u2014 " + monthLabel + monthNote,
                        ReportChart.ChartKind.BAR, "Dzielnica", "Na 1000 mieszkańców", districtLabels,
                        List.of(new ChartSeries("Świadczeniobiorcy na 1000 mieszkańców", perThousand, false)),
                        ChartSource.columns("T2", districtKeys, List.of("na_1000_m"))),
                new ReportChart("W3", "Rodziny objęte pomocą w kolejnych miesiącach" + partialMonths, ReportChart.ChartKind.LINE,
                        "Miesiąc", "Rodziny", months, List.of(new ChartSeries(year, familiesNow, false),
                        new ChartSeries(previousYear, familiesBefore, true)),
                        ChartSource.columns("T6", monthKeys, List.of("rodziny", "rodziny_rok_wczesniej"))),
                new ReportChart("W4", "Kwota świadczeń w kolejnych miesiącach (zł)" + partialMonths, ReportChart.ChartKind.LINE,
                        "Miesiąc", "Kwota (zł)", months, List.of(new ChartSeries(year, amountNow, false),
                        new ChartSeries(previousYear, amountBefore, true)),
                        ChartSource.columns("T6", monthKeys, List.of("kwota", "kwota_rok_wczesniej"))));
    }

    private List<String> footnotes() {
        return List.of(
                "Zasady liczenia jak w sprawozdaniu MRPiPS-03: świadczenie należy do okresu według daty realizacji; "
                        + "rodzina świadczenia to rodzina z decyzji.",
                "Rodziny, osoby i świadczeniobiorców liczy się bez powtórzeń w każdej komórce; wiersze „Ogółem” "
                        + "nie są sumami wierszy (osoba z kilkoma formami pomocy liczy się raz).",
                "Osoby w rodzinach: liczba członków rodziny w dniu jej ostatniego świadczenia w okresie, "
                        + "zsumowana po rodzinach.",
                "Powody: suma powodów decyzji, na podstawie których w okresie zrealizowano świadczenie.",
                "Świadczenia: liczba świadczeń (posiłki, godziny usług, dni, wypłaty); kwota w złotych.");
    }

    private String populationNote() {
        int year = context.populations().values().stream().mapToInt(DistrictPopulation::year).max().orElse(month.getYear());
        return "Liczba mieszkańców dzielnic: stan z roku " + year
                + (year != month.getYear() ? ", brak danych za rok " + month.getYear() + "." : ".");
    }

    // ---- arithmetic ---------------------------------------------------------------------------

    private Integer population(String district) {
        DistrictPopulation population = context.populations().get(district);
        return population == null ? null : population.population();
    }

    private static String trendCode(String prefix, int month) {
        return prefix + String.format("%02d", month);
    }

    static BigDecimal percentChange(BigDecimal current, BigDecimal previous) {
        if (previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).multiply(HUNDRED).divide(previous, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal perThousand(Long recipients, Integer population) {
        if (population == null || population == 0 || recipients == null) {
            return null;
        }
        return BigDecimal.valueOf(recipients).multiply(THOUSAND).divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
    }

    /** The five measures of the monthly statistics, in the order of the tables. */
    enum Measure {
        FAMILIES("rodziny", "Rodziny", ValueType.COUNT),
        PERSONS("osoby_w_rodzinach", "Osoby w rodzinach", ValueType.COUNT),
        RECIPIENTS("swiadczeniobiorcy", "Świadczeniobiorcy", ValueType.COUNT),
        BENEFITS("swiadczenia", "Liczba świadczeń", ValueType.COUNT),
        AMOUNT("kwota", "Kwota świadczeń (zł)", ValueType.AMOUNT);

        final String code;
        final String label;
        final ValueType type;

        Measure(String code, String label, ValueType type) {
            this.code = code;
            this.label = label;
            this.type = type;
        }

        BigDecimal of(Measures m) {
            return switch (this) {
                case FAMILIES -> BigDecimal.valueOf(m.families());
                case PERSONS -> BigDecimal.valueOf(m.personsInFamilies() == null ? 0 : m.personsInFamilies());
                case RECIPIENTS -> BigDecimal.valueOf(m.recipients() == null ? 0 : m.recipients());
                case BENEFITS -> BigDecimal.valueOf(m.benefits() == null ? 0 : m.benefits());
                case AMOUNT -> m.amount() == null ? BigDecimal.ZERO.setScale(2) : m.amount().setScale(2, RoundingMode.HALF_UP);
            };
        }
    }
}
