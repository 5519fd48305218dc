package pl.mops.reports.system;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Czy chodziło o …?": the nearest of the known words by edit distance, when it is near enough to be a typo. */
public final class Suggestion {

    private Suggestion() {
    }

    /**
     * The candidate nearest to {@code typed} by Levenshtein distance (ignoring case), the first in the given order
     * on a tie; none when even the nearest differs in more than a third of the letters (at least one letter may
     * always differ): {@code profile} → {@code profil}, {@code famlies} → {@code families}, {@code od} ↛ {@code out}.
     */
    public static Optional<String> nearest(String typed, Collection<String> candidates) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(wanted.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
