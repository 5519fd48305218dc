package pl.mops.reports.statistics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.database.Dictionaries;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.publication.DocumentProtector;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.publication.ProtectionReport;
import pl.mops.reports.publication.PublicationProperties;
import pl.mops.reports.rendering.model.ReportDocument;

/**
 * Gathers the aggregates, dictionaries, populations and plan of a run and builds its document; for the publication
 * profile the document then goes through disclosure control.
 */
@Component
public class MonthlyReportAssembler {

    private final MonthlyFiguresRepository figures;
    private final Dictionaries dictionaries;
    private final SnapshotRepository snapshots;
    private final JdbcTemplate jdbc;
    private final MopsProperties properties;
    private final PublicationProperties publication;

    public MonthlyReportAssembler(MonthlyFiguresRepository figures, Dictionaries dictionaries,
                                  SnapshotRepository snapshots, JdbcTemplate jdbc, MopsProperties properties,
                                  PublicationProperties publication) {
        this.publication = publication;
        this.figures = figures;
        this.dictionaries = dictionaries;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** a run's document and, for the publication profile, the audit of its protection (else null) */
    public record Assembled(ReportDocument document, ProtectionReport protection) {
    }

    public Assembled assemble(MonthlyJobParameters parameters, long jobInstanceId) {
        Snapshot snapshot = snapshots.find(parameters.snapshotId()).orElseThrow();
        int year = parameters.month().getYear();
        MonthlyReportBuilder.Context context = new MonthlyReportBuilder.Context(parameters, snapshot,
                properties.unitName(), dictionaries.districts(), dictionaries.branches(), dictionaries.reasons(),
                dictionaries.forms(), dictionaries.populations(year), plan(parameters.snapshotId(), year));
        ReportDocument document = new MonthlyReportBuilder(context, figures.load(jobInstanceId)).build();
        if (parameters.profile() != PublicationProfile.PUBLICATION) {
            return new Assembled(document, null);
        }
        Map<String, String> branchOfDistrict = new LinkedHashMap<>();
        context.districts().forEach(d -> branchOfDistrict.put(d.code(), d.branch()));
        DocumentProtector.Protected protectedDocument = new DocumentProtector(publication)
                .protect(document, new MonthlyProtectionLayout(parameters.month(), branchOfDistrict));
        return new Assembled(protectedDocument.document(), protectedDocument.report());
    }

    private Map<String, BigDecimal> plan(long snapshotId, int year) {
        Map<String, BigDecimal> plan = new LinkedHashMap<>();
        jdbc.query("SELECT forma, kwota_planu FROM plan_finansowy WHERE snapshot_id = ? AND rok = ? ORDER BY forma",
                rs -> {
                    plan.put(rs.getString(1), rs.getBigDecimal(2));
                }, snapshotId, year);
        return plan;
    }
}
