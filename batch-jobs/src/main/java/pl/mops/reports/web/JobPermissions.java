package pl.mops.reports.web;

import java.util.Set;

import org.springframework.security.core.Authentication;

import pl.mops.reports.importing.SnapshotExtractJobConfiguration;
import pl.mops.reports.importing.SnapshotImportJobConfiguration;
import pl.mops.reports.runs.ReportJob;

/**
 * Which roles may launch, stop and resume which job from the console: the import, the extraction, the monthly
 * statistics and MRPiPS-03 — PLANOWANIE; the OZPS assessment — STRATEGIA; the administrator every job. Anybody with a
 * role of the console may follow a run (the Pulpit shows them all).
 */
final class JobPermissions {

    private JobPermissions() {
    }

    /** the roles (without {@code ROLE_}) that may launch the Spring Batch job {@code batchJobName} */
    static Set<String> launchers(String batchJobName) {
        if (ReportJob.OZPS.batchJobName().equals(batchJobName)) {
            return Set.of("STRATEGIA", "ADMIN");
        }
        if (ReportJob.MONTHLY.batchJobName().equals(batchJobName) || ReportJob.MRPIPS03.batchJobName().equals(batchJobName)
                || SnapshotImportJobConfiguration.JOB_NAME.equals(batchJobName)
                || SnapshotExtractJobConfiguration.JOB_NAME.equals(batchJobName)) {
            return Set.of("PLANOWANIE", "ADMIN");
        }
        return Set.of("ADMIN");
    }

    /** the Spring Batch names of the jobs this user may launch, stop and resume */
    static Set<String> launchable(Authentication who) {
        java.util.Set<String> jobs = new java.util.HashSet<>();
        for (ReportJob job : ReportJob.values()) {
            if (mayLaunch(who, job.batchJobName())) {
                jobs.add(job.batchJobName());
            }
        }
        for (String job : new String[] {SnapshotImportJobConfiguration.JOB_NAME, SnapshotExtractJobConfiguration.JOB_NAME}) {
            if (mayLaunch(who, job)) {
                jobs.add(job);
            }
        }
        return jobs;
    }

    static boolean mayLaunch(Authentication who, String batchJobName) {
        Set<String> roles = launchers(batchJobName);
        return who != null && who.getAuthorities().stream()
                .anyMatch(a -> roles.contains(a.getAuthority().replaceFirst("^ROLE_", "")));
    }
}
