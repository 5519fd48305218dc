package pl.mops.reports.publication;

import java.util.List;

/**
 * What a cell (or chart point) of a document shows, as far as disclosure control is concerned.
 * The decision to hide is taken per figure, not per cell: the same figure shown in two tables (the city total in
 * table 1 and in the total row of table 2) has the same key and is hidden in both places.
 */
public sealed interface CellRole {

    /**
     * One figure.
     *
     * @param key      measure + period + dimension values, e.g. {@code rodziny|M|dzielnica=I}
     * @param units    a count of families or persons: hidden as {@code <3} when {@code 1 ≤ value < threshold}
     * @param tied     hidden (as {@code x}) when a count of families or persons of the same group is small
     *                 (amounts, numbers of benefits, persons in families of a small number of families)
     * @param group    the unit the figure describes, e.g. {@code M|dzielnica=I}: its families, persons, amount
     * @param amount   a sum of money (any non-negative number); every other figure is a whole number
     */
    record Figure(String key, boolean units, boolean tied, String group, boolean amount) implements CellRole {

        /** a whole number (a count of units, benefits or decisions) */
        public Figure(String key, boolean units, boolean tied, String group) {
            this(key, units, tied, group, false);
        }
    }

    /** a value computed from figures (change, %, per 1 000, forecast): hidden when any of its inputs is hidden */
    record Derived(List<String> inputs) implements CellRole {
        public Derived {
            inputs = List.copyOf(inputs);
        }
    }

    /** a value that is not about the clients (plan, population, staff, places): always published */
    record Public() implements CellRole {
    }

    CellRole PUBLIC = new Public();
}
