package pl.mops.reports.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which figures are hidden.
 * <ol>
 *   <li>The relations are checked on the true values: one the counting rules guarantee that does not hold is a
 *       layout error ({@link IllegalStateException}); an {@linkplain Relation#assumed() assumed} one that does not
 *       hold is left out (a reader using it would be wrong). A cover whose total happens to equal the sum of its
 *       parts is audited as a sum (a reader who takes the distinct count for a sum is then right).</li>
 *   <li>Primary: a count of families or persons with {@code 1 ≤ value < threshold} ({@link Mark#SMALL}, shown as
 *       {@code <T}). Zero is published.</li>
 *   <li>Tied: every amount, number of benefits or persons in families of a group (same period and dimension
 *       values) that has a small count of families or persons ({@link Mark#TIED}, {@code x}); a count of zero stays
 *       published (so a count shown as {@code x} is always at least T).</li>
 *   <li>Secondary: the {@link IntervalAudit} computes what a reader with an LP solver can tell about each hidden
 *       figure; for each figure that is not safe (in document order, all in one round) the published figures of least information loss whose hiding lets it reach the values its
 *       protection needs are hidden ({@link Mark#SECONDARY}; {@link IntervalAudit#release}); then the audit runs
 *       again, until every small and tied figure is safe.</li>
 * </ol>
 * Everything runs in the order the figures are given, so the same document gives the same decisions.
 */
public final class SuppressionPlanner {

    /** a figure with its value ({@code key}, {@code units}, {@code tied}, {@code group}, {@code amount} as in {@link CellRole.Figure}) */
    public record Figure(String key, BigDecimal value, boolean units, boolean tied, String group, boolean amount) {

        /** a whole number */
        public Figure(String key, BigDecimal value, boolean units, boolean tied, String group) {
            this(key, value, units, tied, group, false);
        }
    }

    /** the hidden figures by key (in the order of the figures) and the audit of the result */
    public record Plan(Map<String, Mark> marks, ProtectionReport report) {
    }

    private SuppressionPlanner() {
    }

    /** @param level the protection level in percent ({@code mops.publication.protection-level}) */
    public static Plan plan(List<Figure> figures, List<Relation> relations, int threshold, int level) {
        Map<String, Figure> byKey = new LinkedHashMap<>();
        for (Figure figure : figures) {
            byKey.putIfAbsent(figure.key(), figure);
        }
        Map<String, BigDecimal> values = new HashMap<>();
        byKey.forEach((key, figure) -> values.put(key, figure.value()));
        List<Relation> audited = new ArrayList<>();
        ProtectionReport.RelationCounts counts = new ProtectionReport.RelationCounts();
        for (Relation relation : relations) {
            relation.check(values);
            Boolean holds = relation.holdsOn(values);
            if (relation.assumed() && !Boolean.TRUE.equals(holds)) {
                counts.dropped++;
                continue;
            }
            Relation used = relation;
            if (relation.kind() == Relation.Kind.COVER && Boolean.TRUE.equals(holds)
                    && Relation.sum(relation.total(), relation.parts()).holdsOn(values)) {
                used = new Relation(relation.total(), relation.parts(), Relation.Kind.SUM, relation.assumed());
                counts.exactCovers++;
            }
            counts.count(relation);
            audited.add(used);
        }
        List<IntervalAudit.Item> items = byKey.values().stream()
                .map(f -> new IntervalAudit.Item(f.key(), f.value(), f.units(), f.amount())).toList();
        IntervalAudit audit = new IntervalAudit(items, audited, threshold, level);
        Mark[] marks = new Mark[audit.size()];
        Set<String> smallGroups = new HashSet<>();
        BigDecimal limit = BigDecimal.valueOf(threshold);
        List<Figure> ordered = new ArrayList<>(byKey.values());
        for (int i = 0; i < ordered.size(); i++) {
            Figure figure = ordered.get(i);
            if (figure.units() && figure.value().signum() > 0 && figure.value().compareTo(limit) < 0) {
                marks[i] = Mark.SMALL;
                smallGroups.add(figure.group());
            }
        }
        for (int i = 0; i < ordered.size(); i++) {
            Figure figure = ordered.get(i);
            if (marks[i] == null && figure.tied() && smallGroups.contains(figure.group())
                    && !(figure.units() && figure.value().signum() == 0)) {
                marks[i] = Mark.TIED;
            }
        }
        int iterations = 0;
        Set<Integer> pending = null; // the figures not yet safe (all at first); a safe figure stays safe
        while (true) {
            IntervalAudit.Findings findings = audit.audit(marks, false, pending);
            List<Integer> unsafe = findings.byItem().entrySet().stream().filter(e -> !e.getValue().safe())
                    .map(Map.Entry::getKey).toList();
            if (unsafe.isEmpty()) {
                break;
            }
            pending = new HashSet<>(unsafe);
            iterations++;
            if (iterations > audit.size()) {
                throw new IllegalStateException("Secondary suppression does not converge");
            }
            // every unsafe figure gets its release in the same round (waiting for a neighbour's release to be audited
            // first was tried: on small data sets it took hundreds of rounds and hid more, not less)
            boolean changed = false;
            for (int u : unsafe) {
                IntervalAudit.Release release = audit.release(u, marks, findings.byItem().get(u));
                List<Integer> hide = new ArrayList<>(release.hide());
                hide.removeIf(i -> marks[i] != null);
                List<Integer> mask = new ArrayList<>(release.mask());
                mask.removeIf(i -> marks[i] != Mark.SMALL);
                if (hide.isEmpty() && mask.isEmpty() && changed) {
                    continue; // reachable after this round's changes, it seems: audit it again first
                }
                if (hide.isEmpty() && mask.isEmpty()) {
                    Integer fallback = fallback(audit, marks, findings, findings.componentOf().get(u));
                    if (fallback != null) {
                        hide.add(fallback);
                    } else if (marks[u] == Mark.SMALL) {
                        mask.add(u);
                    } else {
                        throw new IllegalStateException("No figure left to hide, yet " + audit.item(u).key()
                                + " is not protected");
                    }
                }
                for (int c : mask) {
                    marks[c] = Mark.MASKED;
                }
                for (int c : hide) {
                    marks[c] = Mark.SECONDARY;
                }
                changed = true;
            }
        }
        IntervalAudit.Findings result = audit.audit(marks, true, null);
        Map<String, Mark> hidden = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (marks[i] != null) {
                hidden.put(ordered.get(i).key(), marks[i]);
            }
        }
        List<IntervalAudit.Finding> found = new ArrayList<>(result.byItem().values());
        return new Plan(hidden, new ProtectionReport(threshold, level, ordered.size(), counts, iterations,
                audit.problemsSolved(), found, narrowest(found, values)));
    }

    /**
     * When no change of published values within reach helps (integrality only): the published member of least
     * information loss of any relation of the component — a part before a total, then the smallest value, then the
     * earliest.
     */
    private static Integer fallback(IntervalAudit audit, Mark[] marks, IntervalAudit.Findings findings,
                                    Integer component) {
        List<Integer> candidates = new ArrayList<>();
        findings.componentOf().forEach((item, c) -> {
            if (c.equals(component)) {
                for (int r : audit.relationsOf(item)) {
                    for (int m : audit.members(r)) {
                        if (marks[m] == null && audit.eligible(m)) {
                            candidates.add(m);
                        }
                    }
                }
            }
        });
        return candidates.stream().distinct().min(Comparator.<Integer, Boolean>comparing(audit::isTotal)
                        .thenComparing(i -> audit.item(i).value()).thenComparing(i -> i))
                .orElse(null);
    }

    /**
     * The narrowest protection left among the tied figures: the smallest of {@code (v − lower)/v} and
     * {@code (upper − v)/v}, in whole percent rounded down; null when there is no tied figure with a positive value.
     */
    private static Integer narrowest(List<IntervalAudit.Finding> findings, Map<String, BigDecimal> values) {
        BigDecimal narrowest = null;
        for (IntervalAudit.Finding finding : findings) {
            BigDecimal value = values.get(finding.key());
            if (finding.role() != Mark.TIED || value.signum() <= 0) {
                continue;
            }
            BigDecimal below = value.subtract(finding.lower()).divide(value, 6, RoundingMode.FLOOR);
            BigDecimal margin = finding.upper() == null ? below
                    : below.min(finding.upper().subtract(value).divide(value, 6, RoundingMode.FLOOR));
            narrowest = narrowest == null ? margin : narrowest.min(margin);
        }
        return narrowest == null ? null : narrowest.movePointRight(2).setScale(0, RoundingMode.FLOOR).intValueExact();
    }
}
