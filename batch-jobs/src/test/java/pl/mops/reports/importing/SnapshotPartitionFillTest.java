package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.support.DatabaseTest;

/**
 * A snapshot's table made from a query ({@link SnapshotPartitions#createFilled}) takes the parent's definition, not the
 * query's: a column the query leaves out gets the parent's default, the query's own collation gives way to the
 * parent's, and a row the parent's constraints refuse fails the import's transaction. Each case runs in a transaction
 * that is rolled back (the import's own work is in one too), so nothing is left behind.
 */
class SnapshotPartitionFillTest extends DatabaseTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    private static final long ID = 987_654;

    private static final List<String> WITHOUT_FEATURES = List.of("snapshot_id", "swiadczenie_id", "decyzja_id", "osoba_id",
            "forma", "podtyp", "zadanie", "data", "liczba", "kwota", "finansowanie", "rodzina_id");

    private static String realisation(String amount) {
        return "SELECT " + ID + ", CAST('S1' AS text) COLLATE \"pl-PL-x-icu\", 'D1', 'O1', 'ZASILEK_OKRESOWY', NULL, "
                + "'WLASNE', DATE '2025-03-01', 1, " + amount + ", 'DOTACJA', 'R1'";
    }

    @Test
    void aColumnTheQueryLeavesOutGetsTheParentsDefaultAndTheParentsCollationWins() {
        transaction.executeWithoutResult(status -> {
            new SnapshotPartitions(jdbc, ID).createFilled("swiadczenia", WITHOUT_FEATURES, realisation("12.345"));
            assertThat(jdbc.queryForObject("SELECT cechy::text || ' ' || kwota || ' ' || pg_typeof(kwota) FROM swiadczenia_m"
                    + ID, String.class)).isEqualTo("{} 12.35 numeric");
            assertThat(jdbc.queryForObject("SELECT collation_name FROM information_schema.columns WHERE table_name = "
                    + "'swiadczenia_m" + ID + "' AND column_name = 'swiadczenie_id'", String.class)).isEqualTo("C");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_constraint WHERE conrelid = 'swiadczenia_m" + ID
                    + "'::regclass AND conname = 'swiadczenia_kwota_check'", Long.class)).isEqualTo(1);
            status.setRollbackOnly();
        });
    }

    @Test
    void aRowTheParentsConstraintsRefuseFailsTheTransaction() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> new SnapshotPartitions(jdbc, ID)
                .createFilled("swiadczenia", WITHOUT_FEATURES, realisation("-1"))))
                .hasMessageContaining("swiadczenia_kwota_check");
        assertThat(jdbc.queryForObject("SELECT to_regclass('swiadczenia_m" + ID + "') IS NULL", Boolean.class)).isTrue();
    }

    @Test
    void aColumnTheParentDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> new SnapshotPartitions(jdbc, ID).createFilled("osoby", List.of("snapshot_id", "wiek"),
                "SELECT 1, 2")).hasMessageContaining("osoby has no column wiek");
    }
}
