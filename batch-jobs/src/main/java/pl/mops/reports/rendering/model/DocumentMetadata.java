package pl.mops.reports.rendering.model;

import java.time.Instant;

/**
 * Metadata written into the files (XLSX core properties, PDF info dictionary). Every value is
 * derived from the run's parameters so that the same snapshot and layout give byte-identical files.
 *
 * @param created  the instant written as creation/modification date (e.g. the end of the period)
 * @param author   e.g. "MOPS — Sekcja Planowania i Monitoringu"
 * @param subject  e.g. "Statystyka miesięczna 2025-10, migawka 3 (odcisk ab12…)"
 * @param keywords free text
 */
public record DocumentMetadata(Instant created, String author, String subject, String keywords) {
}
