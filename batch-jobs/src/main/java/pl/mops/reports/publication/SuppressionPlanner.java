package pl.mops.reports.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which figures are hidden.
 * <ol>
 *   <li>Primary: a count of families or persons with {@code 1 ≤ value < threshold} ({@link Mark#SMALL}, shown as
 *       {@code <3}). Zero is published.</li>
 *   <li>Tied: every amount, number of benefits or persons in families of a group (same period and dimension
 *       values) that has a small count of families or persons ({@link Mark#HIDDEN}, {@code x}).</li>
 *   <li>Secondary: while some hidden figure is determined by the published ones through the relations
 *       ({@link ExactRowSpace}), hide one more figure of a relation in which it is the only hidden member (if it
 *       has none, of any relation containing it; failing that, of any relation with a hidden member): a published
 *       member, preferring a part over the relation's total, a positive value over zero, the smallest value, and
 *       then the earliest figure in document order. Repeat (ties of newly hidden figures included) until no
 *       hidden figure is determined.</li>
 * </ol>
 * Everything runs in the order the figures are given, so the same document gives the same decisions.
 */
public final class SuppressionPlanner {

    public enum Mark { SMALL, HIDDEN }

    /** a figure with its value ({@code key}, {@code units}, {@code tied}, {@code group} as in {@link CellRole.Figure}) */
    public record Figure(String key, BigDecimal value, boolean units, boolean tied, String group) {
    }

    private SuppressionPlanner() {
    }

    /** @return the hidden figures by key, in the order of {@code figures} */
    public static Map<String, Mark> plan(List<Figure> figures, List<Relation> relations, int threshold) {
        Map<String, Figure> byKey = new LinkedHashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (Figure figure : figures) {
            if (byKey.putIfAbsent(figure.key(), figure) == null) {
                order.put(figure.key(), order.size());
            }
        }
        Map<String, Mark> marks = new HashMap<>();
        Set<String> smallGroups = new HashSet<>();
        BigDecimal limit = BigDecimal.valueOf(threshold);
        for (Figure figure : byKey.values()) {
            if (figure.units() && figure.value().signum() > 0 && figure.value().compareTo(limit) < 0) {
                marks.put(figure.key(), Mark.SMALL);
                smallGroups.add(figure.group());
            }
        }
        for (Figure figure : byKey.values()) {
            if (figure.tied() && smallGroups.contains(figure.group())) {
                marks.putIfAbsent(figure.key(), Mark.HIDDEN);
            }
        }
        Map<String, List<Relation>> relationsOf = new HashMap<>();
        for (Relation relation : relations) {
            for (String member : members(relation)) {
                relationsOf.computeIfAbsent(member, k -> new ArrayList<>()).add(relation);
            }
        }
        while (true) {
            Set<String> unknown = new LinkedHashSet<>();
            for (String key : byKey.keySet()) {
                if (marks.containsKey(key)) {
                    unknown.add(key);
                }
            }
            for (Relation relation : relations) {
                for (String member : members(relation)) {
                    if (!byKey.containsKey(member)) {
                        unknown.add(member); // named by a relation but not published anywhere
                    }
                }
            }
            List<String> determined = ExactRowSpace.determined(relations, unknown).stream()
                    .filter(marks::containsKey).toList();
            if (determined.isEmpty()) {
                break;
            }
            boolean added = false;
            for (String key : determined) {
                // the obvious leak first: a relation in which this figure is the only hidden member (counted live,
                // so a relation that has just received a further hidden figure is not chosen twice in one round)
                List<Relation> leaking = relationsOf.getOrDefault(key, List.of()).stream()
                        .filter(r -> members(r).stream().filter(m -> marks.containsKey(m) || !byKey.containsKey(m))
                                .count() == 1)
                        .toList();
                String candidate = bestCandidate(leaking, byKey, marks, order);
                if (candidate != null) {
                    marks.put(candidate, Mark.HIDDEN);
                    added = true;
                }
            }
            if (!added) { // determined only through several relations: widen the search
                for (String key : determined) {
                    String candidate = bestCandidate(relationsOf.getOrDefault(key, List.of()), byKey, marks, order);
                    if (candidate != null) {
                        marks.put(candidate, Mark.HIDDEN);
                        added = true;
                        break;
                    }
                }
            }
            if (!added) {
                List<Relation> withHidden = relations.stream()
                        .filter(r -> members(r).stream().anyMatch(marks::containsKey)).toList();
                String candidate = bestCandidate(withHidden, byKey, marks, order);
                if (candidate == null) {
                    throw new IllegalStateException("No figure left to hide, yet " + determined.size()
                            + " hidden figures are determined");
                }
                marks.put(candidate, Mark.HIDDEN);
            }
            for (Figure figure : byKey.values()) { // a newly hidden count never makes its group small, but keep ties whole
                if (figure.tied() && smallGroups.contains(figure.group())) {
                    marks.putIfAbsent(figure.key(), Mark.HIDDEN);
                }
            }
        }
        Map<String, Mark> result = new LinkedHashMap<>();
        for (String key : byKey.keySet()) {
            if (marks.containsKey(key)) {
                result.put(key, marks.get(key));
            }
        }
        return result;
    }

    private record Candidate(String key, boolean total, boolean zero, BigDecimal value, int order) {
    }

    private static String bestCandidate(List<Relation> relations, Map<String, Figure> byKey, Map<String, Mark> marks,
                                        Map<String, Integer> order) {
        List<Candidate> candidates = new ArrayList<>();
        for (Relation relation : relations) {
            for (String member : members(relation)) {
                Figure figure = byKey.get(member);
                if (figure == null || marks.containsKey(member)) {
                    continue;
                }
                candidates.add(new Candidate(member, member.equals(relation.total()), figure.value().signum() == 0,
                        figure.value(), order.get(member)));
            }
        }
        return candidates.stream()
                .min(Comparator.comparing(Candidate::total).thenComparing(Candidate::zero)
                        .thenComparing(Candidate::value).thenComparingInt(Candidate::order))
                .map(Candidate::key).orElse(null);
    }

    private static List<String> members(Relation relation) {
        List<String> members = new ArrayList<>(relation.parts().size() + 1);
        members.add(relation.total());
        members.addAll(relation.parts());
        return members;
    }
}
