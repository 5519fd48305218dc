package pl.mops.reports.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import pl.mops.reports.mrpips03.CellCases;
import pl.mops.reports.mrpips03.Layout;
import pl.mops.reports.mrpips03.Layouts;
import pl.mops.reports.mrpips03.Readiness;
import pl.mops.reports.mrpips03.ReturnRepository;
import pl.mops.reports.mrpips03.ReturnRepository.CellKey;
import pl.mops.reports.mrpips03.ReturnRepository.Listed;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.mrpips03.Submissions;
import pl.mops.reports.rendering.model.ValueType;

/**
 * The page of one computed MRPiPS-03 return laid out like the ministry's form, from the run's stored cells (never
 * recomputed): sections with their columns, rows with their numbers and labels ("w tym" rows indented), the values in
 * Polish notation; the readiness and the control rules' outcomes, the cells that break a rule marked with the rule's
 * explanation; for a correction, the cells changed against the version it corrects with the old value; every count
 * of families or persons a link to what was counted there.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ReturnFormView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Pattern CELL = Pattern.compile("([0-9A-Z]+)/([0-9A-Z_]+)/([0-9A-Z_]+)");

    /** a line of the list: one computed return */
    public record Line(String period, String periodName, long run, String version, String readiness,
                       String computedAt, boolean submitted) {
    }

    /** the form page */
    public record Form(long run, String period, String periodName, String version, String title, String layoutVersion,
                       long snapshotId, Readiness readiness, String readinessText, List<String> reasons,
                       List<RuleLine> rules, int brokenCells, List<SectionView> sections, List<Line> runsOfPeriod,
                       String corrects, int changedCells, Comparison comparison, String submitted,
                       boolean incompletePeriod) {

        /** the version breaks control rules: submitting it needs the user's explicit "despite the failed rules" */
        public boolean needsDespite() {
            return readiness == Readiness.NIEGOTOWE;
        }
    }

    /** the latest comparison with the case system's return (porownaj), or null on the form when there is none */
    public record Comparison(String otherFile, String comparedAt, int compared, int differing, int missing, int extra,
                             int equal, List<ComparedCell> cells) {
    }

    /** a cell that differs from the case system's (first) or that the case system's file lacks */
    public record ComparedCell(String section, String nr, String label, String column, String ours, String theirs,
                               String difference, boolean differs, String href) {
    }

    /** one control rule's outcome */
    public record RuleLine(String code, String description, String state, boolean broken, int checked, int failed,
                           String explanation, String note) {
    }

    public record SectionView(String code, String name, List<String> columns, List<RowView> rows) {
    }

    public record RowView(String nr, String label, int level, boolean total, List<CellView> cells) {
    }

    /**
     * @param exists the row has this column (else the form's cell is crossed out)
     * @param href   the link to what was counted, or {@code null}
     * @param rules  the control rules this cell breaks: "R01: description" (the explanation: the rules' table, linked)
     * @param old    the value in the version this correction corrects, when it differs ({@code null} otherwise)
     */
    public record CellView(boolean exists, String text, String href, String label, List<BrokenRule> rules, String old) {

        public boolean isBroken() {
            return !rules.isEmpty();
        }

        public boolean isChanged() {
            return old != null;
        }
    }

    /** a control rule a cell breaks: its code (the anchor of its row in the rules' table) and "R12: description" */
    public record BrokenRule(String code, String text) {
    }

    private final ReturnRepository returns;
    private final Layouts layouts;
    private final pl.mops.reports.MopsProperties properties;
    private final Submissions submissions;

    public ReturnFormView(ReturnRepository returns, Layouts layouts, pl.mops.reports.MopsProperties properties,
                          Submissions submissions) {
        this.returns = returns;
        this.submissions = submissions;
        this.layouts = layouts;
        this.properties = properties;
    }

    public List<Line> lines() {
        return returns.listed().stream().map(this::line).toList();
    }

    private Line line(Listed listed) {
        StoredReturn stored = listed.stored();
        return new Line(stored.period().toString(), stored.period().polishName(), listed.run(),
                kind(stored), stored.readiness() == null ? "nie sprawdzono" : stored.readiness().polish(),
                listed.computedAt() == null ? "" : WHEN.format(listed.computedAt()),
                returns.submissionOf(stored.id()).isPresent());
    }

    /** "sprawozdanie pierwotne", "korekta nr 1, wersja robocza 2", and "(niepełny okres)" */
    static String kind(StoredReturn stored) {
        return stored.versionName() + (stored.incompletePeriod() ? " (niepełny okres)" : "");
    }

    /** the return computed by the run, or empty when the run computed no return (or has not written its files) */
    public Optional<StoredReturn> returnOf(long run) {
        return returns.ofExecution(run).filter(StoredReturn::filesWritten);
    }

    public Form form(StoredReturn stored) {
        Layout layout = layouts.resolve(stored.layoutVersion(), stored.period().year());
        long run = returns.lastExecutionOf(stored);
        Map<CellKey, BigDecimal> cells = returns.cells(stored.id());
        Map<String, Layout.Rule> rulesByCode = new LinkedHashMap<>();
        layout.rules().forEach(r -> rulesByCode.put(r.code(), r));
        Map<CellKey, List<BrokenRule>> broken = new LinkedHashMap<>();
        for (ReturnRepository.Failure failure : returns.failures(stored.id())) {
            Layout.Rule rule = rulesByCode.get(failure.ruleCode());
            boolean review = rule != null && rule.review();
            BrokenRule text = new BrokenRule(failure.ruleCode(), failure.ruleCode() + (review ? " (do przeglądu)" : "")
                    + ": " + (rule == null ? "" : rule.description()));
            for (String side : List.of(failure.leftCells(), failure.rightCells())) {
                Matcher m = CELL.matcher(side == null ? "" : side);
                while (m.find()) {
                    List<BrokenRule> list = broken.computeIfAbsent(new CellKey(m.group(1), m.group(2), m.group(3)),
                            k -> new ArrayList<>());
                    if (!list.contains(text)) {
                        list.add(text);
                    }
                }
            }
        }
        Optional<StoredReturn> previous = returns.previousVersion(stored);
        Map<CellKey, BigDecimal> before = previous.map(p -> returns.cells(p.id())).orElse(Map.of());
        int[] changed = {0};
        List<SectionView> sections = new ArrayList<>();
        for (Layout.Section section : layout.sections()) {
            List<RowView> rows = new ArrayList<>();
            for (Layout.Row row : section.rows()) {
                List<CellView> views = new ArrayList<>();
                for (Layout.Column column : section.columns()) {
                    Optional<Layout.Column> own = row.column(column.code());
                    if (own.isEmpty()) {
                        views.add(new CellView(false, "", null, null, List.of(), null));
                        continue;
                    }
                    CellKey key = new CellKey(section.code(), row.code(), column.code());
                    BigDecimal value = cells.get(key);
                    String old = null;
                    if (previous.isPresent() && differs(value, before.get(key))) {
                        old = format(before.get(key), column.measure().type());
                        changed[0]++;
                    }
                    String href = value != null && CellCases.opens(own.get())
                            ? "/sprawozdania/" + run + "/komorka/" + section.code() + "/" + row.code() + "/" + column.code()
                            : null;
                    String label = href == null ? null : "Pokaż, co policzono: dział " + section.code() + ", wiersz "
                            + row.nr() + ", " + column.name();
                    views.add(new CellView(true, format(value, column.measure().type()), href, label,
                            broken.getOrDefault(key, List.of()), old));
                }
                rows.add(new RowView(row.nr(), row.name(), row.level(), row.total(), views));
            }
            sections.add(new SectionView(section.code(), section.name(),
                    section.columns().stream().map(Layout.Column::name).toList(), rows));
        }
        List<RuleLine> rules = new ArrayList<>();
        for (ReturnRepository.RuleResult result : returns.ruleResults(stored.id())) {
            Layout.Rule rule = rulesByCode.get(result.ruleCode());
            boolean isBroken = result.state() == Readiness.RuleState.NIESPELNIONA
                    || result.state() == Readiness.RuleState.DO_PRZEGLADU;
            rules.add(new RuleLine(result.ruleCode(), rule == null ? "" : rule.description(), result.state().polish(),
                    isBroken, result.checked(), result.failed(), isBroken && rule != null ? rule.explanation() : null,
                    result.note()));
        }
        List<Line> ofPeriod = returns.listed().stream().filter(l -> l.stored().period().year() == stored.period().year())
                .map(this::line).toList();
        return new Form(run, stored.period().toString(), stored.period().polishName(), kind(stored), layout.title(),
                layout.version(), stored.snapshotId(), stored.readiness(),
                stored.readiness() == null ? "nie sprawdzono" : stored.readiness().polish(), stored.readinessReasons(),
                rules, broken.size(), sections, ofPeriod,
                previous.map(p -> p.versionName() + " (przebieg nr " + returns.lastExecutionOf(p) + ")").orElse(null),
                changed[0], comparison(stored, layout, cells, run),
                returns.submissionOf(stored.id()).map(submissions::describe).orElse(null),
                stored.incompletePeriod());
    }

    private Comparison comparison(StoredReturn stored, Layout layout, Map<CellKey, BigDecimal> cells, long run) {
        Optional<ReturnRepository.StoredReconciliation> found = returns.reconciliation(stored.id());
        if (found.isEmpty()) {
            return null;
        }
        ReturnRepository.StoredReconciliation r = found.get();
        List<ComparedCell> differing = new ArrayList<>();
        List<ComparedCell> missing = new ArrayList<>();
        int equal = 0;
        for (Layout.Section section : layout.sections()) {
            for (Layout.Row row : section.rows()) {
                for (Layout.Column column : row.columns()) {
                    CellKey key = new CellKey(section.code(), row.code(), column.code());
                    BigDecimal ours = cells.get(key);
                    ValueType type = column.measure().type();
                    String href = ours != null && CellCases.opens(column) ? "/sprawozdania/" + run + "/komorka/"
                            + section.code() + "/" + row.code() + "/" + column.code() : null;
                    if (!r.theirs().containsKey(key)) {
                        missing.add(new ComparedCell(section.code(), row.nr(), row.name(), column.name(),
                                format(ours, type), "brak w pliku", "", false, href));
                        continue;
                    }
                    BigDecimal theirs = r.theirs().get(key);
                    if (!differs(ours, theirs)) {
                        equal++;
                        continue;
                    }
                    String difference = ours == null || theirs == null ? "" : signed(ours.subtract(theirs), type);
                    differing.add(new ComparedCell(section.code(), row.nr(), row.name(), column.name(),
                            format(ours, type), format(theirs, type), difference, true, href));
                }
            }
        }
        List<ComparedCell> listed = new ArrayList<>(differing);
        listed.addAll(missing);
        return new Comparison(r.otherFile(), r.comparedAt() == null ? "" : WHEN.format(r.comparedAt()
                .atZoneSameInstant(properties.timeZone())), r.compared(), r.differing(), r.missing(), r.extra(), equal,
                listed);
    }

    private static String signed(BigDecimal value, ValueType type) {
        return (value.signum() > 0 ? "+" : value.signum() < 0 ? "−" : "") + format(value.abs(), type);
    }

    private static boolean differs(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a != b;
        }
        return a.compareTo(b) != 0;
    }

    /** Polish notation: a space between thousands (non-breaking), a decimal comma, amounts with 2 decimals */
    static String format(BigDecimal value, ValueType type) {
        if (value == null) {
            return "—";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pl-PL"));
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat(type == ValueType.AMOUNT ? "#,##0.00" : "#,##0.##", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
