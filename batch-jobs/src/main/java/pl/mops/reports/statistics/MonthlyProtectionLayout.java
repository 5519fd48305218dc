package pl.mops.reports.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Relations, classified by the counting rules (README "Zasady liczenia"; {@link Relation}):
 * <ul>
 *   <li>city over districts and over branches (tables 2, 3): families, persons in families (each family once, with
 *       its size), benefits and amounts are sums (a family has one district and one branch); recipients a cover (a
 *       person may be the recipient for families in two districts, e.g. after moving);</li>
 *   <li>branch over the districts in its label: the same kinds, but assumed (rodziny.csv may give a family another
 *       branch than its district's), so used only where the data satisfy it;</li>
 *   <li>reason over districts (tables 4, 4a): a sum (a family has one district); the reasons of a district column, and
 *       of the city, are subsets of the district's (city's) families of tables 1–2, not a cover: a family whose
 *       benefits in the period are all under ZMIANA decisions has no reason;</li>
 *   <li>area over its forms (table 5): amounts a sum, recipients a cover (a person with two forms is once in the
 *       area); form in the city over the districts: amounts a sum, recipients a cover;</li>
 *   <li>months of table 6 over the year to date, both years: amounts a sum, families and recipients a cover (each
 *       of the year's families had a benefit in some month);</li>
 *   <li>month ⊆ year to date: every figure shown for both M and YTD (M_PY and YTD_PY) of the same area;</li>
 *   <li>amount executed = Σ forms (table 7).</li>
 * </ul>
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
        return new CellRole.Figure(key(measure, period, area), units, tied, period(period) + "|" + area,
                measure.equals("kwota"));
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

    /** how the figures of a measure add up over a partition of families (districts, branches): see the class comment */
    private static Relation overFamilies(String measure, String total, List<String> parts) {
        return measure.equals("swiadczeniobiorcy") ? Relation.cover(total, parts) : Relation.sum(total, parts);
    }

    @Override
    public List<Relation> relations(ReportDocument document) {
        List<Relation> relations = new ArrayList<>();
        Map<String, List<String>> districtsOfBranch = new LinkedHashMap<>();
        branchOfDistrict.forEach((d, b) -> districtsOfBranch.computeIfAbsent(b, k -> new ArrayList<>()).add(d));
        for (String period : AREA_PERIODS) {
            for (String measure : MEASURES) {
                relations.add(overFamilies(measure, key(measure, period, CITY), branchOfDistrict.keySet().stream()
                        .map(d -> key(measure, period, district(d))).toList()));
                relations.add(overFamilies(measure, key(measure, period, CITY), districtsOfBranch.keySet().stream()
                        .map(b -> key(measure, period, "filia=" + b)).toList()));
                // the branch of a family is its district's unless the data say otherwise (rodziny.csv, filia)
                districtsOfBranch.forEach((b, ds) -> relations.add(overFamilies(measure,
                        key(measure, period, "filia=" + b), ds.stream().map(d -> key(measure, period, district(d))).toList())
                        .asAssumed()));
            }
        }
        for (ReportTable table : document.tables()) {
            switch (table.id()) {
                case "T4", "T4N" -> {
                    String period = table.id().equals("T4") ? "M" : "YTD";
                    for (ReportRow row : table.rows()) {
                        String reason = "powod=" + row.key();
                        relations.add(Relation.sum(key("rodziny", period, reason), branchOfDistrict.keySet().stream()
                                .map(d -> key("rodziny", period, reason + "," + district(d))).toList()));
                    }
                    // the families with a reason are some of the area's (a family may have no reason: ZMIANA)
                    relations.add(Relation.subsets(key("rodziny", period, CITY), table.rows().stream()
                            .map(r -> key("rodziny", period, "powod=" + r.key())).toList()));
                    for (String d : branchOfDistrict.keySet()) {
                        relations.add(Relation.subsets(key("rodziny", period, district(d)), table.rows().stream()
                                .map(r -> key("rodziny", period, "powod=" + r.key() + "," + district(d))).toList()));
                    }
                }
                case "T5" -> formRelations(table, relations);
                case "T6" -> {
                    List<String> months = table.rows().stream().map(ReportRow::key).toList();
                    for (String[] year : new String[][] {{"YTD", "T"}, {"YTD_PY", "P"}}) {
                        relations.add(Relation.sum(key("kwota", year[0], CITY),
                                months.stream().map(m -> key("kwota", year[1] + m, CITY)).toList()));
                        // every family (recipient) of the year to date had a benefit in some month of it
                        for (String measure : List.of("rodziny", "swiadczeniobiorcy")) {
                            relations.add(Relation.cover(key(measure, year[0], CITY),
                                    months.stream().map(m -> key(measure, year[1] + m, CITY)).toList()));
                        }
                    }
                }
                case "T7" -> relations.add(Relation.sum(key("kwota", "YTD", CITY), table.rows().stream()
                        .filter(r -> !r.key().equals("OGOLEM")).map(r -> key("kwota", "YTD", "forma=" + r.key())).toList()));
                default -> {
                }
            }
        }
        // the month's families, persons (same size: the family's last benefit of the year to date is in the month),
        // recipients, benefits and amounts are some of the year to date's, in every area shown for both
        Set<String> shown = shownKeys(document);
        for (String key : shown) {
            String[] split = key.split("\\|", 3);
            String ytd = switch (split[1]) {
                case "M" -> "YTD";
                case "M_PY" -> "YTD_PY";
                default -> null;
            };
            String total = ytd == null ? null : split[0] + "|" + ytd + "|" + split[2];
            if (total != null && !total.equals(key) && shown.contains(total)) {
                relations.add(Relation.subsets(total, List.of(key)));
            }
        }
        // a relation of one figure with itself (January: the month is the year to date) says nothing
        relations.removeIf(r -> r.parts().stream().allMatch(p -> p.equals(r.total())));
        return relations;
    }

    /** the keys of every figure shown in the document's tables, in document order */
    private Set<String> shownKeys(ReportDocument document) {
        Set<String> keys = new LinkedHashSet<>();
        for (ReportTable table : document.tables()) {
            for (ReportRow row : table.rows()) {
                for (int c = 0; c < table.columns().size(); c++) {
                    if (row.values().get(c) != null && cell(table, row, c) instanceof CellRole.Figure figure) {
                        keys.add(figure.key());
                    }
                }
            }
        }
        return keys;
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
        // a form row is left out when all its values are zero, so the rows shown carry the whole of each total
        for (String period : AREA_PERIODS) {
            for (String measure : List.of("swiadczeniobiorcy", "kwota")) {
                // a recipient with several forms is in several rows, once in the area (and may have benefits for
                // families in two districts)
                formsOfArea.forEach((area, forms) -> relations.add(overForms(measure, key(measure, period, formArea(area)),
                        forms.stream().map(f -> key(measure, period, formArea(area + "/" + f))).toList())));
                areasOfForm.forEach((form, areas) -> relations.add(overForms(measure, key(measure, period, "forma=" + form),
                        areas.stream().map(a -> key(measure, period, formArea(a + "/" + form))).toList())));
            }
        }
    }

    private static Relation overForms(String measure, String total, List<String> parts) {
        return measure.equals("kwota") ? Relation.sum(total, parts) : Relation.cover(total, parts);
    }
}
