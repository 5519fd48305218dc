package pl.mops.reports.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates the schema at start-up ({@code sql/migration}), except for a command that reads through another
 * process's embedded server ({@code mops.database.read-only}): that connection is read-only and the schema is the
 * owner's. Decided here, at run time, and not by switching Flyway off ({@code spring.flyway.enabled=false}), so that a
 * reader has the same beans as any other one-shot command and can start from the definitions processed at build time
 * (cli.AheadOfTime).
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

    @Bean
    FlywayMigrationStrategy migrateUnlessReadingThroughTheOwner(@Value("${mops.database.read-only:false}") boolean reader) {
        return flyway -> {
            if (!reader) {
                flyway.migrate();
            }
        };
    }
}
