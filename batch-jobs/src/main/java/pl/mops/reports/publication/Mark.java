package pl.mops.reports.publication;

/** Why a figure is hidden in a published document, and so what protection it needs (see {@link IntervalAudit}). */
public enum Mark {
    /** a count of families or persons {@code 1 ≤ v < T}, shown as {@code <T}: a reader must not tell its value */
    SMALL,
    /**
     * a small count shown as {@code x}, because its {@code <T} mark would give it away together with the others'
     * (two parts {@code <3} of a total {@code <3} are 1 each): a reader must not tell its value either
     */
    MASKED,
    /**
     * an amount, number of benefits or persons in families of a group whose count is small, shown as {@code x}: its
     * range must reach the protection level either side of its value
     */
    TIED,
    /** hidden ({@code x}) only so that the others cannot be computed back or narrowed down */
    SECONDARY;

    /** shown as {@code <T} (otherwise {@code x}) */
    public boolean small() {
        return this == SMALL;
    }

    /** a count {@code 1 ≤ v < T}, protected by the small rule (shown as {@code <T} or, masked, as {@code x}) */
    public boolean primary() {
        return this == SMALL || this == MASKED;
    }
}
