package pl.mops.reports.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.rendering.model.ChartSeries;
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

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final Context context;
    private final MonthlyFigures figures;
    private final YearMonth month;
    private final String monthLabel;
    private final String ytdLabel;

    public MonthlyReportBuilder(Context context, MonthlyFigures figures) {
        this.context = context;
        this.figures = figures;
        this.month = context.parameters().month();
        this.monthLabel = PolishCalendar.monthName(month);
        this.ytdLabel = PolishCalendar.yearToDate(month);
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
        String title = "Statystyka miesięczna pomocy społecznej \u2014 " + monthLabel;
        Snapshot snapshot = context.snapshot();
        List<String> header = List.of(
                "Okres: " + monthLabel + " oraz narastająco " + ytdLabel
                        + "; porównanie z tym samym okresem roku " + (month.getYear() - 1) + ".",
                "Dane: migawka o odcisku SHA-256 " + snapshot.shortFingerprint() + "\u2026",
                "Wersja raportu: " + context.parameters().version() + ".");
        DocumentMetadata metadata = new DocumentMetadata(
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                context.unitName(),
                title + " (odcisk danych " + snapshot.shortFingerprint() + ", wersja " + context.parameters().version() + ")",
                "statystyka miesięczna; pomoc społeczna; " + month);
        return new ReportDocument("statystyka", month.toString(), title, context.unitName(), header, tables,
                charts(), footnotes(), metadata);
    }

    // ---- table 1 ------------------------------------------------------------------------------

    private ReportTable citySummary() {
        String previousMonth = PolishCalendar.monthName(month.minusYears(1));
        String previousYtd = PolishCalendar.yearToDate(month.minusYears(1));
        List<ReportColumn> columns = List.of(
                new ReportColumn("miesiac", monthLabel, ValueType.COUNT, 14),
                new ReportColumn("miesiac_rok_wczesniej", previousMonth, ValueType.COUNT, 14),
                new ReportColumn("miesiac_zmiana", "zmiana", ValueType.COUNT, 12),
                new ReportColumn("miesiac_zmiana_proc", "zmiana %", ValueType.PERCENT, 9),
                new ReportColumn("narastajaco", ytdLabel, ValueType.COUNT, 14),
                new ReportColumn("narastajaco_rok_wczesniej", previousYtd, ValueType.COUNT, 14),
                new ReportColumn("narastajaco_zmiana", "zmiana", ValueType.COUNT, 12),
                new ReportColumn("narastajaco_zmiana_proc", "zmiana %", ValueType.PERCENT, 9));
        List<ReportRow> rows = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            BigDecimal m = measure.of(figures.city("M"));
            BigDecimal mPy = measure.of(figures.city("M_PY"));
            BigDecimal y = measure.of(figures.city("YTD"));
            BigDecimal yPy = measure.of(figures.city("YTD_PY"));
            ValueType type = measure.type;
            rows.add(new ReportRow(measure.code, measure.label, 0, false,
                    Arrays.asList(m, mPy, m.subtract(mPy), percentChange(m, mPy), y, yPy, y.subtract(yPy), percentChange(y, yPy)),
                    List.of(type, type, type, ValueType.PERCENT, type, type, type, ValueType.PERCENT)));
        }
        return new ReportTable("T1", "Tabela 1. Miasto ogółem \u2014 " + monthLabel + " i " + ytdLabel
                + " na tle roku poprzedniego", "1 Miasto", "miara", "Miara", columns, rows,
                List.of("Zmiana % liczona względem roku poprzedniego; \u2013 gdy w roku poprzednim było 0."));
    }

    // ---- tables 2 and 3 -----------------------------------------------------------------------

    private List<ReportColumn> areaColumns() {
        String m = PolishCalendar.roman(month.getMonthValue()) + " " + month.getYear();
        List<ReportColumn> columns = new ArrayList<>();
        for (String[] period : new String[][] {{"m", m}, {"n", ytdLabel}}) {
            columns.add(new ReportColumn("rodziny_" + period[0], "Rodziny " + period[1], ValueType.COUNT, 10));
            columns.add(new ReportColumn("osoby_w_rodzinach_" + period[0], "Osoby w rodzinach " + period[1], ValueType.COUNT, 11));
            columns.add(new ReportColumn("swiadczeniobiorcy_" + period[0], "Świadczenio\u00ADbiorcy " + period[1], ValueType.COUNT, 11));
            columns.add(new ReportColumn("swiadczenia_" + period[0], "Świadczenia " + period[1], ValueType.COUNT, 11));
            columns.add(new ReportColumn("kwota_" + period[0], "Kwota (zł) " + period[1], ValueType.AMOUNT, 15));
            columns.add(new ReportColumn("na_1000_" + period[0], "Świadczenio\u00ADbiorcy na 1000 mieszk. " + period[1],
                    ValueType.DECIMAL, 10));
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
        return new ReportTable(id, title, sheet, "powod", "Powód przyznania pomocy", columns, rows,
                List.of("Liczba rodzin. Rodzina, której decyzje wskazują kilka powodów, jest liczona przy każdym z nich, "
                        + "więc wiersze nie sumują się do liczby rodzin.",
                        "Kolumny: dzielnice (numery jak w słowniku dzielnic)."));
    }

    // ---- table 5 ------------------------------------------------------------------------------

    private ReportTable formsByDistrict() {
        String m = PolishCalendar.roman(month.getMonthValue()) + " " + month.getYear();
        List<ReportColumn> columns = List.of(
                new ReportColumn("swiadczeniobiorcy_m", "Świadczenio\u00ADbiorcy " + m, ValueType.COUNT, 12),
                new ReportColumn("kwota_m", "Kwota (zł) " + m, ValueType.AMOUNT, 15),
                new ReportColumn("swiadczeniobiorcy_n", "Świadczenio\u00ADbiorcy " + ytdLabel, ValueType.COUNT, 12),
                new ReportColumn("kwota_n", "Kwota (zł) " + ytdLabel, ValueType.AMOUNT, 16));
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
        for (int m = 1; m <= month.getMonthValue(); m++) {
            Measures current = figures.city(trendCode("T", m));
            Measures previous = figures.city(trendCode("P", m));
            rows.add(new ReportRow(String.format("%02d", m), PolishCalendar.roman(m) + " \u2013 " + PolishCalendar.monthName(m),
                    0, false, List.of(Measure.FAMILIES.of(current), Measure.FAMILIES.of(previous),
                    Measure.RECIPIENTS.of(current), Measure.RECIPIENTS.of(previous),
                    Measure.AMOUNT.of(current), Measure.AMOUNT.of(previous))));
        }
        return new ReportTable("T6", "Tabela 6. Miesiąc po miesiącu \u2014 " + year + " na tle " + (year - 1),
                "6 Trend", "miesiac", "Miesiąc", columns, rows,
                List.of("Każdy miesiąc liczony osobno (bez powtórzeń w miesiącu)."));
    }

    // ---- table 7 ------------------------------------------------------------------------------

    private ReportTable budgetExecution() {
        List<ReportColumn> columns = List.of(
                new ReportColumn("plan", "Plan " + month.getYear() + " (zł)", ValueType.AMOUNT, 16),
                new ReportColumn("wykonanie", "Wykonanie " + ytdLabel + " (zł)", ValueType.AMOUNT, 16),
                new ReportColumn("wykonanie_proc", "% planu", ValueType.PERCENT, 9));
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
                List.of("Plan z pliku plan.csv migawki danych; wykonanie = suma kwot świadczeń zrealizowanych " + ytdLabel + ".",
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
        for (int m = 1; m <= month.getMonthValue(); m++) {
            months.add(PolishCalendar.roman(m));
            familiesNow.add(Measure.FAMILIES.of(figures.city(trendCode("T", m))));
            familiesBefore.add(Measure.FAMILIES.of(figures.city(trendCode("P", m))));
            amountNow.add(Measure.AMOUNT.of(figures.city(trendCode("T", m))));
            amountBefore.add(Measure.AMOUNT.of(figures.city(trendCode("P", m))));
        }
        String year = String.valueOf(month.getYear());
        String previousYear = String.valueOf(month.getYear() - 1);
        return List.of(
                new ReportChart("W1", "Rodziny objęte pomocą według dzielnic \u2014 " + monthLabel, ReportChart.ChartKind.BAR,
                        "Dzielnica", "Rodziny", districtLabels, List.of(new ChartSeries("Rodziny", families, false))),
                new ReportChart("W2", "Świadczeniobiorcy na 1000 mieszkańców według dzielnic \u2014 " + monthLabel,
                        ReportChart.ChartKind.BAR, "Dzielnica", "Na 1000 mieszkańców", districtLabels,
                        List.of(new ChartSeries("Świadczeniobiorcy na 1000 mieszkańców", perThousand, false))),
                new ReportChart("W3", "Rodziny objęte pomocą w kolejnych miesiącach", ReportChart.ChartKind.LINE,
                        "Miesiąc", "Rodziny", months, List.of(new ChartSeries(year, familiesNow, false),
                        new ChartSeries(previousYear, familiesBefore, true))),
                new ReportChart("W4", "Kwota świadczeń w kolejnych miesiącach (zł)", ReportChart.ChartKind.LINE,
                        "Miesiąc", "Kwota (zł)", months, List.of(new ChartSeries(year, amountNow, false),
                        new ChartSeries(previousYear, amountBefore, true))));
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
        return "Liczba mieszkańców dzielnic: stan z roku " + year + " (config/ludnosc-dzielnic.csv)"
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
