package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CommandLineRun.Outcome;
import pl.mops.reports.support.SharedPostgres;

/** The command line as a user meets it: exit codes and one-line Polish messages, no stack traces. */
class LauncherTest {

    @TempDir
    Path home;

    private Outcome launch(String... args) {
        return CommandLineRun.launch(home, args);
    }

    @Test
    void helpNeedsNoDatabase() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(new Launcher().launch(new String[] {"help"})).isZero();
        } finally {
            System.setOut(originalOut);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run monthly --month RRRR-MM");
    }

    @Test
    void helpShowsTheDeclaredOptions() {
        Outcome all = CommandLineRun.launchExactly(List.of("help"));
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("  runs [--zadanie monthly|mrpips03|ozps] [--od RRRR-MM-DD] [--ostatnie N]",
                "        --ostatnie N                     ile ostatnich uruchomień pokazać (domyślnie 30)",
                "[--niepelny-okres]", "[--stan-na RRRR-MM-DD]");
        Outcome one = CommandLineRun.launchExactly(List.of("run", "ozps", "--help"));
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).startsWith("  run ozps --year RRRR [--resources PLIK]").doesNotContain("run monthly");
        assertThat(CommandLineRun.launchExactly(List.of("help", "run", "mrpips03")).out())
                .startsWith("  run mrpips03 --period RRRR-P|RRRR-R");
    }

    /** a typo is refused at once: no home folder, no embedded PostgreSQL, no Spring */
    @Test
    void anUnknownOptionIsRefusedBeforeTheDatabaseStarts() {
        Path noHome = home.resolve("nie-ma");
        long start = System.nanoTime();
        Outcome outcome = CommandLineRun.launchExactly(List.of("run", "monthly", "--month", "2025-10", "--profile",
                "publikacja", "--home=" + noHome)); // no datasource: the embedded database would start
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("Błąd: Polecenie \"run monthly\" nie ma opcji --profile. "
                + "Czy chodziło o --profil?\nOpcje polecenia run monthly:\n  --month RRRR-MM ")
                .contains("\n  --profil pelny|publikacja  ").doesNotContain("Exception", "\tat ");
        assertThat(outcome.out()).as("nothing started").isEmpty();
        assertThat(noHome).as("no home folder, no log, no embedded database").doesNotExist();
        assertThat(millis).as("no database start to wait for").isLessThan(5_000);

        for (List<String> args : List.of(List.of("run", "monthly", "--month", "2025-10", "--rerun=tak"),
                List.of("runs", "--ostatnie", "zero"), List.of("run", "monthly", "foo"),
                List.of("run", "monthly", "--month", "2025-10", "--month", "2025-11"), List.of("zloz", "--period", "2025"))) {
            List<String> all = new java.util.ArrayList<>(args);
            all.add("--home=" + noHome);
            Outcome refused = CommandLineRun.launchExactly(all);
            assertThat(refused.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(refused.err()).startsWith("Błąd: ");
        }
        assertThat(noHome).doesNotExist();

        Outcome noCommand = CommandLineRun.launchExactly(List.of("--profil", "publikacja", "--home=" + noHome));
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err().strip()).isEqualTo("Błąd: Podaj polecenie przed opcjami, np. ./mops-reports runs "
                + "--ostatnie 5. Lista poleceń: ./mops-reports help");
        assertThat(CommandLineRun.launchExactly(List.of("--help")).exitCode()).isZero();
    }

    @Test
    void verifyChecksAPackageWithoutDatabaseOrHomeFolder() throws Exception {
        byte[] report = "rok;rodziny\r\n2025;4\r\n".getBytes(StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(report));
        String manifest = "{\"format\": \"mops-paczka-audytora/1\", \"pliki\": [{\"nazwa\": \"raport.csv\", \"rozmiar\": "
                + report.length + ", \"sha256\": \"" + sha + "\"}]}";
        Path intact = zip(home.resolve("dobra-paczka.zip"), manifest, report);
        Path changed = zip(home.resolve("zmieniona-paczka.zip"), manifest, "rok;rodziny\r\n2025;5\r\n"
                .getBytes(StandardCharsets.UTF_8));
        Path noHome = home.resolve("nie-ma");

        Outcome ok = verifyStandalone(noHome, intact);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Paczka nienaruszona: 1 plik");
        Outcome bad = verifyStandalone(noHome, changed);
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("raport.csv");
        Outcome missing = verifyStandalone(noHome);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("Błąd: Podaj plik paczki do sprawdzenia: verify PACZKA.zip");
        assertThat(noHome).as("no home folder, no embedded database").doesNotExist();
    }

    private static Outcome verifyStandalone(Path home, Path... zip) {
        List<String> args = new ArrayList<>(List.of("verify"));
        for (Path z : zip) {
            args.add(z.toString());
        }
        args.add("--home=" + home); // no datasource given: an embedded database would be started if it were needed
        return CommandLineRun.launchExactly(args);
    }

    private static Path zip(Path target, String manifest, byte[] report) throws Exception {
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(target))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("raport.csv"));
            zip.write(report);
            zip.closeEntry();
        }
        return target;
    }

    @Test
    void badMonthIsAOneLinePolishMessageWithExitCodeTwo() {
        Outcome outcome = launch("run", "monthly", "--month", "2025-13");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().strip()).isEqualTo(
                "Błąd: Nieprawidłowa wartość opcji --month: \"2025-13\" (oczekiwano: miesiąc w postaci RRRR-MM, np. 2025-10).");
        assertThat(outcome.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownCommandAndUnknownJob() {
        Outcome unknown = launch("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Nieznane polecenie \"frobnicate\"");
        Outcome job = launch("run", "weekly");
        assertThat(job.exitCode()).isEqualTo(2);
        assertThat(job.err()).contains("Nieznane zadanie \"weekly\"");
    }

    @Test
    void futureMonthIsRefused() {
        Outcome outcome = launch("run", "monthly", "--month", "2999-01");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Miesiąc 2999-01 jeszcze się nie zaczął.");
    }

    @Test
    void runsListsExecutions() {
        Outcome outcome = launch("runs");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).isEmpty();
    }
}
