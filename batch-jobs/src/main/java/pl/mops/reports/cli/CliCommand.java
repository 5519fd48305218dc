package pl.mops.reports.cli;

/** One command of the program ({@code demo}, {@code run}, {@code runs}, …). */
public interface CliCommand {

    /** the word that selects it */
    String name();

    /** one Polish line for the help text, starting with the syntax */
    String usage();

    /** @return the exit code */
    int execute(CommandLine line);
}
