package pl.mops.reports.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.DatabaseTest;

/**
 * {@code sprawy}: the cases behind pseudonyms, for the MOPS's own staff, with the installation's key — on the screen
 * only; never without the key (and never making one); the log says who looked and how many, not which.
 */
class CaseLookupCommandTest extends DatabaseTest {

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    PseudonymSecret secret;

    @Test
    void pseudonymsGivenOrInAFileAreMatchedToTheCasesOfTheSnapshot() throws Exception {
        long snapshot = loader.load(Path.of(getClass().getResource("/statistics/monthly-small").toURI()),
                "test:sprawy").snapshot().id();
        byte[] key = secret.key();
        String family = Pseudonyms.pseudonym(key, Pseudonyms.Kind.RODZINA, "F4");
        String person = Pseudonyms.pseudonym(key, Pseudonyms.Kind.OSOBA, "P8");
        String decision = Pseudonyms.pseudonym(key, Pseudonyms.Kind.DECYZJA, "D6");
        String unknown = "R-0000000000000000";

        CommandLineRun.Outcome listed = CommandLineRun.launch(home(), "sprawy", "--pseudonimy",
                family + "," + person.toLowerCase() + "," + unknown, "--snapshot", String.valueOf(snapshot));
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        // F4 lives in district XIV; P8 is its applicant; D6 is F4's refusal of 5 III 2025 (monthly-small README)
        assertThat(listed.out()).contains("  " + family + "  rodzina F4 (dzielnica XIV)", "  " + person + "  osoba P8",
                "  " + unknown + "  nie znaleziono w migawce nr " + snapshot);

        Path lineage = Files.createTempFile("pochodzenie", ".csv");
        Files.writeString(lineage, "komorka;rodzaj;pseudonim\r\nmiesiac/miasto/rodziny;rodzina;" + family
                + "\r\n2025/10.8/UBOSTWO/decyzje;decyzja;" + decision + "\r\n", StandardCharsets.UTF_8);
        CommandLineRun.Outcome fromFile = CommandLineRun.launch(home(), "sprawy", "--pseudonimy", lineage.toString(),
                "--snapshot", String.valueOf(snapshot));
        assertThat(fromFile.out()).contains("  " + decision + "  decyzja D6 (rodzina F4, ODMOWA z 2025-03-05)",
                "  " + family + "  rodzina F4");
        String log = Files.readString(home().resolve("logs").resolve("mops-reports.log"), StandardCharsets.UTF_8);
        assertThat(log.lines().filter(l -> l.contains("sprawy: ")).toList()).isNotEmpty()
                .allSatisfy(l -> assertThat(l).doesNotContain("F4").doesNotContain("P8").doesNotContain("D6"));
    }

    @Test
    void withoutTheInstallationsKeyNothingIsLookedUpAndNoKeyIsMade() throws Exception {
        Path fresh = Files.createTempDirectory("mops-bez-klucza");
        CommandLineRun.Outcome refused = CommandLineRun.launch(fresh, "sprawy", "--pseudonimy", "R-3f9a0c1d2e4b5a69");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Ta instalacja nie ma klucza pseudonimizacji", "nie tworzy nowego klucza");
        assertThat(fresh.resolve(PseudonymSecret.FILE_NAME)).doesNotExist();
        CommandLineRun.Outcome nothing = CommandLineRun.launch(fresh, "sprawy", "--pseudonimy", "F4");
        assertThat(nothing.err()).contains("nie ma żadnego pseudonimu");
    }
}
