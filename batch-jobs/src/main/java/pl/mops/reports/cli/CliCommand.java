package pl.mops.reports.cli;

/**
 * One command of the program ({@code demo}, {@code run}, {@code runs}, …). What it accepts — sub-commands, options,
 * what their values look like — is declared in {@link CommandTable}, which the launcher checks before it starts.
 */
public interface CliCommand {

    /** the word that selects it */
    String name();

    /** the syntax, from its declaration in {@link CommandTable} (where the options and the help text come from) */
    default String usage() {
        return CommandTable.usage(name());
    }

    /** @return the exit code */
    int execute(CommandLine line);
}
