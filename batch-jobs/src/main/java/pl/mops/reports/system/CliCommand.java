package pl.mops.reports.system;

/**
 * One command of the program ({@code demo}, {@code run}, {@code runs}, …). What it accepts — sub-commands, options,
 * what their values look like — is declared in {@code cli.CommandTable}, which the launcher checks before it starts.
 */
public interface CliCommand {

    /** the word that selects it */
    String name();

    /** @return how the command ended (a failure is thrown as {@link UserError}) */
    ExitCode execute(CommandLine line);
}
