package pl.mops.reports.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * {@code mops.time-zone} before Spring starts (the launcher names a database owner's start time before it starts
 * anything): the system property, the environment ({@code MOPS_TIME_ZONE}), {@code ./config/application.yml},
 * the packaged {@code config/application.yml}, else Europe/Warsaw — the places Spring Boot reads it from, in its order.
 */
final class ConfiguredTimeZone {

    static final ZoneId DEFAULT = ZoneId.of("Europe/Warsaw");
    private static final String KEY = "mops.time-zone";

    private ConfiguredTimeZone() {
    }

    static ZoneId resolve() {
        for (String candidate : new String[] {System.getProperty(KEY), System.getenv("MOPS_TIME_ZONE"),
                System.getenv("MOPS_TIMEZONE")}) {
            ZoneId zone = zone(candidate);
            if (zone != null) {
                return zone;
            }
        }
        for (Resource yaml : List.of(new FileSystemResource(Path.of("config", "application.yml")),
                new ClassPathResource("config/application.yml"))) {
            ZoneId zone = zone(fromYaml(yaml));
            if (zone != null) {
                return zone;
            }
        }
        return DEFAULT;
    }

    private static String fromYaml(Resource yaml) {
        try {
            if (!yaml.exists() || (yaml instanceof FileSystemResource file && !Files.isRegularFile(file.getFile().toPath()))) {
                return null;
            }
            YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
            factory.setResources(yaml);
            Properties properties = factory.getObject();
            return properties == null ? null : properties.getProperty(KEY);
        } catch (RuntimeException unreadable) {
            return null; // Spring reports a broken configuration file itself, later
        }
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
