package pl.mops.reports.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Flyway migrates the schema at start-up ({@code sql/migration}), except for a command that reads through another
 * process's embedded server ({@code mops.database.read-only}): that connection is read-only and the schema is the
 * owner's. Decided here, at run time, and not by switching Flyway off ({@code spring.flyway.enabled=false}), so that a
 * reader has the same beans as any other one-shot command and can start from the definitions processed at build time
 * (cli.AheadOfTime). Flyway runs only when the scripts or the schema history differ from those of the last successful
 * migration ({@link SchemaFingerprint}); scripts outside the classpath (a configured file-system location) are not
 * fingerprinted, so Flyway then always runs.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class SchemaMigration {

    @Bean
    FlywayMigrationStrategy migrateUnlessReadingThroughTheOwner(@Value("${mops.database.read-only:false}") boolean reader) {
        return flyway -> {
            if (reader) {
                return;
            }
            Configuration configuration = flyway.getConfiguration();
            if (!Arrays.stream(configuration.getLocations()).allMatch(Location::isClassPath)) {
                flyway.migrate();
                return;
            }
            List<String> locations = Arrays.stream(configuration.getLocations()).map(Location::getRootPath).toList();
            String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                    : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
            new SchemaFingerprint(configuration.getDataSource(), schema, configuration.getTable())
                    .migrateIfChanged(SchemaFingerprint.scriptsSha256(locations, settings(configuration)), flyway::migrate);
        };
    }

    /** Flyway's version and the settings that decide what it applies and where */
    static String settings(Configuration c) {
        return String.join("\n", "flyway " + flywayVersion(), "table " + c.getTable(),
                "schemas " + String.join(",", c.getSchemas()), "default schema " + c.getDefaultSchema(),
                "target " + c.getTarget(), "out of order " + c.isOutOfOrder(),
                "baseline on migrate " + c.isBaselineOnMigrate() + " " + c.getBaselineVersion(),
                "validate on migrate " + c.isValidateOnMigrate(), "placeholders " + new TreeMap<>(c.getPlaceholders()),
                "sql suffixes " + String.join(",", c.getSqlMigrationSuffixes()));
    }

    private static String flywayVersion() {
        try (InputStream in = Flyway.class.getClassLoader().getResourceAsStream("org/flywaydb/core/internal/version.txt")) {
            return in == null ? "?" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
