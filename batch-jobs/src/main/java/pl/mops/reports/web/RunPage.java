package pl.mops.reports.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.ImportResult;
import pl.mops.reports.importing.validation.Pesel;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.runs.BackgroundLaunches;
import pl.mops.reports.runs.JobNames;
import pl.mops.reports.runs.PolishStatus;
import pl.mops.reports.runs.ProgressBoard;
import pl.mops.reports.runs.RunFileRepository;
import pl.mops.reports.runs.RunParameters;
import pl.mops.reports.runs.RunProgress;
import pl.mops.reports.runs.RunHistory;
import pl.mops.reports.runs.RunningExecutions;
import pl.mops.reports.users.Role;
import pl.mops.reports.runs.StepDescriptions;
import pl.mops.reports.system.PolishTimes;

/**
 * What the follow pages show of a run and of a console launch, read from Spring Batch's tables (so a run of the
 * scheduler or of another process too) with the Polish message of a failure from this process's progress events
 * when it ran here: the job's Polish name, its parameters, who launched it, each step with its Polish description,
 * status, start and duration, the outcome and the files of a completed run. The same views are the JSON of
 * {@code …/stan} that the page's script polls.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RunPage {

    public record StepLine(String step, String description, String status, String statusCode, String start,
                           String duration) {
    }

    /**
     * a file of a completed run: its number in the run's list (the download URL's {@code n}, from 0 as on the Files
     * page), name, size and the download link, {@code null} when the user's roles may not download it
     */
    public record FileLink(int n, String name, String size, String url) {
    }

    public record RunView(long executionId, String jobName, String job, String parameters, String launchedBy,
                          String status, String statusCode, boolean running, boolean failed, boolean finished,
                          String start, String duration, String message, List<StepLine> steps, List<FileLink> files,
                          boolean runsHere, boolean restartable) {
    }

    /** one file of an import's summary */
    public record ImportFileLine(String fileName, long read, long loaded, long rejected) {
    }

    public record ImportView(long snapshotId, boolean reused, String reusedText, String span, String fingerprint,
                             List<ImportFileLine> files, long read, long loaded, long rejected, boolean rejectsFile,
                             List<String> remarks) {
    }

    public record LaunchView(String ticket, String description, String launchedBy, String submitted, String state,
                             String stateCode, boolean finished, String message, List<RunView> runs,
                             ImportView importSummary, String outcome) {
    }

    private final JobRepository jobRepository;
    private final ProgressBoard board;
    private final RunFileRepository runFiles;
    private final RunningExecutions running;
    private final MopsProperties properties;
    private final RunHistory history;

    public RunPage(JobRepository jobRepository, ProgressBoard board, RunFileRepository runFiles,
                   RunningExecutions running, MopsProperties properties, RunHistory history) {
        this.history = history;
        this.jobRepository = jobRepository;
        this.board = board;
        this.runFiles = runFiles;
        this.running = running;
        this.properties = properties;
    }

    public Optional<JobExecution> execution(long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public Optional<RunView> run(long executionId) {
        return execution(executionId).map(this::view);
    }

    public RunView view(JobExecution execution) {
        long id = execution.getId();
        BatchStatus status = execution.getStatus();
        boolean finished = !status.isRunning();
        boolean failed = status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                || status == BatchStatus.ABANDONED || status == BatchStatus.UNKNOWN;
        List<StepLine> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing((StepExecution s) -> s.getStartTime() == null ? LocalDateTime.MAX
                        : s.getStartTime()).thenComparingLong(StepExecution::getId))
                .map(this::step).toList();
        List<FileLink> files = new ArrayList<>();
        if (status == BatchStatus.COMPLETED) {
            // numbered and allowed as on the Files page: a link only where the user's roles may download the file
            Optional<RunHistory.Run> run = history.run(id);
            Set<Role> roles = FilesController.roles(SecurityContextHolder.getContext().getAuthentication());
            List<WrittenFile> written = runFiles.filesOfExecution(id);
            for (int i = 0; i < written.size(); i++) {
                WrittenFile file = written.get(i);
                boolean allowed = run.isPresent() && DownloadRules.allows(roles, run.get(), file);
                files.add(new FileLink(i, file.path().getFileName().toString(),
                        FilesController.size(file.sizeBytes()),
                        allowed ? FilesController.downloadPath(id, i) : null));
            }
        }
        String jobName = execution.getJobInstance().getJobName();
        return new RunView(id, jobName, JobNames.polishNameOf(jobName), parameters(execution),
                execution.getJobParameters().getString("launchedBy", "?"), PolishStatus.of(status), status.name(),
                !finished, failed, finished, time(execution.getStartTime()),
                duration(execution.getStartTime(), execution.getEndTime()), failed ? message(execution) : "",
                steps, files, running.runsHere(id), failed && status != BatchStatus.ABANDONED);
    }

    private StepLine step(StepExecution step) {
        return new StepLine(step.getStepName(), StepDescriptions.describe(step.getStepName()),
                PolishStatus.of(step.getStatus()), step.getStatus().name(), time(step.getStartTime()),
                duration(step.getStartTime(), step.getEndTime()));
    }

    /** the Polish reason this process reported, else the first line of the stored exit description (masked) */
    private String message(JobExecution execution) {
        Optional<String> reported = board.of(execution.getId()).stream()
                .filter(p -> p.phase() == RunProgress.Phase.JOB_FINISHED && !p.message().isBlank())
                .map(RunProgress::message).reduce((a, b) -> b);
        String text = reported.orElseGet(() -> {
            String first = storedReason(execution.getExitStatus() == null ? null
                    : execution.getExitStatus().getExitDescription());
            return first.isEmpty() ? "Zadanie zakończone ze statusem „" + PolishStatus.of(execution.getStatus()) + "”."
                    : first;
        });
        String masked = Pesel.masked(text);
        return masked.length() > 500 ? masked.substring(0, 500) + "…" : masked;
    }

    /**
     * the reason of a failure as Spring Batch stored it (the exit description: the exception's class, its message and
     * its stack trace): the first line without the class name
     */
    static String storedReason(String exitDescription) {
        return exitDescription == null ? "" : exitDescription.lines().findFirst().orElse("").strip()
                .replaceFirst("^([\\w$]+\\.)+[\\w$]*(Exception|Error)(:\\s*)?", "");
    }

    static String parameters(JobExecution execution) {
        java.util.Map<String, String> identifying = new java.util.LinkedHashMap<>();
        execution.getJobParameters().getIdentifyingParameters().stream()
                .sorted(Comparator.comparing(JobParameter::name))
                .forEach(p -> identifying.put(p.name(), String.valueOf(p.value())));
        return RunParameters.forClerk(identifying);
    }

    private String time(LocalDateTime stored) {
        return stored == null ? "—" : PolishTimes.seconds(PolishTimes.ofBatch(stored, ZoneId.systemDefault(),
                properties.timeZone()));
    }

    private static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "—";
        }
        return PolishTimes.duration(Duration.between(start, end == null ? LocalDateTime.now() : end));
    }

    /** a console launch: waiting, then its runs; when done the import's summary or the job's outcome */
    public LaunchView view(BackgroundLaunches.Launch launch) {
        List<RunView> runs = launch.executionIds().stream().map(this::run).flatMap(Optional::stream).toList();
        boolean finished = launch.state() == BackgroundLaunches.State.DONE
                || launch.state() == BackgroundLaunches.State.FAILED;
        ImportView summary = launch.result() instanceof ImportResult result ? importView(result) : null;
        return new LaunchView(launch.ticket(), launch.description(), launch.launchedBy(),
                PolishTimes.seconds(launch.submitted().atZone(properties.timeZone())), stateText(launch.state()),
                launch.state().name(), finished, launch.state() == BackgroundLaunches.State.FAILED
                ? forConsole(Pesel.masked(launch.message())) : "", runs, summary, outcome(launch));
    }

    /** the command line's words in a message, with what the console offers instead */
    static String forConsole(String message) {
        return message.contains("--potwierdz-ubytek") ? message + " W konsoli: prześlij pliki ponownie z zaznaczonym "
                + "polem „Potwierdzam ubytek danych”." : message;
    }

    static String stateText(BackgroundLaunches.State state) {
        return switch (state) {
            case WAITING -> "czeka na wolne miejsce";
            case RUNNING -> "w toku";
            case DONE -> "zakończone";
            case FAILED -> "nieudane";
        };
    }

    /** what a finished report launch did when it started no run (the results were already computed) */
    private static String outcome(BackgroundLaunches.Launch launch) {
        if (launch.state() != BackgroundLaunches.State.DONE || launch.result() instanceof ImportResult) {
            return "";
        }
        Object result = launch.result();
        boolean reused = result instanceof pl.mops.reports.statistics.MonthlyStatisticsService.Result r ? r.reused()
                : result instanceof pl.mops.reports.mrpips03.Mrpips03Service.Result r2 ? r2.reused()
                : result instanceof pl.mops.reports.assessment.OzpsAssessmentService.Result r3 && r3.reused();
        return reused ? "Wyniki tego okresu z tej migawki były już policzone — nie liczono ich ponownie (nową wersję "
                + "tworzy opcja „policz ponownie”)." : "Zadanie zakończone.";
    }

    static ImportView importView(ImportResult result) {
        if (result.reused()) {
            return new ImportView(result.snapshot().id(), true, "Pliki są identyczne z migawką nr "
                    + result.snapshot().id() + " (odcisk " + result.snapshot().shortFingerprint() + "…, "
                    + result.snapshot().coverage().describe() + ") — nie utworzono nowej migawki.",
                    result.snapshot().coverage().span(), result.snapshot().shortFingerprint(), List.of(), 0, 0, 0,
                    false, List.of());
        }
        List<ImportFileLine> files = result.files().stream().map(f -> new ImportFileLine(f.stats().file().fileName(),
                f.stats().read(), f.loaded(), f.rejected())).toList();
        List<String> remarks = new ArrayList<>();
        result.files().forEach(f -> f.stats().warnings().forEach(w -> remarks.add(f.stats().file().fileName() + ": "
                + Pesel.masked(w))));
        return new ImportView(result.snapshot().id(), false, "", result.snapshot().coverage().span(),
                result.snapshot().shortFingerprint(), files, result.totalRead(), result.totalLoaded(),
                result.totalRejected(), result.rejectsFile() != null, List.copyOf(remarks));
    }
}
