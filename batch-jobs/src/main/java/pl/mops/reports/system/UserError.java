package pl.mops.reports.system;

/**
 * An expected failure: bad arguments, missing data, an unreachable database. The launcher prints
 * its Polish message as one line (no stack trace) and exits with {@link #exitCode()}.
 */
public class UserError extends RuntimeException {

    private final ExitCode exit;

    public UserError(String polishMessage) {
        this(polishMessage, ExitCode.JOB_FAILED, null);
    }

    public UserError(String polishMessage, ExitCode exit, Throwable cause) {
        super(polishMessage, cause);
        this.exit = exit;
    }

    public ExitCode exit() {
        return exit;
    }

    /** the process exit code ({@link ExitCode#code()}) */
    public int exitCode() {
        return exit.code();
    }
}
