package pl.mops.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.bench.BenchmarkReport.CommandJob;
import pl.mops.reports.bench.BenchmarkReport.Copy;
import pl.mops.reports.bench.BenchmarkReport.Job;
import pl.mops.reports.bench.BenchmarkReport.JobKind;
import pl.mops.reports.bench.BenchmarkReport.Scale;
import pl.mops.reports.bench.BenchmarkReport.Startup;

/** The benchmark's arithmetic and tables, on made-up figures (nothing is timed here). */
class BenchmarkReportTest {

    @Test
    void ratiosRatesAndMedians() {
        assertThat(BenchmarkReport.ratio(6.0, 2.0)).isEqualTo(3.0);
        assertThat(BenchmarkReport.ratio(6.0, null)).isNaN();
        assertThat(BenchmarkReport.ratio(6.0, 0.0)).isNaN();
        assertThat(BenchmarkReport.rate(1_000, 4)).isEqualTo(250.0);
        assertThat(BenchmarkReport.rate(1_000, 0)).isNaN();
        assertThat(BenchmarkReport.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(BenchmarkReport.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.0);
        assertThat(BenchmarkReport.median(List.of())).isNaN();
    }

    @Test
    void numbersArePolish() {
        assertThat(BenchmarkReport.number(1_234_567.891, 2)).isEqualTo("1 234 567,89");
        assertThat(BenchmarkReport.number(52_376.4, 0)).isEqualTo("52 376");
        assertThat(BenchmarkReport.number(Double.NaN, 0)).isEqualTo("—");
        assertThat(BenchmarkReport.seconds(7.254)).isEqualTo("7,25");
        assertThat(BenchmarkReport.seconds(12.34)).isEqualTo("12,3");
        assertThat(BenchmarkReport.times(1.456)).isEqualTo("1,46 ×");
        assertThat(BenchmarkReport.times(34.0)).isEqualTo("34,0 ×");
        assertThat(BenchmarkReport.times(Double.NaN)).isEqualTo("—");
    }

    @Test
    void goalsOfTheIssue() {
        assertThat(BenchmarkReport.jobGoalSeconds(JobKind.MONTHLY, 1)).isEqualTo(5);
        assertThat(BenchmarkReport.jobGoalSeconds(JobKind.OZPS, 1)).isEqualTo(5);
        assertThat(BenchmarkReport.jobGoalSeconds(JobKind.MONTHLY, 60)).isEqualTo(20);
        assertThat(BenchmarkReport.jobGoalSeconds(JobKind.MRPIPS03, 60)).isEqualTo(20);
        assertThat(BenchmarkReport.jobGoalSeconds(JobKind.OZPS, 60)).isEqualTo(30);
        assertThat(BenchmarkReport.jobGoalSeconds(JobKind.MONTHLY, 10)).isNaN();
        assertThat(BenchmarkReport.goalAtMost(4.9, 5, "s")).isEqualTo("≤ 5 s: tak");
        assertThat(BenchmarkReport.goalAtMost(5.1, 5, "s")).isEqualTo("≤ 5 s: NIE");
        assertThat(BenchmarkReport.goalAtMost(5.1, Double.NaN, "s")).isEqualTo("—");
        assertThat(BenchmarkReport.goalAtLeast(600_000, 500_000, "wierszy/s")).isEqualTo("≥ 500 000 wierszy/s: tak");
        Job monthly = new Job(JobKind.MONTHLY, "m", 25.0, null, 1.0, 2048, 151.0, null, null);
        assertThat(BenchmarkReport.jobGoals(monthly, 60, 300)).isEqualTo("≤ 20 s: NIE; sterta ≤ 1 024 MiB: NIE; "
                + "polecenie SQL ≤ 150 s: NIE");
        assertThat(BenchmarkReport.jobGoals(monthly, 10, 0)).isEqualTo("sterta ≤ 1 024 MiB: NIE");
    }

    @Test
    void noStatementNearTheLimitMeansAtMostHalfOfIt() {
        assertThat(BenchmarkReport.statementGoal(150.0, 300)).isEqualTo("; polecenie SQL ≤ 150 s: tak");
        assertThat(BenchmarkReport.statementGoal(150.1, 300)).isEqualTo("; polecenie SQL ≤ 150 s: NIE");
        assertThat(BenchmarkReport.statementGoal(Double.NaN, 300)).isEqualTo("; polecenie SQL: nie zmierzono");
        // no limit set: nothing to come near
        assertThat(BenchmarkReport.statementGoal(500.0, 0)).isEmpty();
        assertThat(BenchmarkReport.statementGoal(500.0, Double.NaN)).isEmpty();
    }

    @Test
    void scaleTableShowsEachJobAgainstPeerAndFloor() {
        Scale scale = new Scale(1, 15_000, 374_765, 20.4, "2024-01 – 2025-12", "Maszyna: test.",
                new Copy(200_000, 0.5), new Copy(374_765, 1.0), 7.5, 374_765, 146, 1.25, 300, 0.25, 100_000,
                List.of(new Job(JobKind.MONTHLY, "Statystyka miesięczna 2025-12", 6.0, 2.0, 0.25, 93, 0.5, true, null),
                        new Job(JobKind.OZPS, "Ocena zasobów (OZPS) 2025", 4.0, null, 0.25, 80, Double.NaN, null,
                                "OZPS: bez wzorca.")));
        String text = BenchmarkReport.scaleSection(scale);
        assertThat(text).startsWith("## Skala x1: 15 000 rodzin, 374 765 wierszy, 20 MiB plików (2024-01 – 2025-12)");
        assertThat(text).contains("| COPY pliku świadczeń (swiadczenia.csv) | 200 000 | 0,50 | 400 000 | — | — | — | — |");
        assertThat(text).contains("| COPY wszystkich plików | 374 765 | 1,00 | 374 765 | 1 × (odniesienie) | — | — | — |");
        // 374 765 / 7.5 = 49 969 rows/s = 0.13 of COPY; the longest statement against half the limit of 300 s
        assertThat(text).contains("| import (`import --dir`, ze sprawdzaniem) | 374 765 | 7,50 | 49 969 | 0,13 × | 146 | "
                + "1,25 | ≥ 500 000 wierszy/s: NIE; sterta ≤ 1 024 MiB: tak; polecenie SQL ≤ 150 s: tak |");
        // x1: the job inside the running benchmark is not the goal's measure (from the command): heap and statement
        // only, and a note
        assertThat(text).contains("| Statystyka miesięczna 2025-12 | 6,00 | 2,00 | 3,00 × | 24,0 × | 93 | 0,50 | tak | "
                + "sterta ≤ 1 024 MiB: tak; polecenie SQL ≤ 150 s: tak |");
        assertThat(text).contains("| Ocena zasobów (OZPS) 2025 | 4,00 | — | — | 16,0 × | 80 | — | — | sterta ≤ 1 024 MiB: tak; "
                + "polecenie SQL: nie zmierzono |");
        assertThat(text).contains("Program przerywa polecenie po 300 s (statement_timeout, config/application.yml); cel "
                + "„żadne polecenie blisko limitu” rozumiemy jako najwyżej 50 % limitu (150 s).");
        assertThat(text).doesNotContain("≤ 5 s: tak").doesNotContain("≤ 5 s: NIE");
        assertThat(text).contains("cel x1 — każde zadanie ≤ 5 s od polecenia do ostatniego pliku — jest sprawdzany w "
                + "sekcji „Start programu”");
        assertThat(text).contains("(100 000 wierszy, 0,25 s)").endsWith("OZPS: bez wzorca.\n");
    }

    @Test
    void startupSectionJudgesTheX1GoalOnTheJobsFromTheCommand() {
        String text = BenchmarkReport.startupSection(List.of(
                new Startup("status", "skrypt `mops-reports`", List.of(2.5), List.of(1.0))),
                List.of(new CommandJob(JobKind.MONTHLY, "Statystyka miesięczna 2025-12", "run monthly --month 2025-12 --rerun",
                                List.of(7.5, 6.1, 7.0)),
                        new CommandJob(JobKind.OZPS, "Ocena zasobów (OZPS) 2025", "run ozps --year 2025", List.of(4.9, 5.2, 4.0))),
                "Maszyna: test.");
        // medians (lower middle of an odd count = the middle): 7.0 and 4.9; best 6.1 and 4.0
        assertThat(text).contains("| Statystyka miesięczna 2025-12 | `run monthly --month 2025-12 --rerun` | 3 | 7,00 | 6,10 | "
                + "≤ 5 s: NIE |");
        assertThat(text).contains("| Ocena zasobów (OZPS) 2025 | `run ozps --year 2025` | 3 | 4,90 | 4,00 | ≤ 5 s: tak |");
        assertThat(BenchmarkReport.startupSection(List.of(), "Maszyna: test.")).doesNotContain("od polecenia do ostatniego");
    }

    @Test
    void startupTableShowsMedianBestAndSpring() {
        String text = BenchmarkReport.startupSection(List.of(
                new Startup("status", "skrypt `mops-reports`", List.of(3.0, 1.5, 2.0), List.of(1.2, 0.9, 1.0))), "Maszyna: test.");
        assertThat(text).contains("| `status` | skrypt `mops-reports` | 3 | 2,00 | 1,50 | 1,00 | ≤ 2 s: tak |");
    }

    @Test
    void springsOwnStartLineIsRead() {
        assertThat(StartupBenchmark.springSeconds("x\n2026-12-06 INFO [main] p.m.r.MopsReportsApplication - Started "
                + "MopsReportsApplication in 3.456 seconds (process running for 4.1)\n")).isEqualTo(3.456);
        assertThat(StartupBenchmark.springSeconds("nothing")).isNaN();
    }

    @Test
    void scalesOfTheOption() {
        assertThat(BenchCommand.scales(null)).containsExactly(1, 10);
        assertThat(BenchCommand.scales(1)).containsExactly(1);
        assertThat(BenchCommand.scales(60)).containsExactly(1, 60);
    }

    @Test
    void sectionIsReplacedOrAppended() {
        String text = "# Wydajność\n\nwstęp\n\n<!-- bench:x1 -->\nstare\n<!-- /bench:x1 -->\n\nkoniec\n";
        String replaced = BenchmarkReport.replaceSection(text, "x1", "nowe\n");
        assertThat(replaced).isEqualTo("# Wydajność\n\nwstęp\n\n<!-- bench:x1 -->\nnowe\n<!-- /bench:x1 -->\n\nkoniec\n");
        assertThat(BenchmarkReport.replaceSection(replaced, "x10", "dziesięć"))
                .isEqualTo(replaced.stripTrailing() + "\n\n<!-- bench:x10 -->\ndziesięć\n<!-- /bench:x10 -->\n");
    }
}
