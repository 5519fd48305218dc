package pl.mops.reports.assessment;

import java.util.ArrayList;
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
 * The figures of the assessment for disclosure control (publication profile). Only the tables computed from the
 * case data (10.3–10.8) and the indicators built on them (in 10.1 and 10.2) are about clients; the chapters from the
 * resources file (population, institutions, staff, budget, NGOs) are public. A figure is keyed
 * {@code table|row key|year}, e.g. {@code 10.5|ZASILEK_STALY/KWOTA|2024}; families, persons, recipients and refusal
 * decisions are counts of units; persons, numbers of benefits, amounts and decisions are tied to their row's group
 * (table, row, year). The forecast columns are derived from all observed years of the row, the indicators from their
 * components (and in forecast years from the components' forecasts, so from every observed year).
 * <p>
 * Relations, classified by the counting rules ({@link Relation}), per observed year: 10.3 helped = with benefits +
 * only social work (families, persons: a sum); social work ⊆ helped, only social work and social contract ⊆ social
 * work; with benefits covered by cash and non-cash (families, persons, recipients: a family may have both); the
 * families of 10.4 ⊆ the families with benefits; 10.4 total covered by the reasons, 10.8 by the reasons (families,
 * decisions); 10.5 and 10.6 total over the forms: recipients a cover, numbers of benefits and amounts a sum; the
 * recipients of cash (non-cash) benefits of 10.3 are the total of 10.5 (10.6), and the amount of 10.2 is the sum of
 * the totals of 10.5 and 10.6. The "norm met" row of 10.1 (tak/nie) is left out: it bounds the families in social
 * work by 50 per full-time social worker, far from any small count.
 */
final class OzpsProtectionLayout implements ProtectionLayout {

    private static final Set<String> STAT_TABLES = Set.of("T10_3", "T10_4", "T10_5", "T10_6", "T10_8");
    private static final String BENEFITS = OzpsData.T10_3 + "|SWIADCZENIA/";

    private final List<Integer> observedYears;

    OzpsProtectionLayout(List<Integer> observedYears) {
        this.observedYears = List.copyOf(observedYears);
    }

    private static String stat(String tableId) {
        return tableId.substring(1).replace('_', '.');
    }

    static String key(String stat, String rowKey, int year) {
        return stat + "|" + rowKey + "|" + year;
    }

    private static CellRole.Figure figure(String stat, String rowKey, int year) {
        String measure = rowKey.substring(rowKey.indexOf('/') + 1);
        String group = stat + "|" + rowKey.substring(0, rowKey.indexOf('/')) + "|" + year;
        boolean units = Set.of("RODZINY", "OSOBY", "SWIADCZENIOBIORCY", "DECYZJE").contains(measure);
        boolean tied = Set.of("OSOBY", "SWIADCZENIA", "KWOTA", "DECYZJE").contains(measure);
        return new CellRole.Figure(key(stat, rowKey, year), units, tied, group, measure.equals("KWOTA"));
    }

    /** the figures an indicator row of 10.1 or 10.2 is computed from (besides public resources) */
    private static final Map<String, List<String>> INDICATOR_INPUTS = Map.of(
            "RODZINY_PS_NA_ETAT", List.of("10.3|PRACA_SOCJALNA/RODZINY"),
            "ETATY_WG_RODZIN", List.of("10.3|PRACA_SOCJALNA/RODZINY"),
            "RODZINY_NA_ETAT", List.of("10.3|OBJETE_POMOCA/RODZINY"),
            "SWIADCZENIOBIORCY_NA_1000", List.of(BENEFITS + "SWIADCZENIOBIORCY"),
            "OSOBY_W_RODZINACH_NA_1000", List.of(BENEFITS + "OSOBY"),
            "KWOTA_NA_SWIADCZENIOBIORCE", List.of(BENEFITS + "KWOTA", BENEFITS + "SWIADCZENIOBIORCY"),
            "KWOTA_NA_RODZINE", List.of(BENEFITS + "KWOTA", BENEFITS + "RODZINY"));

    /** the figures of 10.3 repeated in 10.1 and 10.2 */
    private static final Map<String, String> REPEATED = Map.of(
            "RODZINY_PRACA_SOCJALNA", "10.3|PRACA_SOCJALNA/RODZINY",
            "SWIADCZENIOBIORCY", BENEFITS + "SWIADCZENIOBIORCY",
            "KWOTA", BENEFITS + "KWOTA");

    @Override
    public CellRole cell(ReportTable table, ReportRow row, int column) {
        String code = table.columns().get(column).code();
        Integer year = code.startsWith("r") ? Integer.valueOf(code.substring(1)) : null;
        if (STAT_TABLES.contains(table.id())) {
            String stat = stat(table.id());
            return year != null ? figure(stat, row.key(), year) : allYears(List.of(stat + "|" + row.key()));
        }
        if (table.id().equals("W10_1") || table.id().equals("W10_2")) {
            String repeated = REPEATED.get(row.key());
            if (repeated != null) {
                String[] split = repeated.split("\\|");
                return year != null ? figure(split[0], split[1], year) : allYears(List.of(repeated));
            }
            List<String> inputs = INDICATOR_INPUTS.get(row.key());
            if (inputs != null) {
                return year != null ? new CellRole.Derived(inputs.stream().map(i -> i + "|" + year).toList())
                        : allYears(inputs);
            }
        }
        return CellRole.PUBLIC;
    }

    /** a forecast: computed from every observed year of its inputs */
    private CellRole allYears(List<String> inputs) {
        List<String> keys = new ArrayList<>();
        for (String input : inputs) {
            for (int y : observedYears) {
                keys.add(input + "|" + y);
            }
        }
        return new CellRole.Derived(keys);
    }

    @Override
    public CellRole chartPoint(ReportDocument document, ReportChart chart, int series, int category) {
        String rowKey = switch (chart.id()) {
            case "W10_2" -> BENEFITS + "SWIADCZENIOBIORCY";
            case "W10_3" -> "10.3|" + List.of("OBJETE_POMOCA", "SWIADCZENIA", "PRACA_SOCJALNA").get(series) + "/RODZINY";
            case "W10_4" -> "10.4|" + rowNamed(document, "T10_4", chart.series().get(series).name(), "/RODZINY");
            case "W10_5" -> "10.5|" + rowNamed(document, "T10_5", chart.series().get(series).name(), "/SWIADCZENIOBIORCY");
            case "W10_6" -> "10.6|" + rowNamed(document, "T10_6", chart.series().get(series).name(), "/SWIADCZENIOBIORCY");
            case "W10_8" -> "10.8|OGOLEM/" + (series == 0 ? "DECYZJE" : "RODZINY");
            default -> null;
        };
        if (rowKey == null) {
            return CellRole.PUBLIC;
        }
        if (category >= observedYears.size()) {
            return allYears(List.of(rowKey));
        }
        String[] split = rowKey.split("\\|");
        CellRole.Figure figure = figure(split[0], split[1], observedYears.get(category));
        return chart.id().equals("W10_2") ? new CellRole.Derived(List.of(figure.key())) : figure;
    }

    /** the key of the row of {@code table} labelled "N. name — …" with the given measure suffix */
    private static String rowNamed(ReportDocument document, String tableId, String name, String suffix) {
        for (ReportTable table : document.tables()) {
            if (table.id().equals(tableId)) {
                for (ReportRow row : table.rows()) {
                    String label = row.label().substring(row.label().indexOf(". ") + 2);
                    if (row.key().endsWith(suffix) && label.startsWith(name + " \u2014")) {
                        return row.key();
                    }
                }
            }
        }
        throw new IllegalStateException("No row " + name + " in " + tableId);
    }

    @Override
    public List<Relation> relations(ReportDocument document) {
        List<Relation> relations = new ArrayList<>();
        for (int y : observedYears) {
            for (String m : List.of("RODZINY", "OSOBY")) {
                // helped = with benefits + only social work (a partition of the families, each with its size)
                relations.add(Relation.sum(key("10.3", "OBJETE_POMOCA/" + m, y),
                        List.of(key("10.3", "SWIADCZENIA/" + m, y), key("10.3", "WYLACZNIE_PRACA_SOCJALNA/" + m, y))));
                relations.add(Relation.subsets(key("10.3", "OBJETE_POMOCA/" + m, y),
                        List.of(key("10.3", "PRACA_SOCJALNA/" + m, y))));
                relations.add(Relation.subsets(key("10.3", "PRACA_SOCJALNA/" + m, y),
                        List.of(key("10.3", "WYLACZNIE_PRACA_SOCJALNA/" + m, y), key("10.3", "KONTRAKT_SOCJALNY/" + m, y))));
                // the families with a reason (10.4) are families with benefits
                relations.add(Relation.subsets(key("10.3", "SWIADCZENIA/" + m, y), List.of(key("10.4", "OGOLEM/" + m, y))));
            }
            for (String m : List.of("RODZINY", "OSOBY", "SWIADCZENIOBIORCY")) {
                // a family (recipient) with cash and non-cash benefits is in both rows, once in the total
                relations.add(Relation.cover(key("10.3", "SWIADCZENIA/" + m, y),
                        List.of(key("10.3", "PIENIEZNE/" + m, y), key("10.3", "NIEPIENIEZNE/" + m, y))));
            }
            relations.add(Relation.sum(key("10.3", "PIENIEZNE/SWIADCZENIOBIORCY", y),
                    List.of(key("10.5", "OGOLEM/SWIADCZENIOBIORCY", y))));
            relations.add(Relation.sum(key("10.3", "NIEPIENIEZNE/SWIADCZENIOBIORCY", y),
                    List.of(key("10.6", "OGOLEM/SWIADCZENIOBIORCY", y))));
            relations.add(Relation.sum(key("10.3", "SWIADCZENIA/KWOTA", y),
                    List.of(key("10.5", "OGOLEM/KWOTA", y), key("10.6", "OGOLEM/KWOTA", y))));
            for (ReportTable table : document.tables()) {
                if (List.of("T10_4", "T10_5", "T10_6", "T10_8").contains(table.id())) {
                    totals(table, y, relations);
                }
            }
        }
        return relations;
    }

    /**
     * OGOLEM/M over X/M of the other rows, for every measure M with an OGOLEM row: numbers of benefits and amounts
     * are sums; families, persons, recipients and decisions a cover (a family with two reasons, a person with two
     * forms, a refusal naming two reasons is in two rows and once in the total; every family of 10.4 has a reason,
     * every refusal names one — the import requires it)
     */
    private static void totals(ReportTable table, int year, List<Relation> relations) {
        String stat = stat(table.id());
        for (ReportRow total : table.rows()) {
            if (!total.key().startsWith("OGOLEM/")) {
                continue;
            }
            String suffix = total.key().substring("OGOLEM".length());
            List<String> parts = table.rows().stream().map(ReportRow::key)
                    .filter(k -> k.endsWith(suffix) && !k.startsWith("OGOLEM/")).map(k -> key(stat, k, year)).toList();
            boolean additive = suffix.equals("/SWIADCZENIA") || suffix.equals("/KWOTA");
            relations.add(additive ? Relation.sum(key(stat, total.key(), year), parts)
                    : Relation.cover(key(stat, total.key(), year), parts));
        }
    }
}
