package pl.mops.reports.importing;

import java.time.OffsetDateTime;

/**
 * A snapshot of the operational data: every loaded row carries its id.
 *
 * @param coverage        the span of days its data cover (first month of realisations – "stan na")
 * @param contractVersion the version of the interchange contract its files use (1, or 2 with kontrakty.csv,
 *                        wsparcie.csv, the column cechy or a version-2 code; {@link ContractVersion})
 */
public record Snapshot(long id, OffsetDateTime createdAt, String source, String fingerprint, Coverage coverage,
        int contractVersion) {

    /** the first 16 hex digits of the fingerprint, as printed in documents */
    public String shortFingerprint() {
        return fingerprint.substring(0, 16);
    }
}
