package pl.mops.reports.statistics;

import java.util.Map;
import java.util.Objects;

/**
 * The aggregates of one run, as computed by SQL, looked up by group. A group missing from the
 * table had no realisation and reads as zero.
 */
public final class MonthlyFigures {

    /** grouping sets of monthly_stat.grouping_set */
    public enum Set { CITY, DISTRICT, BRANCH, FORM, FORM_DISTRICT, REASON, REASON_DISTRICT }

    public record Key(String period, Set set, String district, String branch, String form, String reason) {
    }

    private final Map<Key, Measures> measures;

    public MonthlyFigures(Map<Key, Measures> measures) {
        this.measures = Map.copyOf(measures);
    }

    public Measures city(String period) {
        return get(new Key(period, Set.CITY, null, null, null, null));
    }

    public Measures district(String period, String district) {
        return get(new Key(period, Set.DISTRICT, district, null, null, null));
    }

    public Measures branch(String period, String branch) {
        return get(new Key(period, Set.BRANCH, null, branch, null, null));
    }

    public Measures form(String period, String form) {
        return get(new Key(period, Set.FORM, null, null, form, null));
    }

    public Measures formInDistrict(String period, String form, String district) {
        return get(new Key(period, Set.FORM_DISTRICT, district, null, form, null));
    }

    public Measures reason(String period, String reason) {
        return get(new Key(period, Set.REASON, null, null, null, reason));
    }

    public Measures reasonInDistrict(String period, String reason, String district) {
        return get(new Key(period, Set.REASON_DISTRICT, district, null, null, reason));
    }

    private Measures get(Key key) {
        return Objects.requireNonNullElse(measures.get(key), Measures.NONE);
    }

    public int size() {
        return measures.size();
    }
}
