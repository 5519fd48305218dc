package pl.mops.reports.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The peer of the OZPS assessment, for its main table only: 10.3 (persons and families helped) of the years Y−2 … Y, as
 * one plain hand-written query from the snapshot's tables (the counting rules of {@code mrpips03.md}: a family's year
 * is that of its realisations, or of its social work when it had none; its size is its members on its last
 * realisation's — else last social work's — date). Tables 10.4–10.8 have no peer, so the ratio to this peer is
 * an upper bound of the job's overhead. {@link #compare} checks the numbers against the job's {@code ozps_stat} rows.
 */
@Component
public class OzpsPeer {

    static final String[] ROWS = {"OBJETE_POMOCA", "SWIADCZENIA", "PIENIEZNE", "NIEPIENIEZNE", "PRACA_SOCJALNA",
            "WYLACZNIE_PRACA_SOCJALNA", "KONTRAKT_SOCJALNY"};

    /** one row of table 10.3: recipients, benefits and amount only for the rows of realisations */
    public record Row(String row, int year, long families, long persons, Long recipients, Long benefits,
                      BigDecimal amount) {
    }

    private final JdbcTemplate jdbc;

    public OzpsPeer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> compute(long snapshotId, int year) {
        Map<Integer, List<Row>> byYear = new HashMap<>();
        jdbc.query("""
                WITH r AS (
                    SELECT CAST(extract(year FROM s.data) AS integer) AS year, d.rodzina_id, s.osoba_id, s.data,
                           s.liczba, s.kwota, f.cash
                      FROM swiadczenia s
                      JOIN decyzje d ON d.snapshot_id = s.snapshot_id AND d.decyzja_id = s.decyzja_id
                      JOIN dict_form f ON f.code = s.forma
                     WHERE s.snapshot_id = ? AND s.data BETWEEN make_date(? - 2, 1, 1) AND make_date(?, 12, 31)
                ),
                w AS (
                    SELECT CAST(extract(year FROM data) AS integer) AS year, rodzina_id, max(data) AS last_date,
                           bool_or(kontrakt) AS contract
                      FROM praca_socjalna
                     WHERE snapshot_id = ? AND data BETWEEN make_date(? - 2, 1, 1) AND make_date(?, 12, 31)
                     GROUP BY 1, 2
                ),
                rf AS (
                    SELECT year, rodzina_id, max(data) AS last_date, bool_or(cash) AS cash, bool_or(NOT cash) AS noncash
                      FROM r GROUP BY year, rodzina_id
                ),
                fam AS (
                    SELECT coalesce(rf.year, w.year) AS year, coalesce(rf.rodzina_id, w.rodzina_id) AS rodzina_id,
                           coalesce(rf.last_date, w.last_date) AS ref, rf.rodzina_id IS NOT NULL AS benefit,
                           coalesce(rf.cash, false) AS cash, coalesce(rf.noncash, false) AS noncash,
                           w.rodzina_id IS NOT NULL AS work, coalesce(w.contract, false) AS contract
                      FROM rf FULL JOIN w ON w.year = rf.year AND w.rodzina_id = rf.rodzina_id
                ),
                sized AS (
                    SELECT fam.*, (SELECT count(DISTINCT c.osoba_id) FROM czlonkowie c
                                    WHERE c.snapshot_id = ? AND c.rodzina_id = fam.rodzina_id AND c.data_od <= fam.ref
                                      AND (c.data_do IS NULL OR c.data_do >= fam.ref)) AS size
                      FROM fam
                ),
                fy AS (
                    SELECT year,
                           count(*), sum(size),
                           count(*) FILTER (WHERE benefit), sum(size) FILTER (WHERE benefit),
                           count(*) FILTER (WHERE cash), sum(size) FILTER (WHERE cash),
                           count(*) FILTER (WHERE noncash), sum(size) FILTER (WHERE noncash),
                           count(*) FILTER (WHERE work), sum(size) FILTER (WHERE work),
                           count(*) FILTER (WHERE work AND NOT benefit), sum(size) FILTER (WHERE work AND NOT benefit),
                           count(*) FILTER (WHERE contract), sum(size) FILTER (WHERE contract)
                      FROM sized GROUP BY year
                ),
                ry AS (
                    SELECT year,
                           count(DISTINCT osoba_id), sum(liczba), sum(kwota),
                           count(DISTINCT osoba_id) FILTER (WHERE cash), sum(liczba) FILTER (WHERE cash),
                           sum(kwota) FILTER (WHERE cash),
                           count(DISTINCT osoba_id) FILTER (WHERE NOT cash), sum(liczba) FILTER (WHERE NOT cash),
                           sum(kwota) FILTER (WHERE NOT cash)
                      FROM r GROUP BY year
                )
                SELECT * FROM fy LEFT JOIN ry USING (year)""", rs -> {
            int y = rs.getInt(1);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < ROWS.length; i++) {
                long families = rs.getLong(2 + 2 * i);
                long persons = rs.getLong(3 + 2 * i);
                if (i >= 1 && i <= 3) {
                    int c = 16 + 3 * (i - 1);
                    BigDecimal amount = rs.getBigDecimal(c + 2);
                    rows.add(new Row(ROWS[i], y, families, persons, rs.getLong(c), rs.getLong(c + 1),
                            amount == null ? BigDecimal.ZERO : amount));
                } else {
                    rows.add(new Row(ROWS[i], y, families, persons, null, null, null));
                }
            }
            byYear.put(y, rows);
        }, snapshotId, year, year, snapshotId, year, year, snapshotId);
        List<Row> all = new ArrayList<>();
        for (int y = year - 2; y <= year; y++) {
            List<Row> rows = byYear.get(y);
            if (rows == null) { // a year without data: every row zero, as the job writes it
                rows = new ArrayList<>();
                for (int i = 0; i < ROWS.length; i++) {
                    boolean money = i >= 1 && i <= 3;
                    rows.add(new Row(ROWS[i], y, 0, 0, money ? 0L : null, money ? 0L : null,
                            money ? BigDecimal.ZERO : null));
                }
            }
            all.addAll(rows);
        }
        return all;
    }

    /** differences from the job's stored table 10.3 (run {@code jobInstanceId}), at most {@code limit} */
    public List<String> compare(List<Row> peer, long jobInstanceId, int limit) {
        Map<String, Row> job = new HashMap<>();
        jdbc.query("""
                SELECT row_code, year, families, persons_in_families, recipients, benefits, amount
                  FROM ozps_stat WHERE job_instance_id = ? AND table_code = '10.3'""", rs -> {
            job.put(rs.getString(1) + "/" + rs.getInt(2), new Row(rs.getString(1), rs.getInt(2), rs.getLong(3),
                    rs.getLong(4), rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getBigDecimal(7)));
        }, jobInstanceId);
        List<String> differences = new ArrayList<>();
        for (Row p : peer) {
            Row j = job.get(p.row() + "/" + p.year());
            boolean same = j != null && j.families() == p.families() && j.persons() == p.persons()
                    && Objects.equals(j.recipients(), p.recipients()) && Objects.equals(j.benefits(), p.benefits())
                    && (j.amount() == null ? p.amount() == null : p.amount() != null && j.amount().compareTo(p.amount()) == 0);
            if (!same && differences.size() < limit) {
                differences.add("10.3 " + p.row() + " " + p.year() + ": zadanie " + j + ", wzorzec " + p);
            }
        }
        if (peer.size() != job.size() && differences.size() < limit) {
            differences.add("10.3: zadanie ma " + job.size() + " wierszy, wzorzec " + peer.size());
        }
        return differences;
    }
}
