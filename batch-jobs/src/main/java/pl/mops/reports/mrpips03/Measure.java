package pl.mops.reports.mrpips03;

import pl.mops.reports.rendering.model.ValueType;

/**
 * What a column counts (the {@code miara} of a layout column). Counts of people and families are
 * distinct counts over the cell's own predicate; only {@link #SWIADCZENIA} and {@link #KWOTA} add up.
 */
public enum Measure {
    /** distinct recipients (osoba_id of the realisations) */
    OSOBY(Grain.PERSON, ValueType.COUNT),
    /** sum of "liczba" of the realisations */
    SWIADCZENIA(Grain.EVENT, ValueType.COUNT),
    /** sum of "kwota", złoty with 2 decimals */
    KWOTA(Grain.EVENT, ValueType.AMOUNT),
    /** distinct families */
    RODZINY(Grain.FAMILY, ValueType.COUNT),
    /** sum of the family sizes over the distinct families */
    OSOBY_W_RODZINACH(Grain.FAMILY, ValueType.COUNT);

    /** what the cell's predicate is aggregated over before counting */
    enum Grain { EVENT, FAMILY, PERSON }

    private final Grain grain;
    private final ValueType type;

    Measure(Grain grain, ValueType type) {
        this.grain = grain;
        this.type = type;
    }

    Grain grain() {
        return grain;
    }

    public ValueType type() {
        return type;
    }
}
