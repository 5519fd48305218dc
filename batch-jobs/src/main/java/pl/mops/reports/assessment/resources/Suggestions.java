package pl.mops.reports.assessment.resources;

import pl.mops.reports.system.Suggestion;

import java.util.Collection;

/** "czy chodziło o …?" for a mistyped key: the allowed key nearest by edit distance, or the list of keys. */
final class Suggestions {

    private static final int MAX_DISTANCE = 3;

    private Suggestions() {
    }

    /** e.g. " — czy chodziło o „kadra”?" or " (dozwolone: a, b, c)." — the end of a sentence */
    static String hint(String typed, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = Suggestion.distance(typed.toLowerCase(java.util.Locale.ROOT), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= MAX_DISTANCE) {
            return " — czy chodziło o „" + best + "”?";
        }
        return " (dozwolone: " + String.join(", ", allowed) + ").";
    }
}
