package pl.mops.reports.publication;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * Who a run's tables are for: {@code pelny} (the full tables, for MOPS itself; the default) or {@code publikacja}
 * (tables for BIP and the city council, with statistical disclosure control, see {@link DocumentProtector}).
 */
public enum PublicationProfile {
    FULL("pelny"),
    PUBLICATION("publikacja");

    private final String optionValue;

    PublicationProfile(String optionValue) {
        this.optionValue = optionValue;
    }

    /** the Polish value of {@code --profil} */
    public String optionValue() {
        return optionValue;
    }

    /** suffix of the output file names: none for the full profile, {@code -publikacja} for the publication */
    public String fileSuffix() {
        return this == FULL ? "" : "-" + optionValue;
    }

    /** {@code --profil} value; absent = full */
    public static PublicationProfile fromOption(String value) {
        if (value == null) {
            return FULL;
        }
        for (PublicationProfile profile : values()) {
            if (profile.optionValue.equals(value)) {
                return profile;
            }
        }
        throw new UserError("Nieznany profil \"" + value + "\". Dostępne: pelny (domyślny), publikacja.", ExitCode.INVALID_INPUT, null);
    }

    /** a stored job parameter; runs from before the profile existed have none and are full runs */
    public static PublicationProfile fromStored(String value) {
        return value == null ? FULL : fromOption(value);
    }
}
