package pl.mops.reports.rendering;

/**
 * Polish plural forms of a noun after a number: 1 rodzina, 2–4 rodziny (also 22–24, 32–34…), 0 and 5–21
 * rodzin (also 25–31…, and 12–14, 112–114…). The caller gives the three forms in the case it needs
 * (e.g. accusative after "objęto": rodzinę, rodziny, rodzin).
 */
public final class PolishPlural {

    private PolishPlural() {
    }

    /**
     * @param one  the form for exactly 1 ("rodzina")
     * @param few  the form for 2–4, 22–24… ("rodziny")
     * @param many the form for 0, 5–21, 25–31… ("rodzin")
     */
    public static String of(long n, String one, String few, String many) {
        long abs = Math.abs(n);
        if (abs == 1) {
            return one;
        }
        long lastDigit = abs % 10;
        long lastTwo = abs % 100;
        return lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
    }
}
