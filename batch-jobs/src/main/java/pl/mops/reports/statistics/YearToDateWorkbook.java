package pl.mops.reports.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.database.Dictionaries;
import pl.mops.reports.database.Dictionaries.District;
import pl.mops.reports.database.Dictionaries.Form;
import pl.mops.reports.importing.PeriodCoverage;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ChartSource;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;
import pl.mops.reports.statistics.MonthlyReportBuilder.Measure;
import pl.mops.reports.statistics.YearToDateRuns.MonthRun;

/**
 * The year so far in one workbook, {@code statystyka-RRRR.xlsx}, written again by every monthly run of the full
 * profile next to its own files: one column per month from January to the run's month, each month's numbers those of
 * the month ({@code M}) from the newest completed run of that month (the run itself for its month). Tables: the city
 * (families, persons in families, recipients, benefits, amount), families per district, recipients and amounts per
 * form of help (forms with any recipient or amount in the months shown), with the families' and the amounts' trend
 * drawn from the first sheet's cells. A month without a completed run (or whose snapshot holds none of its days) is
 * shown as „brak danych” and named in the description — never as zero. No run ids or snapshot numbers are written
 * (they differ between installations), so the same runs give the same bytes.
 */
@Component
public class YearToDateWorkbook {

    static final String NO_DATA = "brak danych";

    private final YearToDateRuns runs;
    private final MonthlyFiguresRepository figures;
    private final SnapshotRepository snapshots;
    private final Dictionaries dictionaries;
    private final MopsProperties properties;

    public YearToDateWorkbook(YearToDateRuns runs, MonthlyFiguresRepository figures, SnapshotRepository snapshots,
                              Dictionaries dictionaries, MopsProperties properties) {
        this.runs = runs;
        this.figures = figures;
        this.snapshots = snapshots;
        this.dictionaries = dictionaries;
        this.properties = properties;
    }

    /** {@code statystyka-2025}, {@code statystyka-2025-v2} for a run of a later version (its files do not overwrite) */
    public static String baseFileName(MonthlyJobParameters parameters) {
        return "statystyka-" + parameters.month().getYear() + (parameters.version() > 1 ? "-v" + parameters.version() : "");
    }

    /** the workbook's document for the run {@code parameters} (job instance {@code jobInstanceId}, not yet completed) */
    public ReportDocument build(MonthlyJobParameters parameters, long jobInstanceId) {
        YearMonth last = parameters.month();
        Map<YearMonth, MonthRun> sources = new LinkedHashMap<>(runs.newestCompleted(last.minusMonths(1)));
        sources.keySet().removeIf(m -> m.getYear() != last.getYear());
        sources.put(last, new MonthRun(last, jobInstanceId, parameters.snapshotId(), parameters.version()));
        List<Month> months = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("Rok " + last.getYear() + " narastająco: " + span(last) + ", jedna kolumna na miesiąc. Każdy "
                + "miesiąc pochodzi z najnowszego ukończonego przebiegu statystyki miesięcznej tego miesiąca; skoroszyt "
                + "powstaje od nowa po każdym przebiegu.");
        for (int m = 1; m <= last.getMonthValue(); m++) {
            YearMonth month = YearMonth.of(last.getYear(), m);
            MonthRun run = sources.get(month);
            String name = PolishCalendar.monthName(month);
            if (run == null) {
                months.add(new Month(month, null, "brak przebiegu"));
                header.add(name + ": brak ukończonego przebiegu statystyki miesięcznej \u2014 w kolumnie „" + NO_DATA
                        + "”.");
                continue;
            }
            Snapshot snapshot = snapshots.find(run.snapshotId()).orElseThrow();
            PeriodCoverage coverage = snapshot.coverage().of(month);
            String files = "statystyka-" + month + (run.version() > 1 ? "-v" + run.version() : "");
            if (coverage.none()) {
                months.add(new Month(month, null, "brak danych w migawce"));
                header.add(name + ": migawka przebiegu (pliki " + files + ") nie obejmuje tego miesiąca \u2014 w kolumnie „"
                        + NO_DATA + "”.");
                continue;
            }
            months.add(new Month(month, figures.load(run.jobInstanceId()), coverage.partial() ? coverage.mark() : null));
            header.add(name + ": przebieg w wersji " + run.version() + " (pliki " + files + "), migawka o odcisku SHA-256 "
                    + snapshot.shortFingerprint() + "\u2026" + (coverage.partial() ? ", dane niepełne: "
                    + coverage.held() : "") + ".");
        }
        List<ReportTable> tables = new ArrayList<>();
        tables.add(city(months));
        tables.add(districts(months));
        List<Form> forms = formsWithData(months);
        tables.add(forms(months, forms, "T3", "Tabela 3. Świadczeniobiorcy według form pomocy", "3 Formy \u2014 osoby",
                Measure.RECIPIENTS));
        tables.add(forms(months, forms, "T4", "Tabela 4. Kwoty świadczeń według form pomocy (zł)", "4 Formy \u2014 kwoty",
                Measure.AMOUNT));
        String title = "Statystyka pomocy społecznej \u2014 rok " + last.getYear() + " miesiąc po miesiącu ("
                + span(last) + ")";
        DocumentMetadata metadata = new DocumentMetadata(last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                properties.unitName(), title, "statystyka miesięczna; pomoc społeczna; rok " + last.getYear());
        return new ReportDocument("statystyka-rok", String.valueOf(last.getYear()), title, properties.unitName(), header,
                tables, charts(tables.get(0)), footnotes(), metadata);
    }

    /** a month's column: its run's aggregates, or null when the month has none (then {@code note} says why) */
    private record Month(YearMonth month, MonthlyFigures figures, String note) {
    }

    private static String span(YearMonth last) {
        return last.getMonthValue() == 1 ? "styczeń " + last.getYear()
                : "styczeń\u2013" + PolishCalendar.monthName(last.getMonthValue()) + " " + last.getYear();
    }

    private static List<ReportColumn> columns(List<Month> months, ValueType type) {
        List<ReportColumn> columns = new ArrayList<>();
        for (Month month : months) {
            int m = month.month().getMonthValue();
            columns.add(new ReportColumn(code(m), PolishCalendar.roman(m) + " \u2013 " + PolishCalendar.monthName(m), type,
                    type == ValueType.AMOUNT ? 14 : 11, month.note()));
        }
        return columns;
    }

    private static String code(int month) {
        return String.format("m%02d", month);
    }

    /** a row of one measure over the months: a month without data is an empty value with the text „brak danych” */
    private static ReportRow row(String key, String label, boolean total, List<Month> months, Measure measure,
                                 Function<MonthlyFigures, Measures> group) {
        List<BigDecimal> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Month month : months) {
            values.add(month.figures() == null ? null : measure.of(group.apply(month.figures())));
            texts.add(month.figures() == null ? NO_DATA : null);
        }
        return new ReportRow(key, label, 0, total, values, Collections.nCopies(values.size(), measure.type), texts);
    }

    private ReportTable city(List<Month> months) {
        List<ReportRow> rows = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            rows.add(row(measure.code.toUpperCase(), measure.label, false, months, measure, f -> f.city("M")));
        }
        return new ReportTable("T1", "Tabela 1. Miasto \u2014 miesiąc po miesiącu", "1 Miasto", "miara", "Wyszczególnienie",
                columns(months, ValueType.COUNT), rows, List.of("Kwota w złotych; pozostałe wiersze: liczby."));
    }

    private ReportTable districts(List<Month> months) {
        List<ReportRow> rows = new ArrayList<>();
        for (District district : dictionaries.districts()) {
            rows.add(row(district.code(), district.label(), false, months, Measure.FAMILIES,
                    f -> f.district("M", district.code())));
        }
        rows.add(row("OGOLEM", "Ogółem (bez powtórzeń)", true, months, Measure.FAMILIES, f -> f.city("M")));
        return new ReportTable("T2", "Tabela 2. Rodziny objęte pomocą według dzielnic", "2 Dzielnice \u2014 rodziny",
                "dzielnica", "Dzielnica", columns(months, ValueType.COUNT), rows, List.of());
    }

    private List<Form> formsWithData(List<Month> months) {
        List<Form> forms = new ArrayList<>();
        for (Form form : dictionaries.forms()) {
            for (Month month : months) {
                Measures measures = month.figures() == null ? null : month.figures().form("M", form.code());
                if (measures != null && (Measure.RECIPIENTS.of(measures).signum() != 0
                        || Measure.AMOUNT.of(measures).signum() != 0)) {
                    forms.add(form);
                    break;
                }
            }
        }
        return forms;
    }

    private static ReportTable forms(List<Month> months, List<Form> forms, String id, String title, String sheet,
                                     Measure measure) {
        List<ReportRow> rows = new ArrayList<>();
        for (Form form : forms) {
            rows.add(row(form.code(), form.name(), false, months, measure, f -> f.form("M", form.code())));
        }
        rows.add(row("OGOLEM", measure == Measure.AMOUNT ? "Ogółem" : "Ogółem (bez powtórzeń)", true, months, measure,
                f -> f.city("M")));
        return new ReportTable(id, title, sheet, "forma", "Forma pomocy", columns(months, measure.type), rows,
                forms.isEmpty() ? List.of("Żadna forma pomocy nie ma świadczeń w tych miesiącach.") : List.of());
    }

    /** the families' and the amounts' trend, drawn from the city table's rows */
    private static List<ReportChart> charts(ReportTable city) {
        List<String> categories = city.columns().stream().map(ReportColumn::header).toList();
        List<String> codes = city.columns().stream().map(ReportColumn::code).toList();
        List<ReportChart> charts = new ArrayList<>();
        for (Measure measure : List.of(Measure.FAMILIES, Measure.AMOUNT)) {
            String key = measure.code.toUpperCase();
            ReportRow row = city.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
            charts.add(new ReportChart(measure == Measure.FAMILIES ? "W1" : "W2",
                    measure == Measure.FAMILIES ? "Rodziny objęte pomocą w kolejnych miesiącach"
                            : "Kwota świadczeń w kolejnych miesiącach (zł)",
                    ReportChart.ChartKind.LINE, "Miesiąc", measure == Measure.FAMILIES ? "Rodziny" : "Kwota (zł)",
                    categories, List.of(new ChartSeries(row.label(), row.values(), false)),
                    ChartSource.rows("T1", codes, List.of(key))));
        }
        return charts;
    }

    private static List<String> footnotes() {
        return List.of(
                "Każdy miesiąc liczony osobno: rodzina, osoba i świadczeniobiorca liczą się raz w miesiącu, więc sumy "
                        + "kolumn miesięcy nie są liczbami za okres narastający (te podaje statystyka miesięczna, tabela 1).",
                "Wiersze „Ogółem” nie są sumami wierszy (osoba z kilkoma formami pomocy liczy się raz).",
                "„" + NO_DATA + "”: miesiąc bez ukończonego przebiegu statystyki miesięcznej albo bez danych w migawce "
                        + "\u2014 po policzeniu tego miesiąca kolumna wypełni się w skoroszycie następnego przebiegu.",
                "Zasady liczenia jak w statystyce miesięcznej i w sprawozdaniu MRPiPS-03.");
    }
}
