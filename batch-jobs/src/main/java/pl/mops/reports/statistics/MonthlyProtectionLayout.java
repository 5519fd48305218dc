package pl.mops.reports.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.publication.CellRole;
import pl.mops.reports.publication.ProtectionLayout;
import pl.mops.reports.publication.Relation;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;

/**
 * The figures of the monthly statistics for disclosure control (publication profile). A figure is keyed
 * {@code measure|period|dimensions}, e.g. {@code rodziny|M|dzielnica=I}; the month's column of table 6 is the same
 * figure as period M (and January's year-to-date the same as its month), so a value hidden in one table is
 * hidden wherever it appears. Counts of families, persons in families and recipients are counts of units; persons in
 * families, benefits and amounts are tied to the group (period and dimensions) of a small count. Changes, % changes,
 * per 1 000 residents and % of plan are derived; the plan and the population are public.
 * <p>
 * Relations (each treated as an exact sum, although most totals are distinct counts): city = Σ districts,
 * city = Σ branches, branch = Σ its districts (tables 2 and 3, every measure); reason = Σ districts (table 4, 4a);
 * area = Σ its forms and form in the city = Σ form in the districts (table 5); year-to-date amount = Σ month
 * amounts (table 6, both years; the family and recipient counts of the months are not a sum of anything shown);
 * amount executed = Σ forms (table 7). Not relations: the reason rows of a district column of table 4 (a family
 * with several reasons is in several rows, and no district total is printed in that table) and the family and
 * recipient counts of the months of table 6 (no total of them is printed).
 */
final class MonthlyProtectionLayout implements ProtectionLayout {

    private static final String CITY = "miasto";
    private static final List<String> MEASURES = List.of("rodziny", "osoby_w_rodzinach", "swiadczeniobiorcy",
            "swiadczenia", "kwota");
    private static final List<String> AREA_PERIODS = List.of("M", "YTD");

    private final YearMonth month;
    /** district code → branch code, in dictionary order */
    private final Map<String, String> branchOfDistrict;

    MonthlyProtectionLayout(YearMonth month, Map<String, String> branchOfDistrict) {
        this.month = month;
        this.branchOfDistrict = new LinkedHashMap<>(branchOfDistrict);
    }

    // ---- keys ---------------------------------------------------------------------------------

    /** the period code a figure is stored under: the current month's trend column is M, January's YTD is M */
    private String period(String code) {
        String current = String.format("%02d", month.getMonthValue());
        if (code.equals("T" + current) || (month.getMonthValue() == 1 && code.equals("YTD"))) {
            return "M";
        }
        if (code.equals("P" + current) || (month.getMonthValue() == 1 && code.equals("YTD_PY"))) {
            return "M_PY";
        }
        return code;
    }

    String key(String measure, String period, String area) {
        return measure + "|" + period(period) + "|" + area;
    }

    CellRole.Figure figure(String measure, String period, String area) {
        boolean units = measure.equals("rodziny") || measure.equals("osoby_w_rodzinach")
                || measure.equals("swiadczeniobiorcy");
        boolean tied = !measure.equals("rodziny") && !measure.equals("swiadczeniobiorcy");
        return new CellRole.Figure(key(measure, period, area), units, tied, period(period) + "|" + area);
    }

    private static String district(String code) {
        return "dzielnica=" + code;
    }

    // ---- cells --------------------------------------------------------------------------------

    @Override
    public CellRole cell(ReportTable table, ReportRow row, int column) {
        String code = table.columns().get(column).code();
        return switch (table.id()) {
            case "T1" -> citySummary(row.key(), column);
            case "T2" -> area(row.key().equals("OGOLEM") ? CITY : district(row.key()), code);
            case "T3" -> area(row.key().equals("OGOLEM") ? CITY : "filia=" + row.key(), code);
            case "T4", "T4N" -> {
                String period = table.id().equals("T4") ? "M" : "YTD";
                String reason = "powod=" + row.key();
                yield figure("rodziny", period, code.equals("OGOLEM") ? reason : reason + "," + district(code));
            }
            case "T5" -> {
                String[] split = code.split("_");
                yield figure(split[0], split[1].equals("m") ? "M" : "YTD", formArea(row.key()));
            }
            case "T6" -> {
                String measure = code.replace("_rok_wczesniej", "");
                String period = (code.endsWith("_rok_wczesniej") ? "P" : "T") + row.key();
                yield figure(measure, period, CITY);
            }
            case "T7" -> {
                String area = row.key().equals("OGOLEM") ? CITY : "forma=" + row.key();
                yield switch (code) {
                    case "wykonanie" -> figure("kwota", "YTD", area);
                    case "wykonanie_proc" -> new CellRole.Derived(List.of(key("kwota", "YTD", area)));
                    default -> CellRole.PUBLIC;
                };
            }
            default -> CellRole.PUBLIC;
        };
    }

    private CellRole citySummary(String measure, int column) {
        String[] periods = column < 4 ? new String[] {"M", "M_PY"} : new String[] {"YTD", "YTD_PY"};
        return switch (column % 4) {
            case 0 -> figure(measure, periods[0], CITY);
            case 1 -> figure(measure, periods[1], CITY);
            default -> new CellRole.Derived(List.of(key(measure, periods[0], CITY), key(measure, periods[1], CITY)));
        };
    }

    private CellRole area(String area, String code) {
        String period = code.endsWith("_m") ? "M" : "YTD";
        String measure = code.substring(0, code.length() - 2);
        if (measure.equals("na_1000")) {
            return new CellRole.Derived(List.of(key("swiadczeniobiorcy", period, area)));
        }
        return figure(measure, period, area);
    }

    /** table 5 row keys: OGOLEM, OGOLEM/FORM, DISTRICT, DISTRICT/FORM */
    private static String formArea(String rowKey) {
        String[] split = rowKey.split("/");
        String place = split[0].equals("OGOLEM") ? null : district(split[0]);
        if (split.length == 1) {
            return place == null ? CITY : place;
        }
        return "forma=" + split[1] + (place == null ? "" : "," + place);
    }

    @Override
    public CellRole chartPoint(ReportDocument document, ReportChart chart, int series, int category) {
        List<String> districts = new ArrayList<>(branchOfDistrict.keySet());
        String trendPeriod = (series == 0 ? "T" : "P") + String.format("%02d", category + 1);
        return switch (chart.id()) {
            case "W1" -> figure("rodziny", "M", district(districts.get(category)));
            case "W2" -> new CellRole.Derived(List.of(key("swiadczeniobiorcy", "M", district(districts.get(category)))));
            case "W3" -> figure("rodziny", trendPeriod, CITY);
            case "W4" -> figure("kwota", trendPeriod, CITY);
            default -> CellRole.PUBLIC;
        };
    }

    // ---- relations ----------------------------------------------------------------------------

    @Override
    public List<Relation> relations(ReportDocument document) {
        List<Relation> relations = new ArrayList<>();
        Map<String, List<String>> districtsOfBranch = new LinkedHashMap<>();
        branchOfDistrict.forEach((d, b) -> districtsOfBranch.computeIfAbsent(b, k -> new ArrayList<>()).add(d));
        for (String period : AREA_PERIODS) {
            for (String measure : MEASURES) {
                relations.add(new Relation(key(measure, period, CITY), branchOfDistrict.keySet().stream()
                        .map(d -> key(measure, period, district(d))).toList()));
                relations.add(new Relation(key(measure, period, CITY), districtsOfBranch.keySet().stream()
                        .map(b -> key(measure, period, "filia=" + b)).toList()));
                districtsOfBranch.forEach((b, ds) -> relations.add(new Relation(key(measure, period, "filia=" + b),
                        ds.stream().map(d -> key(measure, period, district(d))).toList())));
            }
        }
        for (ReportTable table : document.tables()) {
            switch (table.id()) {
                case "T4", "T4N" -> {
                    String period = table.id().equals("T4") ? "M" : "YTD";
                    for (ReportRow row : table.rows()) {
                        String reason = "powod=" + row.key();
                        relations.add(new Relation(key("rodziny", period, reason), branchOfDistrict.keySet().stream()
                                .map(d -> key("rodziny", period, reason + "," + district(d))).toList()));
                    }
                }
                case "T5" -> formRelations(table, relations);
                case "T6" -> {
                    List<String> months = table.rows().stream().map(ReportRow::key).toList();
                    relations.add(new Relation(key("kwota", "YTD", CITY),
                            months.stream().map(m -> key("kwota", "T" + m, CITY)).toList()));
                    relations.add(new Relation(key("kwota", "YTD_PY", CITY),
                            months.stream().map(m -> key("kwota", "P" + m, CITY)).toList()));
                }
                case "T7" -> relations.add(new Relation(key("kwota", "YTD", CITY), table.rows().stream()
                        .filter(r -> !r.key().equals("OGOLEM")).map(r -> key("kwota", "YTD", "forma=" + r.key())).toList()));
                default -> {
                }
            }
        }
        return relations;
    }

    private void formRelations(ReportTable table, List<Relation> relations) {
        Map<String, List<String>> formsOfArea = new LinkedHashMap<>();
        Map<String, List<String>> areasOfForm = new LinkedHashMap<>();
        for (ReportRow row : table.rows()) {
            String[] split = row.key().split("/");
            if (split.length == 2) {
                formsOfArea.computeIfAbsent(split[0], k -> new ArrayList<>()).add(split[1]);
                if (!split[0].equals("OGOLEM")) {
                    areasOfForm.computeIfAbsent(split[1], k -> new ArrayList<>()).add(split[0]);
                }
            }
        }
        for (String period : AREA_PERIODS) {
            for (String measure : List.of("swiadczeniobiorcy", "kwota")) {
                formsOfArea.forEach((area, forms) -> relations.add(new Relation(key(measure, period, formArea(area)),
                        forms.stream().map(f -> key(measure, period, formArea(area + "/" + f))).toList())));
                areasOfForm.forEach((form, areas) -> relations.add(new Relation(key(measure, period, "forma=" + form),
                        areas.stream().map(a -> key(measure, period, formArea(a + "/" + form))).toList())));
            }
        }
    }
}
