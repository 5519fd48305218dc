package pl.mops.reports.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.support.DatabaseTest;

/**
 * At start the dictionaries are copied from config/ only when they differ from the last copy: the same files and
 * untouched tables leave the tables as they are (the same row versions); a table changed by hand, or different rows
 * read from config/, are copied over.
 */
class DictionarySynchronizerTest extends DatabaseTest {

    @Autowired
    DictionarySynchronizer synchronizer;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void restore() {
        synchronizer.synchronize();
    }

    @Test
    void unchangedDictionariesAreNotWrittenAgain() {
        synchronizer.synchronize();
        String before = rowVersions();

        start();

        assertThat(rowVersions()).isEqualTo(before);
    }

    @Test
    void aTableChangedByHandIsCopiedOverAtTheNextStart() {
        synchronizer.synchronize();
        String code = jdbc.queryForObject("SELECT min(code) FROM dict_reason", String.class);
        String name = jdbc.queryForObject("SELECT name FROM dict_reason WHERE code = ?", String.class, code);
        jdbc.update("UPDATE dict_reason SET name = 'zmienione ręcznie' WHERE code = ?", code);
        jdbc.update("DELETE FROM district_population WHERE year = (SELECT min(year) FROM district_population)");
        long population = jdbc.queryForObject("SELECT count(*) FROM district_population", Long.class);

        start();

        assertThat(jdbc.queryForObject("SELECT name FROM dict_reason WHERE code = ?", String.class, code))
                .isEqualTo(name);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM district_population", Long.class)).isGreaterThan(population);
    }

    @Test
    void otherRowsFromConfigAreCopied() {
        synchronizer.synchronize();
        String recorded = jdbc.queryForObject("SELECT config_sha256 FROM dict_sync", String.class);
        // as if config/ had held other dictionaries at the last copy
        jdbc.update("UPDATE dict_sync SET config_sha256 = 'inne'");
        String before = rowVersions();

        start();

        assertThat(rowVersions()).isNotEqualTo(before);
        assertThat(jdbc.queryForList("SELECT config_sha256 FROM dict_sync", String.class)).containsExactly(recorded);
    }

    @Test
    void aDatabaseWithoutARecordedCopyGetsOne() {
        jdbc.update("DELETE FROM dict_sync");

        start();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM dict_sync", Long.class)).isEqualTo(1);
        String before = rowVersions();
        start();
        assertThat(rowVersions()).isEqualTo(before);
    }

    private void start() {
        synchronizer.run(new DefaultApplicationArguments());
    }

    /** the row versions (xmin) of every dictionary table: a rewrite changes them all */
    private String rowVersions() {
        return jdbc.queryForObject("""
                SELECT string_agg(v, ',' ORDER BY v) FROM (
                  SELECT 'r' || xmin::text AS v FROM dict_reason UNION ALL SELECT 'f' || xmin::text FROM dict_form
                  UNION ALL SELECT 's' || xmin::text FROM dict_subtype UNION ALL SELECT 'm' || xmin::text FROM dict_marker
                  UNION ALL SELECT 'b' || xmin::text FROM dict_branch UNION ALL SELECT 'd' || xmin::text FROM dict_district
                  UNION ALL SELECT 'p' || xmin::text FROM district_population) x""", String.class);
    }
}
