package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.SharedPostgres;

/** {@code snapshots} groups counts like the import summary: "1 129", whatever the JVM's locale. */
class SnapshotsListingTest {

    @TempDir
    Path work;

    @Test
    void countsAreGroupedWithASpaceLikeTheSummary() throws IOException {
        Path in = work.resolve("in");
        Files.createDirectories(in);
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), in.resolve(file));
        }
        // 3 rows of the base set + 1 126 = 1 129 rows of social work
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 1126; i++) {
            more.add("R" + (1 + i % 4) + ";2025-03-" + String.format("%02d", 1 + i % 28) + ";0");
        }
        ImportCorpusTest.rewrite(in, "praca_socjalna.csv", StandardCharsets.UTF_8, Map.of(), more);
        String url = SharedPostgres.freshDatabase("snapshots_listing");
        Locale locale = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US); // "1,129" in a US locale
            CommandLineRun.Outcome imported = CommandLineRun.launchOn(url, work.resolve("home"), "import", "--dir",
                    in.toString(), "--out", work.resolve("out").toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).containsPattern("praca_socjalna\\.csv\\s+UTF-8\\s+;\\s+1 129\\s+1 129\\s+0")
                    .contains("praca_socjalna.csv: 1 129 wierszy").doesNotContain("1,129");
            CommandLineRun.Outcome listed = CommandLineRun.launchOn(url, work.resolve("home"), "snapshots");
            assertThat(listed.out()).contains("    praca_socjalna.csv   wczytano 1 129 z 1 129 (odrzucono 0)")
                    .doesNotContain("1,129");
        } finally {
            Locale.setDefault(locale);
        }
    }
}
