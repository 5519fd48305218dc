package pl.mops.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.support.DatabaseTest;

/**
 * The sampler sees a statement of another connection while it runs, for about as long as it runs (a sleep of known
 * length in the database), names it without its comments, and leaves out what ran before it started.
 */
class LongestStatementTest extends DatabaseTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLongestStatementIsSeenForAboutAsLongAsItRan() {
        LongestStatement watch = LongestStatement.watch(dataSource);
        jdbc.execute("-- a comment line of the statement\nSELECT pg_sleep(0.2)");
        jdbc.execute("-- the longer one\nSELECT   pg_sleep(0.9), 'x'");
        jdbc.execute("SELECT pg_sleep(0.3)");
        LongestStatement.Observed observed = watch.stop();

        // seen at most one interval (0.1 s) before its end on an idle machine — a loaded one may delay the sampler, so
        // the bound below only keeps it clear of the other statements' 0.3 s —, never longer than it ran (plus the
        // driver's round trip)
        assertThat(observed.seconds()).isBetween(0.45, 1.2);
        assertThat(observed.beginning()).isEqualTo("SELECT pg_sleep(0.9), 'x'");
    }

    @Test
    void whatRanBeforeTheSamplingIsNotCountedAndStoppingTwiceIsHarmless() {
        jdbc.execute("SELECT pg_sleep(0.4)");
        LongestStatement watch = LongestStatement.watch(dataSource);
        LongestStatement.Observed observed = watch.stop();
        assertThat(observed.seconds()).isLessThan(0.1);
        watch.close();
    }
}
