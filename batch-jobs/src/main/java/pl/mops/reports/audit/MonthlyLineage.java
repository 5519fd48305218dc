package pl.mops.reports.audit;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;

/** Fills {@link LineageTable#TABLE} with the family cells of the monthly statistics ({@code audit-lineage-monthly.sql}). */
@Component
public class MonthlyLineage {

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;

    public MonthlyLineage(NamedParameterJdbcTemplate jdbc, NamedQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    public void fill(long snapshotId, YearMonth month) {
        jdbc.update(queries.get("audit-lineage-monthly"), Map.of(
                "snapshotId", snapshotId,
                "yearStart", Date.valueOf(month.atDay(1).withDayOfYear(1)),
                "monthStart", Date.valueOf(month.atDay(1)),
                "monthEnd", Date.valueOf(month.atEndOfMonth())));
    }
}
