package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code help} is written from {@link CommandTable}: every declared option is in it, and every line fits. */
class HelpTextTest {

    @Test
    void theHelpNamesEveryDeclaredOptionOfEveryListedCommand() {
        String help = HelpText.full();
        for (CommandSpec command : CommandTable.COMMANDS) {
            if (command.summary() == null) {
                assertThat(help).as("not in the help: " + command.path()).doesNotContain("\n  " + command.path() + " ");
                continue;
            }
            assertThat(help).contains("\n  " + command.path());
            for (OptionSpec option : command.options()) {
                assertThat(help).as(command.path()).contains(option.usage())
                        .containsPattern("\n {8}" + java.util.regex.Pattern.quote(option.syntax()) + " +"
                                + java.util.regex.Pattern.quote(option.description().split(" ")[0]));
            }
        }
        for (OptionSpec global : CommandTable.GLOBAL) {
            assertThat(help).contains(global.syntax() + " (" + global.description() + ")");
        }
        assertThat(help).contains("run monthly --month RRRR-MM [--snapshot NR]", "runs [--zadanie monthly|mrpips03|ozps] "
                + "[--od RRRR-MM-DD] [--ostatnie N]", "import --dir KATALOG [--out KATALOG] [--stan-na RRRR-MM-DD]");
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
    }

    @Test
    void theHelpOfOneCommand() {
        String monthly = HelpText.of(List.of("run", "monthly"));
        assertThat(monthly).startsWith("  run monthly --month RRRR-MM [--snapshot NR]")
                .contains("        --niepelny-okres           świadomie policz okres, którego migawka nie obejmuje w całości (dokumenty to mówią)")
                .doesNotContain("run ozps");
        assertThat(HelpText.of(List.of("run"))).contains("  run monthly", "  run mrpips03", "  run ozps");
        assertThat(HelpText.of(List.of("zloz"))).contains("zloz --period RRRR-P|RRRR-R [--przebieg NR]");
    }
}
