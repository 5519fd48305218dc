package pl.mops.reports.bench;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The peer of the OZPS assessment: every case-data table of the job — 10.3 (persons and families helped), 10.4
 * (families by reason), 10.5 and 10.6 (cash and non-cash benefits by form) and 10.8 (refusals) — for the years
 * Y−2 … Y, as plain hand-written queries straight from the snapshot's tables, one per table (10.5 and 10.6 are one
 * query grouped by the form's cash flag). They apply the counting rules of {@code mrpips03.md} and
 * {@code sql/queries/ozps-*.sql} written anew, not the job's statements or its reference sets: a realisation's family
 * is its decision's (joined, where the job reads the family the import stored with it); a family's year is that of
 * its realisations, or of its social work when it had none; its size is its distinct members on its last
 * realisation's — else last social work's — date, counted per family by a subquery; a family's reasons in a year are
 * those of its decisions with a realisation in the year; a refusal is an {@code ODMOWA} decision issued in the year.
 * {@link #compare} checks every number against the job's {@code ozps_stat} rows, both ways.
 */
@Component
public class OzpsPeer {

    static final String[] ROWS_10_3 = {"OBJETE_POMOCA", "SWIADCZENIA", "PIENIEZNE", "NIEPIENIEZNE", "PRACA_SOCJALNA",
            "WYLACZNIE_PRACA_SOCJALNA", "KONTRAKT_SOCJALNY"};

    /** one row of a table, with the columns of {@code ozps_stat}: {@code null} where the table has no such figure */
    public record Row(String table, String row, int year, Long families, Long persons, Long recipients, Long benefits,
                      BigDecimal amount, Long decisions) {

        String key() {
            return table + " " + row + " " + year;
        }

        boolean sameAs(Row other) {
            return Objects.equals(families, other.families) && Objects.equals(persons, other.persons)
                    && Objects.equals(recipients, other.recipients) && Objects.equals(benefits, other.benefits)
                    && Objects.equals(decisions, other.decisions)
                    && (amount == null ? other.amount == null : other.amount != null && amount.compareTo(other.amount) == 0);
        }
    }

    /** the realisations of the three years with their year, the family of their decision and the form's cash flag */
    private static final String REALISATIONS = """
            SELECT CAST(extract(year FROM s.data) AS integer) AS year, d.rodzina_id, s.decyzja_id, s.osoba_id, s.forma,
                   s.data, s.liczba, s.kwota, f.cash
              FROM swiadczenia s
              JOIN decyzje d ON d.snapshot_id = s.snapshot_id AND d.decyzja_id = s.decyzja_id
              JOIN dict_form f ON f.code = s.forma
             WHERE s.snapshot_id = ? AND s.data BETWEEN make_date(? - 2, 1, 1) AND make_date(?, 12, 31)""";

    private final JdbcTemplate jdbc;

    /**
     * the size of family {@code alias}.rodzina_id on its reference day {@code alias}.ref: its distinct members that
     * day (one parameter: the snapshot)
     */
    private static String membersOn(String alias) {
        return ("(SELECT count(DISTINCT c.osoba_id) FROM czlonkowie c WHERE c.snapshot_id = ?"
                + " AND c.rodzina_id = %1$s.rodzina_id AND c.data_od <= %1$s.ref AND (c.data_do IS NULL OR c.data_do >= %1$s.ref))").formatted(alias);
    }

    public OzpsPeer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** every row of tables 10.3–10.8 of the assessment of {@code year} from snapshot {@code snapshotId} */
    public List<Row> compute(long snapshotId, int year) {
        List<Row> all = new ArrayList<>(table103(snapshotId, year));
        all.addAll(table104(snapshotId, year));
        all.addAll(tables105and106(snapshotId, year));
        all.addAll(table108(snapshotId, year));
        return all;
    }

    /** 10.3: every row for each of the three years, zeros for a year without data (as the job writes it) */
    private List<Row> table103(long snapshotId, int year) {
        Map<Integer, List<Row>> byYear = new HashMap<>();
        jdbc.query("WITH r AS (" + REALISATIONS + """
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
                    SELECT fam.*, %s AS size
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
                SELECT * FROM fy LEFT JOIN ry USING (year)""".formatted(membersOn("fam")), rs -> {
            int y = rs.getInt(1);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < ROWS_10_3.length; i++) {
                long families = rs.getLong(2 + 2 * i);
                long persons = rs.getLong(3 + 2 * i);
                if (i >= 1 && i <= 3) {
                    int c = 16 + 3 * (i - 1);
                    BigDecimal amount = rs.getBigDecimal(c + 2);
                    rows.add(new Row("10.3", ROWS_10_3[i], y, families, persons, rs.getLong(c), rs.getLong(c + 1),
                            amount == null ? BigDecimal.ZERO : amount, null));
                } else {
                    rows.add(new Row("10.3", ROWS_10_3[i], y, families, persons, null, null, null, null));
                }
            }
            byYear.put(y, rows);
        }, snapshotId, year, year, snapshotId, year, year, snapshotId);
        List<Row> all = new ArrayList<>();
        for (int y = year - 2; y <= year; y++) {
            List<Row> rows = byYear.get(y);
            if (rows == null) { // a year without data: every row zero, as the job writes it
                rows = new ArrayList<>();
                for (int i = 0; i < ROWS_10_3.length; i++) {
                    boolean money = i >= 1 && i <= 3;
                    rows.add(new Row("10.3", ROWS_10_3[i], y, 0L, 0L, money ? 0L : null, money ? 0L : null,
                            money ? BigDecimal.ZERO : null, null));
                }
            }
            all.addAll(rows);
        }
        return all;
    }

    /**
     * 10.4: per reason, the families that had it among the reasons of their decisions realised in the year, and their
     * members; OGOLEM counts each family with a reason once
     */
    private List<Row> table104(long snapshotId, int year) {
        // every family of the realisations is sized (as in 10.3) and joined with its reasons: no semi-join with the
        // reasons, which the planner misjudged into a hash aggregate spilling to disk (x60: over 300 s; this: 107 s)
        return jdbc.query("WITH r AS (" + REALISATIONS + """
                ),
                reasons AS (
                    SELECT DISTINCT r.year, r.rodzina_id, dp.powod
                      FROM r JOIN decyzje_powody dp ON dp.snapshot_id = ? AND dp.decyzja_id = r.decyzja_id
                ),
                sized AS (
                    SELECT f.year, f.rodzina_id, %s AS size
                      FROM (SELECT year, rodzina_id, max(data) AS ref FROM r GROUP BY year, rodzina_id) f
                ),
                facts AS (
                    SELECT x.year, x.rodzina_id, x.powod, s.size
                      FROM reasons x JOIN sized s ON s.year = x.year AND s.rodzina_id = x.rodzina_id
                )
                SELECT powod, year, count(*), sum(size) FROM facts GROUP BY powod, year
                UNION ALL
                SELECT 'OGOLEM', year, count(*), sum(size)
                  FROM (SELECT DISTINCT year, rodzina_id, size FROM facts) f GROUP BY year""".formatted(membersOn("f")),
                (rs, i) -> new Row("10.4", rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), null, null,
                        null, null),
                snapshotId, year, year, snapshotId, snapshotId);
    }

    /**
     * 10.5 (cash forms) and 10.6 (non-cash forms and services), one query: per form and for all forms of the table,
     * the distinct families and recipients, the number of benefits and the amount
     */
    private List<Row> tables105and106(long snapshotId, int year) {
        return jdbc.query("WITH r AS (" + REALISATIONS + """
                )
                SELECT cash, year, forma, count(DISTINCT rodzina_id), count(DISTINCT osoba_id), sum(liczba), sum(kwota)
                  FROM r GROUP BY cash, year, forma
                UNION ALL
                SELECT cash, year, 'OGOLEM', count(DISTINCT rodzina_id), count(DISTINCT osoba_id), sum(liczba), sum(kwota)
                  FROM r GROUP BY cash, year""",
                (rs, i) -> new Row(rs.getBoolean(1) ? "10.5" : "10.6", rs.getString(3), rs.getInt(2), rs.getLong(4),
                        null, rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7), null),
                snapshotId, year, year);
    }

    /**
     * 10.8: the refusals issued in the year, per reason named in the decision (BEZ_POWODU when it names none) and in
     * total: the distinct families and decisions
     */
    private List<Row> table108(long snapshotId, int year) {
        return jdbc.query("""
                WITH refusals AS (
                    SELECT CAST(extract(year FROM data_wydania) AS integer) AS year, decyzja_id, rodzina_id
                      FROM decyzje
                     WHERE snapshot_id = ? AND rodzaj = 'ODMOWA'
                       AND data_wydania BETWEEN make_date(? - 2, 1, 1) AND make_date(?, 12, 31)
                )
                SELECT coalesce(dp.powod, 'BEZ_POWODU'), o.year, count(DISTINCT o.rodzina_id), count(DISTINCT o.decyzja_id)
                  FROM refusals o
                  LEFT JOIN decyzje_powody dp ON dp.snapshot_id = ? AND dp.decyzja_id = o.decyzja_id
                 GROUP BY 1, 2
                UNION ALL
                SELECT 'OGOLEM', year, count(DISTINCT rodzina_id), count(*) FROM refusals GROUP BY year""",
                (rs, i) -> new Row("10.8", rs.getString(1), rs.getInt(2), rs.getLong(3), null, null, null, null,
                        rs.getLong(4)),
                snapshotId, year, year, snapshotId);
    }

    /**
     * differences between the peer's rows and the job's stored tables (run {@code jobInstanceId}), at most
     * {@code limit}: a row that differs, or that only one of them has
     */
    public List<String> compare(List<Row> peer, long jobInstanceId, int limit) {
        Map<String, Row> job = new LinkedHashMap<>();
        jdbc.query("""
                SELECT table_code, row_code, year, families, persons_in_families, recipients, benefits, amount, decisions
                  FROM ozps_stat WHERE job_instance_id = ?""", rs -> {
            Row row = jobRow(rs);
            job.put(row.key(), row);
        }, jobInstanceId);
        Map<String, Row> byKey = new LinkedHashMap<>();
        peer.forEach(p -> byKey.put(p.key(), p));
        List<String> differences = new ArrayList<>();
        for (String key : new TreeSet<>(union(byKey, job))) {
            Row p = byKey.get(key);
            Row j = job.get(key);
            if ((p == null || j == null || !p.sameAs(j)) && differences.size() < limit) {
                differences.add(key + ": zadanie " + (j == null ? "brak wiersza" : j) + ", wzorzec "
                        + (p == null ? "brak wiersza" : p));
            }
        }
        if (byKey.size() != peer.size() && differences.size() < limit) {
            differences.add("wzorzec ma powtórzone wiersze: " + peer.size() + " wierszy, " + byKey.size() + " różnych");
        }
        return differences;
    }

    private static List<String> union(Map<String, Row> a, Map<String, Row> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static Row jobRow(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, Long.class),
                rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
                rs.getBigDecimal(8), rs.getObject(9, Long.class));
    }
}
