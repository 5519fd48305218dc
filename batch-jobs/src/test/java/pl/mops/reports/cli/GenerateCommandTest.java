package pl.mops.reports.cli;

import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.UserError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.generator.SyntheticDataGenerator;

/** {@code generate}: arguments, default output folder, Polish messages with exit code 2. */
class GenerateCommandTest {

    @TempDir
    Path home;

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "generate";
        System.arraycopy(args, 0, all, 1, args.length);
        GenerateCommand command = new GenerateCommand(new SyntheticDataGenerator(), null, new Console(),
                new MopsProperties(home, "MOPS", "1261011", ZoneId.of("Europe/Warsaw")));
        return command.execute(CommandLine.parse(all, Set.of("load"))).code();
    }

    @Test
    void writesIntoTheDefaultFolderUnderTheHome() {
        assertThat(run("--families", "30", "--years", "1", "--seed", "5", "--to", "2025-06")).isZero();
        Path out = home.resolve("dane").resolve("gen-30-5-2025-06");
        assertThat(out.resolve("osoby.csv")).exists();
        assertThat(out.resolve("plan.csv")).exists();
    }

    @Test
    void writesIntoTheGivenFolder() throws Exception {
        Path out = home.resolve("moje");
        assertThat(run("--families=20", "--years=1", "--seed=-3", "--to=2024-12", "--out", out.toString())).isZero();
        assertThat(Files.readAllLines(out.resolve("rodziny.csv"))).hasSize(21);
    }

    @Test
    void badArgumentsArePolishUserErrorsWithExitCodeTwo() {
        assertUserError(new String[] {"--families", "abc"}, "Nieprawidłowa wartość opcji --families: \"abc\"");
        assertUserError(new String[] {"--families", "0"},
                "Nieprawidłowa wartość opcji --families: \"0\" (oczekiwano: liczba rodzin od 1 do 1 000 000).");
        assertUserError(new String[] {"--years", "0"}, "--years");
        assertUserError(new String[] {"--seed", "x1"}, "--seed");
        assertUserError(new String[] {"--to", "2025-13"}, "--to");
        assertUserError(new String[] {"--to", "2999-01"}, "jeszcze się nie skończył");
        assertUserError(new String[] {"--famlies", "10"}, "Polecenie \"generate\" nie ma opcji --famlies. Czy chodziło o --families?");
        assertUserError(new String[] {"teraz"}, "Nieoczekiwany argument \"teraz\"");
    }

    @Test
    void polishPlurals() {
        assertThat(GenerateCommand.plural(1, "rok", "lata", "lat")).isEqualTo("rok");
        assertThat(GenerateCommand.plural(2, "rok", "lata", "lat")).isEqualTo("lata");
        assertThat(GenerateCommand.plural(5, "rok", "lata", "lat")).isEqualTo("lat");
        assertThat(GenerateCommand.plural(12, "rok", "lata", "lat")).isEqualTo("lat");
        assertThat(GenerateCommand.plural(22, "rok", "lata", "lat")).isEqualTo("lata");
        assertThat(GenerateCommand.plural(15_000, "rodzina", "rodziny", "rodzin")).isEqualTo("rodzin");
    }

    private void assertUserError(String[] args, String message) {
        assertThatThrownBy(() -> run(args)).isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.exitCode()).isEqualTo(2);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
