package pl.mops.reports.runs;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * The one rule by which every report job decides, under its period's lock, what a launch does (README, "Ponowne
 * uruchomienie"): among the runs of the period computed from the same inputs, the newest one is
 * <ul>
 * <li>reused when it completed (nothing is computed; its files are shown, or copied to a folder given now),</li>
 * <li>resumed when it failed, stopped or died (the same Spring Batch instance is restarted);</li>
 * </ul>
 * with {@code --rerun}, or when no run has the same inputs, a new run gets the next number; {@code --restart} with
 * nothing to resume is refused. Each job configures it: how to read its parameters, what "the same inputs" means
 * (snapshot; layout; resources file) and which runs share the numbering.
 *
 * @param <P> the job's parameters record
 */
public final class RunDecision<P> {

    /** what the launch does */
    public enum Kind { REUSE, RESUME, NEW }

    /**
     * @param previous           the run reused or resumed ({@code null} for {@link Kind#NEW})
     * @param previousParameters its parameters ({@code null} for {@link Kind#NEW})
     * @param nextNumber         the version or run number a {@link Kind#NEW} run gets
     */
    public record Decision<P>(Kind kind, JobExecution previous, P previousParameters, long nextNumber) {

        public long instanceId() {
            return previous.getJobInstance().getInstanceId();
        }
    }

    /** which runs a new number counts from */
    public enum Numbering {
        /** every run of the period (and profile): versions 1, 2, 3 whatever their snapshot */
        ALL_RUNS,
        /** only the runs with the same inputs: the MRPiPS-03 run number within one snapshot and layout */
        SAME_INPUTS
    }

    private final Function<JobParameters, P> read;
    private final Predicate<P> sameInputs;
    private final ToLongFunction<P> number;
    private final Numbering numbering;
    private final Function<Optional<P>, String> nothingToResume;

    /**
     * @param read            the job's parameters from a Spring Batch execution
     * @param sameInputs      whether a run was computed from the inputs of this launch
     * @param number          a run's version or run number
     * @param nothingToResume the Polish message for {@code --restart} with nothing to resume, given the newest
     *                        completed run with the same inputs, or empty when there is none
     */
    public RunDecision(Function<JobParameters, P> read, Predicate<P> sameInputs, ToLongFunction<P> number,
                       Numbering numbering, Function<Optional<P>, String> nothingToResume) {
        this.read = read;
        this.sameInputs = sameInputs;
        this.number = number;
        this.numbering = numbering;
        this.nothingToResume = nothingToResume;
    }

    /**
     * @param runsOfPeriod the last execution of every instance of the job for the period (and profile), abandoned ones
     *                     already recovered ({@link UnfinishedRuns#recoverAbandoned})
     * @throws UserError (exit 2) for {@code --restart} when there is nothing to resume
     */
    public Decision<P> decide(List<JobExecution> runsOfPeriod, RunOptions options) {
        List<JobExecution> same = runsOfPeriod.stream().filter(e -> sameInputs.test(read.apply(e.getJobParameters())))
                .toList();
        Optional<JobExecution> latest = same.stream()
                .max(Comparator.comparingLong(e -> number.applyAsLong(read.apply(e.getJobParameters()))));
        if (options.restart() && latest.map(e -> e.getStatus() == BatchStatus.COMPLETED).orElse(true)) {
            throw new UserError(nothingToResume.apply(latest.map(e -> read.apply(e.getJobParameters()))),
                    ExitCode.INVALID_INPUT, null);
        }
        if (!options.rerun() && latest.isPresent()) {
            JobExecution previous = latest.get();
            Kind kind = previous.getStatus() == BatchStatus.COMPLETED ? Kind.REUSE : Kind.RESUME;
            return new Decision<>(kind, previous, read.apply(previous.getJobParameters()), 0);
        }
        long next = (numbering == Numbering.ALL_RUNS ? runsOfPeriod : same).stream()
                .mapToLong(e -> number.applyAsLong(read.apply(e.getJobParameters()))).max().orElse(0) + 1;
        return new Decision<>(Kind.NEW, null, null, next);
    }
}
