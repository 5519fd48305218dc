package pl.mops.reports.bench;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.statistics.Measures;
import pl.mops.reports.statistics.MonthlyFigures;

/**
 * The peer of the monthly statistics job: plain hand-written SQL, one query per part of the report
 * ({@code /work/shared/spec/reports.md}, „Statystyka miesięczna”), straight from the snapshot's tables, computing the
 * numbers the report shows — no job bookkeeping, no stored rows, no files:
 * <ol>
 *   <li>city, districts and branches (tables 1–3) for the month and January–month; the city (table 1) also for both
 *   a year earlier (the report shows no districts or branches a year earlier, and the job stores none);</li>
 *   <li>benefit forms, city and per district (table 5), for the month and January–month;</li>
 *   <li>reasons, city and per district (table 4), families and persons in families, the same periods;</li>
 *   <li>the trend (table 6): the city for each month of the year so far and the same months a year earlier.</li>
 * </ol>
 * Counting rules as {@code mrpips03.md} says (written here independently of {@code monthly-statistics.sql}):
 * families and recipients are distinct counts; persons in families = the sum, over the group's distinct families, of
 * the family's members on the date of its last realisation in the period; a family's reasons are the reasons of its
 * decisions with a realisation in the period. {@link #compare} checks every number against the job's stored figures.
 */
@Component
public class MonthlyPeer {

    /** the longest one peer query may run (a measurement that never ends measures nothing) */
    static final java.time.Duration PEER_LIMIT = java.time.Duration.ofMinutes(10);


    /** one group of one period: the job's key and the peer's measures */
    public record Row(MonthlyFigures.Key key, Measures measures) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public MonthlyPeer(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** the four queries for {@code month} on {@code snapshotId} */
    public List<Row> compute(long snapshotId, YearMonth month) {
        List<Row> rows = new ArrayList<>();
        YearMonth january = month.withMonth(1);
        Map<String, YearMonth[]> main = new LinkedHashMap<>();
        main.put("M", new YearMonth[] {month, month});
        main.put("YTD", new YearMonth[] {january, month});
        main.put("M_PY", new YearMonth[] {month.minusYears(1), month.minusYears(1)});
        main.put("YTD_PY", new YearMonth[] {january.minusYears(1), month.minusYears(1)});
        Map<String, YearMonth[]> current = new LinkedHashMap<>();
        current.put("M", main.get("M"));
        current.put("YTD", main.get("YTD"));
        Map<String, YearMonth[]> trend = new LinkedHashMap<>();
        for (YearMonth m = january; !m.isAfter(month); m = m.plusMonths(1)) {
            trend.put(String.format("T%02d", m.getMonthValue()), new YearMonth[] {m, m});
            trend.put(String.format("P%02d", m.getMonthValue()), new YearMonth[] {m.minusYears(1), m.minusYears(1)});
        }
        transaction.executeWithoutResult(status -> {
            // the same memory as the job's aggregation; and no nested loops: the planner cannot know the size of a
            // CTE grouped by (period, family) and, guessing 200 rows, joined a hundred thousand families to two
            // million realisations one by one (the x10 reasons query ran into the 5-minute statement limit)
            jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '256MB'");
            jdbc.getJdbcTemplate().execute("SET LOCAL enable_nestloop = off");
            // a measurement, not the product: at x60 one of these queries took longer than the program's 5-minute
            // statement limit and ended the whole benchmark run (session 4) — the peer may take as long as it takes
            // statement limit, or the driver's read limit (mops.baza socketTimeout, 5.5 min); but not forever: at x60
            // its reasons query (then a correlated family-size subquery per family, a join since session 6) ran for
            // over 20 minutes in session 5, so the peer gets PEER_LIMIT and the benchmark reports it as stopped (BenchCommand). The pool restores
            // the connection's own read limit when it is returned.
            jdbc.getJdbcTemplate().execute("SET LOCAL statement_timeout = '" + PEER_LIMIT.toMinutes() + "min'");
            javax.sql.DataSource dataSource = jdbc.getJdbcTemplate().getDataSource();
            java.sql.Connection connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
            try {
                connection.setNetworkTimeout(Runnable::run, (int) PEER_LIMIT.plusSeconds(30).toMillis());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(connection, dataSource);
            }
            places(snapshotId, main, rows);
            forms(snapshotId, current, rows);
            reasons(snapshotId, current, rows);
            trend(snapshotId, trend, rows);
        });
        return rows;
    }

    /** differences between the peer's rows and the job's figures, at most {@code limit} (empty: the same numbers) */
    public static List<String> compare(List<Row> peer, MonthlyFigures job, int limit) {
        List<String> differences = new ArrayList<>();
        for (Row row : peer) {
            MonthlyFigures.Key k = row.key();
            Measures stored = switch (k.set()) {
                case CITY -> job.city(k.period());
                case DISTRICT -> job.district(k.period(), k.district());
                case BRANCH -> job.branch(k.period(), k.branch());
                case FORM -> job.form(k.period(), k.form());
                case FORM_DISTRICT -> job.formInDistrict(k.period(), k.form(), k.district());
                case REASON -> job.reason(k.period(), k.reason());
                case REASON_DISTRICT -> job.reasonInDistrict(k.period(), k.reason(), k.district());
            };
            Measures p = row.measures();
            boolean reason = k.set() == MonthlyFigures.Set.REASON || k.set() == MonthlyFigures.Set.REASON_DISTRICT;
            boolean same = stored.families() == p.families()
                    && Objects.equals(stored.personsInFamilies(), p.personsInFamilies())
                    && (reason || Objects.equals(stored.recipients(), p.recipients())
                            && Objects.equals(stored.benefits(), p.benefits())
                            && stored.amount() != null && p.amount() != null && stored.amount().compareTo(p.amount()) == 0);
            if (!same && differences.size() < limit) {
                differences.add(k + ": zadanie " + stored + ", wzorzec " + p);
            } else if (!same) {
                break;
            }
        }
        return differences;
    }

    // ---- the four queries ------------------------------------------------------------------------

    /** {@code (VALUES ('M', date, date), …)}: the periods as a table p(code, first_day, last_day) */
    private static String periods(Map<String, YearMonth[]> periods, Map<String, Object> parameters) {
        List<String> values = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, YearMonth[]> e : periods.entrySet()) {
            parameters.put("c" + i, e.getKey());
            parameters.put("a" + i, Date.valueOf(e.getValue()[0].atDay(1)));
            parameters.put("b" + i, Date.valueOf(e.getValue()[1].atEndOfMonth()));
            values.add("(CAST(:c" + i + " AS text), CAST(:a" + i + " AS date), CAST(:b" + i + " AS date))");
            i++;
        }
        return "p(code, first_day, last_day) AS (VALUES " + String.join(", ", values) + ")";
    }

    /**
     * The period's realisations with their family, and each (period, family) with its district, branch and size on
     * its last realisation's date — the common start of the queries below, written once here as plain text.
     */
    private static String realisationsAndFamilies() {
        return """
                r AS (
                    SELECT p.code, s.decyzja_id, d.rodzina_id, s.osoba_id, s.forma, s.data, s.liczba, s.kwota
                      FROM p
                      JOIN swiadczenia s ON s.snapshot_id = :snapshotId AND s.data BETWEEN p.first_day AND p.last_day
                      JOIN decyzje d ON d.snapshot_id = s.snapshot_id AND d.decyzja_id = s.decyzja_id
                ),
                fam AS (
                    SELECT x.code, x.rodzina_id, f.dzielnica, f.filia, count(DISTINCT c.osoba_id) AS size
                      FROM (SELECT code, rodzina_id, max(data) AS last_date FROM r GROUP BY code, rodzina_id) x
                      JOIN rodziny f ON f.snapshot_id = :snapshotId AND f.rodzina_id = x.rodzina_id
                      LEFT JOIN czlonkowie c ON c.snapshot_id = :snapshotId AND c.rodzina_id = x.rodzina_id
                                            AND c.data_od <= x.last_date
                                            AND (c.data_do IS NULL OR c.data_do >= x.last_date)
                     GROUP BY x.code, x.rodzina_id, f.dzielnica, f.filia
                )""";
    }

    /** 1. city, districts, branches: realisation measures joined with the persons of each group's distinct families */
    private void places(long snapshotId, Map<String, YearMonth[]> periods, List<Row> rows) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("snapshotId", snapshotId);
        String sql = "WITH " + periods(periods, parameters) + ",\n" + realisationsAndFamilies() + """
                ,
                m AS (
                    SELECT r.code, GROUPING(fam.dzielnica, fam.filia) AS g, fam.dzielnica, fam.filia,
                           count(DISTINCT r.rodzina_id) AS families, count(DISTINCT r.osoba_id) AS recipients,
                           sum(r.liczba) AS benefits, sum(r.kwota) AS amount
                      FROM r JOIN fam ON fam.code = r.code AND fam.rodzina_id = r.rodzina_id
                     GROUP BY r.code, GROUPING SETS ((), (fam.dzielnica), (fam.filia))
                ),
                s AS (
                    SELECT code, GROUPING(dzielnica, filia) AS g, dzielnica, filia, sum(size) AS persons
                      FROM fam
                     GROUP BY code, GROUPING SETS ((), (dzielnica), (filia))
                )
                SELECT m.code, m.g, m.dzielnica, m.filia, m.families, s.persons, m.recipients, m.benefits, m.amount
                  FROM m JOIN s ON s.code = m.code AND s.g = m.g
                                AND s.dzielnica IS NOT DISTINCT FROM m.dzielnica AND s.filia IS NOT DISTINCT FROM m.filia
                """;
        jdbc.query(sql, parameters, rs -> {
            int g = rs.getInt(2);
            MonthlyFigures.Set set = g == 3 ? MonthlyFigures.Set.CITY : g == 1 ? MonthlyFigures.Set.DISTRICT
                    : MonthlyFigures.Set.BRANCH;
            if (set != MonthlyFigures.Set.CITY && rs.getString(1).endsWith("_PY")) {
                return; // a year earlier the report shows the city only
            }
            rows.add(new Row(new MonthlyFigures.Key(rs.getString(1), set, rs.getString(3), rs.getString(4), null, null),
                    measures(rs)));
        });
    }

    /** 2. forms, city and per district: a family's persons count once per form */
    private void forms(long snapshotId, Map<String, YearMonth[]> periods, List<Row> rows) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("snapshotId", snapshotId);
        String sql = "WITH " + periods(periods, parameters) + ",\n" + realisationsAndFamilies() + """
                ,
                m AS (
                    SELECT r.code, GROUPING(fam.dzielnica) AS g, r.forma, fam.dzielnica,
                           count(DISTINCT r.rodzina_id) AS families, count(DISTINCT r.osoba_id) AS recipients,
                           sum(r.liczba) AS benefits, sum(r.kwota) AS amount
                      FROM r JOIN fam ON fam.code = r.code AND fam.rodzina_id = r.rodzina_id
                     GROUP BY r.code, r.forma, GROUPING SETS ((), (fam.dzielnica))
                ),
                ff AS (SELECT DISTINCT code, rodzina_id, forma FROM r),
                s AS (
                    SELECT ff.code, GROUPING(fam.dzielnica) AS g, ff.forma, fam.dzielnica, sum(fam.size) AS persons
                      FROM ff JOIN fam ON fam.code = ff.code AND fam.rodzina_id = ff.rodzina_id
                     GROUP BY ff.code, ff.forma, GROUPING SETS ((), (fam.dzielnica))
                )
                SELECT m.code, m.g, m.forma, m.dzielnica, m.families, s.persons, m.recipients, m.benefits, m.amount
                  FROM m JOIN s ON s.code = m.code AND s.g = m.g AND s.forma = m.forma
                                AND s.dzielnica IS NOT DISTINCT FROM m.dzielnica
                """;
        jdbc.query(sql, parameters, rs -> {
            boolean city = rs.getInt(2) == 1;
            rows.add(new Row(new MonthlyFigures.Key(rs.getString(1),
                    city ? MonthlyFigures.Set.FORM : MonthlyFigures.Set.FORM_DISTRICT, rs.getString(4), null,
                    rs.getString(3), null), measures(rs)));
        });
    }

    /** 3. reasons, city and per district: families and persons in families */
    private void reasons(long snapshotId, Map<String, YearMonth[]> periods, List<Row> rows) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("snapshotId", snapshotId);
        String sql = "WITH " + periods(periods, parameters) + ",\n" + realisationsAndFamilies() + """
                ,
                fr AS (
                    SELECT DISTINCT r.code, r.rodzina_id, dp.powod
                      FROM r JOIN decyzje_powody dp ON dp.snapshot_id = :snapshotId AND dp.decyzja_id = r.decyzja_id
                )
                SELECT fr.code, GROUPING(fam.dzielnica), fr.powod, fam.dzielnica,
                       count(*), sum(fam.size)
                  FROM fr JOIN fam ON fam.code = fr.code AND fam.rodzina_id = fr.rodzina_id
                 GROUP BY fr.code, fr.powod, GROUPING SETS ((), (fam.dzielnica))
                """;
        jdbc.query(sql, parameters, rs -> {
            boolean city = rs.getInt(2) == 1;
            rows.add(new Row(new MonthlyFigures.Key(rs.getString(1),
                    city ? MonthlyFigures.Set.REASON : MonthlyFigures.Set.REASON_DISTRICT, rs.getString(4), null, null,
                    rs.getString(3)), new Measures(rs.getLong(5), rs.getLong(6), null, null, null)));
        });
    }

    /** 4. the trend: the city, month by month, this year and the last */
    private void trend(long snapshotId, Map<String, YearMonth[]> periods, List<Row> rows) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("snapshotId", snapshotId);
        String sql = "WITH " + periods(periods, parameters) + ",\n" + realisationsAndFamilies() + """
                ,
                m AS (
                    SELECT code, count(DISTINCT rodzina_id) AS families, count(DISTINCT osoba_id) AS recipients,
                           sum(liczba) AS benefits, sum(kwota) AS amount
                      FROM r GROUP BY code
                ),
                s AS (SELECT code, sum(size) AS persons FROM fam GROUP BY code)
                SELECT m.code, 3, NULL, NULL, m.families, s.persons, m.recipients, m.benefits, m.amount
                  FROM m JOIN s USING (code)
                """;
        jdbc.query(sql, parameters, rs -> {
            rows.add(new Row(new MonthlyFigures.Key(rs.getString(1), MonthlyFigures.Set.CITY, null, null, null, null),
                    measures(rs)));
        });
    }

    /** columns 5–9: families, persons, recipients, benefits, amount */
    private static Measures measures(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(9);
        return new Measures(rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), amount);
    }
}
