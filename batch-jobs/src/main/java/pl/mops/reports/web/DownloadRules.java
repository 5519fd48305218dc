package pl.mops.reports.web;

import java.util.Set;

import pl.mops.reports.audit.AuditPackageWriter;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.runs.DataJob;
import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.runs.RunHistory;
import pl.mops.reports.users.Role;

/**
 * Who may download which file of a run from the console (README, „Konsola WWW”, „Kto pobiera które pliki”). A file's
 * kind is decided by its run and its name, never by anything in the request:
 * <ul>
 * <li>{@link Kind#AUDITORS_PACKAGE} — {@code …-paczka.zip}: made for the auditors (pseudonyms, no identifiers);</li>
 * <li>{@link Kind#CASE_LEVEL} — files row by row about cases: the import's rejects ({@code odrzucone-N.csv}: source
 *     rows, identifiers, masked PESEL) and the MRPiPS-03 comparison ({@code …-porownanie.xlsx/.pdf}: pseudonyms of
 *     the families and persons behind each differing cell);</li>
 * <li>{@link Kind#PUBLISHED} — the documents of a run with the publication profile (tables for BIP and the city
 *     council, with statistical disclosure control);</li>
 * <li>{@link Kind#DOCUMENT} — every other file: the full tables (unprotected small numbers), the MRPiPS-03 return,
 *     the import's summary.</li>
 * </ul>
 * Rules: ADMIN — every file. Every role — published documents. AUDYTOR — besides, every auditors' package (the full
 * documents and the return are inside it, verifiable against its manifest), nothing else. PLANOWANIE — every file of
 * the data jobs (import, extraction), the monthly statistics and MRPiPS-03; STRATEGIA — every file of the OZPS
 * assessment (case-level files included: they are MOPS staff who fix the exports and explain the numbers).
 */
public final class DownloadRules {

    public enum Kind {
        AUDITORS_PACKAGE("paczka dla audytorów"),
        CASE_LEVEL("dane na poziomie spraw"),
        PUBLISHED("do publikacji"),
        DOCUMENT("dokument");

        private final String polish;

        Kind(String polish) {
            this.polish = polish;
        }

        public String polish() {
            return polish;
        }
    }

    private static final Set<String> PLANNING_JOBS = Set.of(DataJob.IMPORT.batchJobName(),
            DataJob.EXTRACT.batchJobName(), ReportJob.MONTHLY.batchJobName(), ReportJob.MRPIPS03.batchJobName());
    private static final Set<String> STRATEGY_JOBS = Set.of(ReportJob.OZPS.batchJobName());

    private DownloadRules() {
    }

    public static Kind kindOf(RunHistory.Run run, WrittenFile file) {
        String name = fileName(file);
        if (name.endsWith(AuditPackageWriter.SUFFIX)) {
            return Kind.AUDITORS_PACKAGE;
        }
        if (name.startsWith("odrzucone-") || name.contains("-porownanie.") || name.startsWith("system-dziedzinowy-")) {
            return Kind.CASE_LEVEL;
        }
        if (PublicationProfile.PUBLICATION.optionValue().equals(run.parameters().get("profile"))) {
            return Kind.PUBLISHED;
        }
        return Kind.DOCUMENT;
    }

    public static boolean allows(Set<Role> roles, RunHistory.Run run, WrittenFile file) {
        if (roles.contains(Role.ADMIN)) {
            return true;
        }
        Kind kind = kindOf(run, file);
        if (kind == Kind.PUBLISHED && !roles.isEmpty()) {
            return true;
        }
        if (kind == Kind.AUDITORS_PACKAGE && roles.contains(Role.AUDYTOR)) {
            return true;
        }
        return readsEveryFileOf(roles, run.jobName());
    }

    /** whether the roles may download every file of the job's runs, whatever its kind (ADMIN, the job's section) */
    public static boolean readsEveryFileOf(Set<Role> roles, String jobName) {
        return roles.contains(Role.ADMIN) || roles.contains(Role.PLANOWANIE) && PLANNING_JOBS.contains(jobName)
                || roles.contains(Role.STRATEGIA) && STRATEGY_JOBS.contains(jobName);
    }

    /**
     * whether the roles may read the run's document — its page in the console: as they may download the run's
     * document files (kind {@link Kind#DOCUMENT} or {@link Kind#PUBLISHED}; not the package, not case-level files)
     */
    public static boolean allowsDocumentOf(Set<Role> roles, RunHistory.Run run) {
        return run.files().stream().filter(f -> kindOf(run, f) == Kind.DOCUMENT || kindOf(run, f) == Kind.PUBLISHED)
                .anyMatch(f -> allows(roles, run, f));
    }

    static String fileName(WrittenFile file) {
        java.nio.file.Path name = file.path().getFileName();
        return name == null ? file.path().toString() : name.toString();
    }
}
