package pl.mops.reports.mrpips03;

import pl.mops.reports.rendering.model.ValueType;

/**
 * What a column counts (the {@code miara} of a layout column). Counts of people and families are
 * distinct counts over the cell's own predicate; only {@link #SWIADCZENIA}, {@link #KWOTA}, {@link #KONTRAKTY} and
 * {@link #OSOBY_OBJETE} add up.
 */
public enum Measure {
    /** distinct recipients (osoba_id of the realisations; of help without a decision: the person helped) */
    OSOBY(Grain.PERSON, ValueType.COUNT, Lineage.PERSON),
    /** sum of "liczba" of the realisations */
    SWIADCZENIA(Grain.EVENT, ValueType.COUNT, Lineage.NONE),
    /** sum of "kwota", złoty with 2 decimals */
    KWOTA(Grain.EVENT, ValueType.AMOUNT, Lineage.NONE),
    /** distinct families */
    RODZINY(Grain.FAMILY, ValueType.COUNT, Lineage.FAMILY),
    /** sum of the family sizes over the distinct families */
    OSOBY_W_RODZINACH(Grain.FAMILY, ValueType.COUNT, Lineage.FAMILY),
    /** social contracts in force on any day of the period (one fact row per contract) */
    KONTRAKTY(Grain.EVENT, ValueType.COUNT, Lineage.FAMILY),
    /** persons covered by those contracts: the sum of "liczba_osob" (empty = 1) */
    OSOBY_OBJETE(Grain.EVENT, ValueType.COUNT, Lineage.FAMILY);

    /** what the cell's predicate is aggregated over before counting */
    enum Grain { EVENT, FAMILY, PERSON }

    /** what the auditors' lineage (pochodzenie.csv) lists for a cell of this measure */
    enum Lineage {
        /** nothing (sums of benefits and amounts) */
        NONE,
        /** the families counted (for persons in families and for contracts: the families whose members or contracts are summed) */
        FAMILY,
        /** the persons counted */
        PERSON
    }

    private final Grain grain;
    private final ValueType type;
    private final Lineage lineage;

    Measure(Grain grain, ValueType type, Lineage lineage) {
        this.grain = grain;
        this.type = type;
        this.lineage = lineage;
    }

    Grain grain() {
        return grain;
    }

    Lineage lineage() {
        return lineage;
    }

    public ValueType type() {
        return type;
    }
}
