package pl.mops.reports.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import pl.mops.reports.support.SharedPostgres;

/**
 * The start skips Flyway only when it would find nothing to do: on a new database it migrates and records the state;
 * with the same scripts and history it is skipped; a history row edited by hand, or other scripts, run Flyway again —
 * and Flyway's validation still refuses the edited history, as without the fingerprint.
 */
class SchemaFingerprintTest {

    private static final List<String> LOCATIONS = List.of("sql/migration");

    @Test
    void flywayRunsOnlyWhenTheScriptsOrTheHistoryDiffer() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(SharedPostgres.freshDatabase("schema_fingerprint"));
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration").load();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        SchemaFingerprint fingerprint = new SchemaFingerprint(dataSource, null, "flyway_schema_history");
        String scripts = SchemaFingerprint.scriptsSha256(LOCATIONS, SchemaMigration.settings(flyway.getConfiguration()));
        AtomicInteger migrations = new AtomicInteger();
        Runnable migrate = () -> {
            migrations.incrementAndGet();
            flyway.migrate();
        };

        assertThat(fingerprint.migrateIfChanged(scripts, migrate)).as("new database").isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                .as("every script applied").isEqualTo(flyway.info().applied().length).isGreaterThanOrEqualTo(18);
        assertThat(fingerprint.migrateIfChanged(scripts, migrate)).as("same scripts, same history").isFalse();
        assertThat(migrations).hasValue(1);

        assertThat(fingerprint.migrateIfChanged(scripts.replace(scripts.charAt(0), scripts.charAt(0) == 'a' ? 'b' : 'a'),
                migrate)).as("other scripts").isTrue();
        assertThat(migrations).hasValue(2);
        assertThat(fingerprint.migrateIfChanged(scripts, migrate)).as("back to these scripts").isTrue();
        assertThat(fingerprint.migrateIfChanged(scripts, migrate)).isFalse();

        jdbc.update("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '5'");
        assertThatThrownBy(() -> fingerprint.migrateIfChanged(scripts, migrate)).as("edited history")
                .isInstanceOf(FlywayValidateException.class);
        assertThat(migrations).hasValue(4);
        assertThatThrownBy(() -> fingerprint.migrateIfChanged(scripts, migrate)).as("still refused: nothing recorded")
                .isInstanceOf(FlywayValidateException.class);
    }

    @Test
    void flywaysOwnSchemaOffTheSearchPathIsWhereTheStateIsKept() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                SharedPostgres.freshDatabase("schema_fingerprint_schema"));
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:sql/migration")
                .schemas("Raporty MOPS").load();
        SchemaFingerprint fingerprint = new SchemaFingerprint(dataSource, "Raporty MOPS", "flyway_schema_history");
        String scripts = SchemaFingerprint.scriptsSha256(LOCATIONS, SchemaMigration.settings(flyway.getConfiguration()));

        assertThat(fingerprint.migrateIfChanged(scripts, flyway::migrate)).isTrue();
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM \"Raporty MOPS\".schema_fingerprint", Integer.class)).isEqualTo(1);
        assertThat(fingerprint.migrateIfChanged(scripts, () -> {
            throw new AssertionError("Flyway should be skipped");
        })).isFalse();
    }

    @Test
    void theScriptsDigestCoversEveryMigrationScriptAndTheSettings() {
        Flyway flyway = Flyway.configure().locations("classpath:sql/migration").load();
        String settings = SchemaMigration.settings(flyway.getConfiguration());
        String scripts = SchemaFingerprint.scriptsSha256(LOCATIONS, settings);

        assertThat(scripts).hasSize(64).isEqualTo(SchemaFingerprint.scriptsSha256(List.of("sql/migration/"), settings));
        assertThat(SchemaFingerprint.scriptsSha256(LOCATIONS, settings + " ")).isNotEqualTo(scripts);
        assertThat(SchemaFingerprint.scriptsSha256(List.of("sql/queries"), settings)).isNotEqualTo(scripts);
        assertThat(settings).contains("flyway 12.", "table flyway_schema_history");
    }
}
