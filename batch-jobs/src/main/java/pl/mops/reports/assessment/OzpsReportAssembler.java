package pl.mops.reports.assessment;

import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.database.Dictionaries;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.publication.DocumentProtector;
import pl.mops.reports.publication.ProtectionReport;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.publication.PublicationProperties;
import pl.mops.reports.rendering.model.ReportDocument;

/**
 * Gathers what steps 1 and 2 of an assessment run stored ({@code ozps_*}) and builds its document; for the publication
 * profile the document then goes through disclosure control ({@link OzpsProtectionLayout}). The rendering step and
 * the console's page draw the same document.
 */
@Component
public class OzpsReportAssembler {

    private final OzpsRepository repository;
    private final SnapshotRepository snapshots;
    private final Dictionaries dictionaries;
    private final MopsProperties properties;
    private final PublicationProperties publication;

    public OzpsReportAssembler(OzpsRepository repository, SnapshotRepository snapshots, Dictionaries dictionaries,
                               MopsProperties properties, PublicationProperties publication) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.dictionaries = dictionaries;
        this.properties = properties;
        this.publication = publication;
    }

    /** the run's data, its document (protected for the publication profile) and the protection's audit (else null) */
    record Assembled(OzpsData data, ReportDocument document, ProtectionReport protection) {
    }

    /** the document of a run as its files carry it */
    public ReportDocument document(OzpsJobParameters parameters, long instanceId) {
        return assemble(parameters, instanceId).document();
    }

    Assembled assemble(OzpsJobParameters parameters, long instanceId) {
        OzpsData data = data(parameters, instanceId);
        ReportDocument document = new OzpsReportBuilder(data).build();
        if (parameters.profile() != PublicationProfile.PUBLICATION) {
            return new Assembled(data, document, null);
        }
        DocumentProtector.Protected protectedDocument = new DocumentProtector(publication)
                .protect(document, new OzpsProtectionLayout(data.observedYears));
        return new Assembled(data, protectedDocument.document(), protectedDocument.report());
    }

    OzpsData data(OzpsJobParameters parameters, long instanceId) {
        Snapshot snapshot = snapshots.find(parameters.snapshotId()).orElseThrow();
        return new OzpsData(parameters.year(), repository.loadResources(instanceId), repository.loadFigures(instanceId),
                snapshot, properties.unitName(), dictionaries.reasons(), dictionaries.forms());
    }
}
