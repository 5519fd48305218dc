package pl.mops.reports;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the installation ({@code mops.*} in {@code config/application.yml}).
 *
 * @param home     the home folder: embedded database, outputs, logs ({@code MOPS_HOME}, default {@code ./mops-home})
 * @param unitName name of the reporting unit printed on every document
 * @param teryt    TERYT code of the gmina
 * @param timeZone time zone of the unit
 */
@ConfigurationProperties("mops")
public record MopsProperties(Path home, String unitName, String teryt, ZoneId timeZone) {

    public MopsProperties {
        if (home == null) {
            home = Path.of("mops-home");
        }
        if (timeZone == null) {
            timeZone = ZoneId.of("Europe/Warsaw");
        }
    }

    public Path outputRoot() {
        return home.resolve("out");
    }
}
