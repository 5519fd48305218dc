package pl.mops.reports.mrpips03;

import java.util.ArrayList;
import java.util.List;

import pl.mops.reports.mrpips03.ReturnRepository.RuleResult;

/**
 * Whether a return may be sent to the ministry. Ready only when every control rule was checked and holds; a rule
 * that could not be checked (R ≥ P without a half-year return), or rows without data because an optional file was not
 * supplied, make it ready with a reservation; a failed rule, or a period the data do not cover completely, keeps it
 * not ready. A rule "do przeglądu" (a condition reported for review) is neither a failure nor unchecked: it does not
 * change the readiness (the control report and the summary list it).
 */
public enum Readiness {

    GOTOWE("gotowe do wysłania"),
    GOTOWE_Z_ZASTRZEZENIEM("gotowe z zastrzeżeniem"),
    NIEGOTOWE("niegotowe do wysłania");

    private final String polish;

    Readiness(String polish) {
        this.polish = polish;
    }

    /** e.g. "gotowe z zastrzeżeniem" */
    public String polish() {
        return polish;
    }

    /** the state of one control rule on one return */
    public enum RuleState {
        SPELNIONA("spełniona"), NIESPELNIONA("niespełniona"), NIESPRAWDZONA("niesprawdzona"), NIE_DOTYCZY("nie dotyczy"),
        /** a condition of a rule "do_przegladu" does not hold: listed for review, the return may still be sent */
        DO_PRZEGLADU("do przeglądu");

        private final String polish;

        RuleState(String polish) {
            this.polish = polish;
        }

        public String polish() {
            return polish;
        }
    }

    /** the readiness and, unless ready, its reasons in Polish (one per entry) */
    public record Verdict(Readiness readiness, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * @param incompletePeriod the Polish phrase of what the data hold of the period when they do not cover it
     *                         completely, else {@code null}
     */
    static Verdict of(List<RuleResult> results, String incompletePeriod) {
        return of(results, incompletePeriod, List.of());
    }

    /**
     * @param missingData one Polish phrase per optional file not supplied (rows without data, {@link MissingData})
     */
    static Verdict of(List<RuleResult> results, String incompletePeriod, List<String> missingData) {
        List<String> blocking = new ArrayList<>();
        List<String> reservations = new ArrayList<>();
        if (incompletePeriod != null) {
            blocking.add("dane nie obejmują całego okresu (" + incompletePeriod + ")");
        }
        reservations.addAll(missingData);
        for (RuleResult result : results) {
            switch (result.state()) {
                case NIESPELNIONA -> blocking.add("reguła " + result.ruleCode() + ": niespełnione warunki: "
                        + result.failed());
                case NIESPRAWDZONA -> reservations.add("reguła " + result.ruleCode() + " nie została sprawdzona"
                        + (result.note() == null ? "" : " \u2014 " + lowerFirst(result.note().replaceFirst("\\.$", ""))));
                default -> {
                }
            }
        }
        if (!blocking.isEmpty()) {
            List<String> all = new ArrayList<>(blocking);
            all.addAll(reservations);
            return new Verdict(NIEGOTOWE, all);
        }
        return reservations.isEmpty() ? new Verdict(GOTOWE, List.of()) : new Verdict(GOTOWE_Z_ZASTRZEZENIEM, reservations);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
