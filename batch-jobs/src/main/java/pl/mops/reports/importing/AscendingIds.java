package pl.mops.reports.importing;

/**
 * Watches the ids of one file's staged rows (the first staging column, in file order) and tells whether they were
 * strictly ascending. Strictly ascending ids — in any total order; this uses {@link String#compareTo} — are all
 * different, so the file has no repeated id and the set-based duplicate check of {@code import-checks.sql}
 * (stage 1, a hash aggregate over every id: 2–3 s for 1.7 million realisations) can be skipped for it. Exports from a
 * database are usually ordered by id; a file that is not (or really repeats an id) is checked by SQL as before.
 * Rows without a readable id (staged with NULL) are not compared: the SQL check ignores them too.
 */
final class AscendingIds {

    private String previous;
    private boolean ascending = true;

    void add(Object id) {
        if (!ascending || !(id instanceof String current)) {
            return;
        }
        if (previous != null && current.compareTo(previous) <= 0) {
            ascending = false;
            previous = null;
            return;
        }
        previous = current;
    }

    /** true when every id seen was greater than the one before it (no id twice) */
    boolean ascending() {
        return ascending;
    }
}
