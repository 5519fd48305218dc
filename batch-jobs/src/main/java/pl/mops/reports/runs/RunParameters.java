package pl.mops.reports.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's identifying parameters as a clerk needs them in a listing: {@code miesiąc 2025-03, migawka 4, wersja 1,
 * profil publikacja} instead of {@code month=2025-03, profile=publikacja, snapshot=4, version=1}. Checksums (of the
 * layout, of the resources file) are left out; a parameter without a Polish name is shown as it is.
 */
public final class RunParameters {

    /** the stored name and its Polish name, in the order shown */
    private static final Map<String, String> POLISH = new LinkedHashMap<>();

    static {
        POLISH.put("month", "miesiąc");
        POLISH.put("period", "okres");
        POLISH.put("year", "rok");
        POLISH.put("snapshot", "migawka");
        POLISH.put("version", "wersja");
        POLISH.put("source", "źródło");
        POLISH.put("run", "przebieg");
        POLISH.put("layout", "układ");
        POLISH.put("profile", "profil");
    }

    private RunParameters() {
    }

    public static String forClerk(Map<String, String> parameters) {
        List<String> parts = new ArrayList<>();
        POLISH.forEach((name, polish) -> {
            String value = parameters.get(name);
            if (value != null) {
                parts.add(polish + " " + value);
            }
        });
        parameters.forEach((name, value) -> {
            if (!POLISH.containsKey(name) && !name.endsWith("Sha256") && !name.equals("launchedBy")) {
                parts.add(name + "=" + value);
            }
        });
        return String.join(", ", parts);
    }

    /** {@code month=2025-03, snapshot=4} (as {@code LastRuns} and the notification join them) back into a map */
    public static Map<String, String> parse(String joined) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (joined == null || joined.isBlank()) {
            return parameters;
        }
        for (String part : joined.split(", ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parameters.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return parameters;
    }
}
