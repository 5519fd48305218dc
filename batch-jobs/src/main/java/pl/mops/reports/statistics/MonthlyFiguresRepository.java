package pl.mops.reports.statistics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the aggregates of a job instance from {@code monthly_stat}. */
@Repository
public class MonthlyFiguresRepository {

    private final JdbcTemplate jdbc;

    public MonthlyFiguresRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public MonthlyFigures load(long jobInstanceId) {
        Map<MonthlyFigures.Key, Measures> measures = new HashMap<>();
        jdbc.query("""
                SELECT period_code, grouping_set, district, branch, form, reason,
                       families, persons_in_families, recipients, benefits, amount
                  FROM monthly_stat WHERE job_instance_id = ?""", rs -> {
            MonthlyFigures.Key key = new MonthlyFigures.Key(rs.getString(1), MonthlyFigures.Set.valueOf(rs.getString(2)),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
            measures.put(key, new Measures(rs.getLong(7), (Long) rs.getObject(8, Long.class),
                    (Long) rs.getObject(9, Long.class), (Long) rs.getObject(10, Long.class), rs.getObject(11, BigDecimal.class)));
        }, jobInstanceId);
        return new MonthlyFigures(measures);
    }
}
