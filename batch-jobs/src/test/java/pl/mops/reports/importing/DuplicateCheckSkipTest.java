package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.database.NamedQueries;

/**
 * The duplicate-id check (stage 1 of {@code import-checks.sql}) is left out for a file whose staged ids were strictly
 * ascending — and only then: the corpus cases 31–34 and 80 (repeated ids) show the check still finds every repeat.
 */
class DuplicateCheckSkipTest {

    private static List<Boolean> ascending(String... ids) {
        AscendingIds watch = new AscendingIds();
        List<Boolean> after = new ArrayList<>();
        for (String id : ids) {
            watch.add(id);
            after.add(watch.ascending());
        }
        return after;
    }

    @Test
    void strictlyAscendingIdsProveThereIsNoRepeat() {
        assertThat(ascending("P01", "P02", "P10", "S", "a")).containsOnly(true);
        assertThat(ascending()).isEmpty();
        assertThat(new AscendingIds().ascending()).isTrue(); // an empty file repeats nothing
    }

    @Test
    void aRepeatedOrFallingIdEndsTheProofForGood() {
        assertThat(ascending("P01", "P02", "P02", "P03")).containsExactly(true, true, false, false);
        assertThat(ascending("P01", "P03", "P02", "P04")).containsExactly(true, true, false, false);
        // P01 again, after other ids: not adjacent, still not ascending
        assertThat(ascending("P01", "P02", "P01")).containsExactly(true, true, false);
    }

    @Test
    void rowsWithoutAReadableIdAreNotCompared() {
        AscendingIds watch = new AscendingIds();
        watch.add("P01");
        watch.add(null);
        watch.add("P02");
        watch.add(null);
        assertThat(watch.ascending()).isTrue();
    }

    private static String stageOne() {
        String[] stages = new NamedQueries().get("import-checks").split("(?m)^-- stage");
        assertThat(stages[1]).startsWith(" 1: duplicate ids");
        return stages[1];
    }

    @Test
    void everyFileWithIdsHasItsStatementMarked() {
        List<String> skipped = new ArrayList<>();
        String kept = SnapshotImporter.withoutNeedlessStatements(stageOne(), List.of("osoby.csv", "rodziny.csv",
                "decyzje.csv", "swiadczenia.csv", "kontrakty.csv", "czlonkowie.csv"), skipped);
        assertThat(skipped).containsExactly("osoby.csv", "rodziny.csv", "decyzje.csv", "swiadczenia.csv", "kontrakty.csv");
        // what is left is the plan's check (rok and forma, never ascending ids)
        assertThat(kept).contains("'plan.csv'").doesNotContain("stg_osoby", "stg_rodziny", "stg_decyzje",
                "stg_swiadczenia", "stg_kontrakty");
        assertThat(kept.split("INSERT INTO import_reject", -1)).hasSize(2);
    }

    @Test
    void onlyTheAscendingFilesLoseTheirStatement() {
        List<String> skipped = new ArrayList<>();
        String kept = SnapshotImporter.withoutNeedlessStatements(stageOne(), List.of("swiadczenia.csv"), skipped);
        assertThat(skipped).containsExactly("swiadczenia.csv");
        assertThat(kept).contains("stg_osoby", "stg_rodziny", "stg_decyzje", "stg_kontrakty", "stg_plan")
                .doesNotContain("stg_swiadczenia");
        assertThat(kept.split("INSERT INTO import_reject", -1)).hasSize(6);
    }

    @Test
    void nothingIsLeftOutWhenNoFileWasAscendingOrTheStageHasNoMarks() {
        List<String> skipped = new ArrayList<>();
        assertThat(SnapshotImporter.withoutNeedlessStatements(stageOne(), List.of(), skipped)).isEqualTo(stageOne());
        String stageTwo = new NamedQueries().get("import-checks").split("(?m)^-- stage")[2];
        assertThat(SnapshotImporter.withoutNeedlessStatements(stageTwo, List.of("osoby.csv"), skipped)).isEqualTo(stageTwo);
        assertThat(skipped).isEmpty();
    }
}
