package pl.mops.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.DatabaseTest;

/**
 * The benchmark on 15 000 families of the project's generator (year 2009, a series of returns no other test uses): the
 * job's cells must equal the hand-written bound's numbers, in layout 2025.1 and in layout 2025.2 (the second run of
 * the period in 2025.2 is a new draft of the same series). The times are printed and written to
 * {@code target/mrpips03-benchmark.txt}; they are not asserted (the machine is shared), see
 * docs/benchmarks.md for measured values.
 */
class Mrpips03BenchmarkTest extends DatabaseTest {

    static final int FAMILIES = Integer.getInteger("mrpips03.bench.families", 15_000);

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    Mrpips03Benchmark benchmark;
    @Autowired
    SyntheticDataGenerator generator;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @TempDir
    Path temp;

    @Test
    void jobEqualsTheBoundAndIsTimed() throws Exception {
        generator.writeCsv(new GeneratorSettings(FAMILIES, 1, 42L, YearMonth.of(2009, 12)), temp);
        Snapshot snapshot = loader.load(temp, "test:synthetic-" + FAMILIES).snapshot();
        benchmark.measure(snapshot.id(), 2009, "2025.1"); // warm-up: JIT, Jasper templates, plans
        Mrpips03Benchmark.Result result = benchmark.measure(snapshot.id(), 2009, "2025.1");
        String rows = String.join(", ", jdbc.query("SELECT file_name || ' ' || rows_loaded FROM snapshot_file "
                + "WHERE snapshot_id = ? ORDER BY file_name", (rs, i) -> rs.getString(1), snapshot.id()));
        String line = String.format(Locale.ROOT, "MRPiPS-03 rok 2009, %d rodzin (%s): zadanie %.2f s, dolna granica SQL %.2f s, "
                        + "stosunek %.2f, komórki %d, zgodne %s", FAMILIES, rows, result.job().toMillis() / 1000.0,
                result.bound().toMillis() / 1000.0, result.ratio(), result.cells(), result.sameNumbers());
        Mrpips03Benchmark.Result v2 = benchmark.measure(snapshot.id(), 2009, "2025.2");
        String line2 = String.format(Locale.ROOT, "MRPiPS-03 rok 2009 w układzie 2025.2: zadanie %.2f s, dolna granica SQL "
                + "%.2f s, komórki %d, zgodne %s", v2.job().toMillis() / 1000.0, v2.bound().toMillis() / 1000.0, v2.cells(),
                v2.sameNumbers());
        System.out.println(line);
        System.out.println(line2);
        Files.writeString(Path.of("target", "mrpips03-benchmark.txt"), line + "\n" + line2 + "\n", StandardCharsets.UTF_8);
        assertThat(result.differences()).isEmpty();
        assertThat(result.sameNumbers()).isTrue();
        assertThat(v2.differences()).isEmpty();
        assertThat(v2.sameNumbers()).isTrue();
    }
}
