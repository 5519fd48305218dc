package pl.mops.reports.users;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * The roles of the web console. A user has one or more; every page checks them on the server.
 */
public enum Role {

    PLANOWANIE("planowanie", "importy, statystyka miesięczna, MRPiPS-03"),
    STRATEGIA("strategia", "ocena zasobów (OZPS), dokumenty roczne"),
    AUDYTOR("audytor", "tylko odczyt: paczki i ich sprawdzanie"),
    ADMIN("administrator", "użytkownicy, harmonogram, dziennik zdarzeń");

    private final String polishName;
    private final String description;

    Role(String polishName, String description) {
        this.polishName = polishName;
        this.description = description;
    }

    public String polishName() {
        return polishName;
    }

    public String description() {
        return description;
    }

    /** the Spring Security authority, e.g. {@code ROLE_PLANOWANIE} */
    public String authority() {
        return "ROLE_" + name();
    }

    /** "PLANOWANIE, STRATEGIA, AUDYTOR, ADMIN" */
    public static String allowedList() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }

    /**
     * Roles written as on the command line: {@code PLANOWANIE,STRATEGIA} (case and spaces do not matter).
     *
     * @throws UserError (exit 2) naming the allowed roles, for an unknown or missing one
     */
    public static Set<Role> parseList(String text) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            roles.add(Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new UserError("Nieznana rola \"" + part.strip() + "\". Dozwolone role: "
                            + allowedList() + " (kilka — po przecinku, np. PLANOWANIE,STRATEGIA).", ExitCode.INVALID_INPUT, null)));
        }
        if (roles.isEmpty()) {
            throw new UserError("Podaj co najmniej jedną rolę. Dozwolone role: " + allowedList() + ".", ExitCode.INVALID_INPUT, null);
        }
        return roles;
    }
}
