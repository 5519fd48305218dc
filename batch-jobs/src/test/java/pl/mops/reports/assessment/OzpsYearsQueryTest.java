package pl.mops.reports.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import pl.mops.reports.database.NamedQueries;
import pl.mops.reports.support.SharedPostgres;

/**
 * {@code ozps-years.sql}: how many realisations, decisions and social work rows each of the years Y−2..Y has — the
 * query that decides "brak danych" — on hand-made rows whose counts are written out below: each kind of row in a
 * different year, rows on the first and last day of the range, and rows just outside it (31 December Y−3,
 * 1 January Y+1) and in another snapshot, which count nowhere.
 */
class OzpsYearsQueryTest {

    @Test
    void countsEachTablesRowsByTheYearOfTheirDateWithinTheThreeYears() {
        String url = SharedPostgres.freshDatabase("ozps_years_query");
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:sql/migration").load().migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(
                new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
        jdbc.getJdbcTemplate().execute("""
                INSERT INTO snapshot (id, source, fingerprint, data_as_of)
                     VALUES (5, 'test', repeat('a', 64), DATE '2025-12-31'), (6, 'test', repeat('b', 64), DATE '2025-12-31');
                INSERT INTO rodziny (snapshot_id, rodzina_id, dzielnica, filia) VALUES (5, 'R1', 'I', 'F1'), (6, 'R1', 'I', 'F1');
                -- decisions: one on the first day of Y-2 (2023), two in 2024, none in 2025; outside: 2022-12-31,
                -- 2026-01-01, and one of snapshot 6 in 2025
                INSERT INTO decyzje (snapshot_id, decyzja_id, rodzina_id, osoba_id, data_wydania, rodzaj)
                     VALUES (5, 'D1', 'R1', 'P1', DATE '2023-01-01', 'ODMOWA'),
                            (5, 'D2', 'R1', 'P1', DATE '2024-02-29', 'PRZYZNANIE'),
                            (5, 'D3', 'R1', 'P1', DATE '2024-12-31', 'PRZYZNANIE'),
                            (5, 'D4', 'R1', 'P1', DATE '2022-12-31', 'PRZYZNANIE'),
                            (5, 'D5', 'R1', 'P1', DATE '2026-01-01', 'PRZYZNANIE'),
                            (6, 'D1', 'R1', 'P1', DATE '2025-05-05', 'PRZYZNANIE');
                -- realisations: three in 2025 (one on its last day), one in 2024, one outside (2026-01-01)
                INSERT INTO swiadczenia (snapshot_id, swiadczenie_id, decyzja_id, osoba_id, forma, zadanie, data, liczba, kwota)
                     VALUES (5, 'S1', 'D2', 'P1', 'ZASILEK_OKRESOWY', 'ZLECONE', DATE '2024-03-01', 1, 100),
                            (5, 'S2', 'D3', 'P1', 'ZASILEK_OKRESOWY', 'ZLECONE', DATE '2025-01-01', 1, 100),
                            (5, 'S3', 'D3', 'P1', 'ZASILEK_OKRESOWY', 'ZLECONE', DATE '2025-06-30', 1, 100),
                            (5, 'S4', 'D3', 'P1', 'ZASILEK_OKRESOWY', 'ZLECONE', DATE '2025-12-31', 1, 100),
                            (5, 'S5', 'D5', 'P1', 'ZASILEK_OKRESOWY', 'ZLECONE', DATE '2026-01-01', 1, 100);
                -- social work: two in 2025, none in the other years; outside: 2022-12-31, and snapshot 6 in 2023
                INSERT INTO praca_socjalna (snapshot_id, rodzina_id, data)
                     VALUES (5, 'R1', DATE '2025-02-01'), (5, 'R1', DATE '2025-02-01'), (5, 'R1', DATE '2022-12-31'),
                            (6, 'R1', DATE '2023-07-01')""");

        List<String> rows = jdbc.query(new NamedQueries().get("ozps-years"), Map.of("snapshotId", 5L, "year", 2025),
                (rs, i) -> rs.getInt("year") + ": " + rs.getLong("realisations") + " / " + rs.getLong("decisions")
                        + " / " + rs.getLong("social_work"));

        // year: realisations / decisions / social work
        assertThat(rows).containsExactly("2023: 0 / 1 / 0", "2024: 1 / 2 / 0", "2025: 3 / 0 / 2");
    }
}
