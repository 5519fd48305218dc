package pl.mops.reports.importing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code mops.zrodlo} in {@code config/application.yml}: the case system's database that {@code extract} and the
 * nightly extraction of the schedule read. Never a password: it comes from the environment variable
 * {@code MOPS_SOURCE_PASSWORD} or from the file {@code haslo-plik}, readable only by the service account
 * ({@link SourcePassword}).
 *
 * @param url          {@code jdbc:postgresql://HOST:PORT/BAZA}; empty = no source (the schedule's extraction is off)
 * @param schema       the schema of the tables or views named like the contract's files ({@code schemat}, default
 *                     {@code public})
 * @param user         the database user ({@code uzytkownik}); empty = the driver's default
 * @param passwordFile a file holding the password on its first line ({@code haslo-plik}); empty = the environment
 *                     variable {@code MOPS_SOURCE_PASSWORD}, or no password
 */
@ConfigurationProperties("mops.zrodlo")
public record SourceSettings(String url, @Name("schemat") String schema, @Name("uzytkownik") String user,
                             @Name("haslo-plik") String passwordFile) {

    public SourceSettings {
        url = blankToNull(url);
        schema = blankToNull(schema) == null ? "public" : schema.strip();
        user = blankToNull(user);
        passwordFile = blankToNull(passwordFile);
    }

    public static SourceSettings none() {
        return new SourceSettings(null, null, null, null);
    }

    /** whether a source database is configured ({@code mops.zrodlo.url}) */
    public boolean configured() {
        return url != null;
    }

    public Path passwordPath() {
        return passwordFile == null ? null : Path.of(passwordFile);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
