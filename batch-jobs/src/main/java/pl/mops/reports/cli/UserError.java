package pl.mops.reports.cli;

/**
 * An expected failure: bad arguments, missing data, an unreachable database. The launcher prints
 * its Polish message as one line (no stack trace) and exits with {@link #exitCode()}.
 */
public class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(String polishMessage) {
        this(polishMessage, 1, null);
    }

    public UserError(String polishMessage, int exitCode, Throwable cause) {
        super(polishMessage, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
