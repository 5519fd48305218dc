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

    private static final java.time.format.DateTimeFormatter POLISH_DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /**
     * The data named in words for the first page of a document read by the council or the public, e.g.
     * „Dane z systemu dziedzinowego według stanu na 30.11.2026; obejmują świadczenia zrealizowane od 01.12.2024.”
     * The fingerprint belongs to the technical appendix ({@link #appendixLine()}). Neither names the snapshot's number:
     * it differs between installations, whose documents of the same data must be the same bytes.
     */
    public String inWords() {
        return "Dane z systemu dziedzinowego według stanu na " + POLISH_DATE.format(coverage.asOf())
                + (coverage.from() == null ? "; nie zawierają zrealizowanych świadczeń."
                : "; obejmują świadczenia zrealizowane od " + POLISH_DATE.format(coverage.from()) + ".");
    }

    /** the line of the technical appendix: the snapshot's whole fingerprint and the span of its data */
    public String appendixLine() {
        return "Migawka danych: odcisk SHA-256 " + fingerprint + "; zakres danych: " + coverage.span() + ".";
    }
}
