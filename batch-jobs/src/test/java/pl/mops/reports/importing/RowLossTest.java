package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.SharedPostgres;

/**
 * An export that lost most of a file against the newest snapshot is refused unless {@code --potwierdz-ubytek}:
 * {@code import} as a user types it, on a database of its own (so the newest snapshot is this test's). Every
 * expectation below was worked out from the base set of the corpus (9 persons, 3 plan lines) and the threshold of
 * 50 %. (A refused import leaves no snapshot, but it used a number of the sequence: numbers are read from the output.)
 */
class RowLossTest {

    static final String THRESHOLD = " (próg: migawka musi zachować co najmniej 50 % wierszy każdego pliku poprzedniej)";

    @TempDir
    Path work;

    private final String url = SharedPostgres.freshDatabase("row_loss");

    private CommandLineRun.Outcome importing(Path in, String... options) {
        List<String> args = new ArrayList<>(List.of("import", "--dir", in.toString(), "--out", work.resolve("out").toString()));
        args.addAll(List.of(options));
        return CommandLineRun.launchOn(url, work.resolve("home"), args.toArray(String[]::new));
    }

    private Path set(String name, List<String> extraPersons, List<String> planLines) throws IOException {
        Path in = work.resolve(name);
        Files.createDirectories(in);
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), in.resolve(file));
        }
        ImportCorpusTest.rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(), extraPersons);
        if (planLines == null) {
            Files.delete(in.resolve("plan.csv"));
        } else {
            List<String> plan = new ArrayList<>(List.of("rok;forma;kwota_planu"));
            plan.addAll(planLines);
            Files.writeString(in.resolve("plan.csv"), String.join("\n", plan) + "\n", StandardCharsets.UTF_8);
        }
        return in;
    }

    private static long number(CommandLineRun.Outcome imported) {
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Import danych — migawka nr (\\d+)").matcher(imported.out());
        assertThat(m.find()).as(imported.out()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long snapshots() {
        String listing = CommandLineRun.launchOn(url, work.resolve("home"), "snapshots").out();
        return listing.lines().filter(l -> l.startsWith("Migawka ")).count();
    }

    private long filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private void assertRefused(CommandLineRun.Outcome outcome, String problems, long snapshotsBefore, long filesBefore)
            throws IOException {
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).contains("Błąd: Import wstrzymany — eksport wygląda na niepełny: " + problems
                + ". Jeśli eksport jest taki, jaki ma być, powtórz polecenie z opcją --potwierdz-ubytek. Nic nie zostało "
                + "zapisane.").doesNotContain("Exception");
        assertThat(snapshots()).isEqualTo(snapshotsBefore);
        assertThat(filesIn(work.resolve("out"))).as("files in the output folder").isEqualTo(filesBefore);
    }

    @Test
    void aSnapshotThatLosesMostOfAFileIsRefusedUnlessConfirmed() throws IOException {
        List<String> plan = List.of("2025;ZASILEK_OKRESOWY;10000.00", "2025;ZASILEK_STALY;12000.00", "2025;POSILEK;5000");
        List<String> twenty = new ArrayList<>();
        for (int i = 10; i < 30; i++) {
            twenty.add("P" + i + ";;1990-01-01;K;;");
        }
        // 29 persons, the first snapshot (nothing to compare with)
        long first = number(importing(set("a", twenty, plan)));

        // 9 persons of 29: 20 lost = 68.9 % → refused, nothing written
        Path nine = set("b", List.of(), plan);
        assertRefused(importing(nine), "z pliku osoby.csv wczytano 9 wierszy, a poprzednia migawka nr " + first
                + " ma z niego 29 wierszy — ubyło 68 %" + THRESHOLD, 1, 2);
        long confirmed = number(importing(nine, "--potwierdz-ubytek"));

        // plan.csv gone (3 plan lines in the confirmed snapshot): all its rows lost
        assertRefused(importing(set("c", List.of(), null)), "pliku plan.csv nie ma w eksporcie, a poprzednia migawka "
                + "nr " + confirmed + " ma z niego 3 wiersze", 2, 4);
        // 2 of 3 lines kept, then 1 of 2 (exactly half): both accepted
        number(importing(set("d", List.of(), plan.subList(0, 2))));
        long half = number(importing(set("e", List.of(), plan.subList(0, 1))));
        // a header only, 1 line before: 100 % lost (an optional file, so only the comparison refuses it)
        assertRefused(importing(set("f", List.of(), List.of())), "z pliku plan.csv wczytano 0 wierszy, a poprzednia "
                + "migawka nr " + half + " ma z niego 1 wiersz — ubyło 100 %" + THRESHOLD, 4, 8);
        // the same export confirmed
        number(importing(work.resolve("f"), "--potwierdz-ubytek"));
        assertThat(snapshots()).isEqualTo(5);
    }
}
