package pl.mops.reports.audit;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.NamedQueries;

/** Fills {@link LineageTable#TABLE} with every family count the monthly statistics show ({@code audit-lineage-monthly.sql}). */
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
                "monthStart", Date.valueOf(month.atDay(1))));
    }
}
