package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.ChildJvm;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CrashTestDatabases;

/**
 * Two launches of the same job and period at once: the second one stops with exit code 5 and names the process
 * that holds the lock; with {@code --czekaj} it waits for it and then finds its finished run. {@code --restart}
 * with nothing to resume is a clear error.
 */
class JobLockTest {

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path signals;

    @Test
    void secondLaunchOfTheSameMonthExitsFiveNamingTheHolderOrWaits() throws Exception {
        String url = CrashTestDatabases.fresh("crash_lock");
        Path home = CrashTestDatabases.home();
        Path release = signals.resolve("dalej");
        ChildJvm holder = ChildJvm.start(home, url, Map.of("mops.test.wstrzymaj", "monthlyAggregation:" + release),
                CrashTestDatabases.run("monthly", first));
        holder.awaitOutput("[test] wstrzymano przed krokiem monthlyAggregation", Duration.ofSeconds(60));

        // another snapshot or version would not matter: the lock is the job and the month
        CommandLineRun.Outcome refused = CommandLineRun.launchOn(url, home, CrashTestDatabases.run("monthly", second, "--rerun"));
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(5);
        assertThat(refused.err()).startsWith("Błąd: Statystyka za 2025-03 jest właśnie liczona przez inny proces: "
                + "mops-reports ").contains(" pid " + holder.pid() + " ")
                .contains("Poczekaj, aż skończy, albo uruchom z opcją --czekaj.").doesNotContain("Exception");
        assertThat(CrashTestDatabases.names(second)).isEmpty();

        // the holder goes on once the waiting launch (this JVM) is connected and has tried the lock at least once
        Thread releaser = new Thread(() -> {
            try {
                String ours = "SELECT count(*) FROM pg_stat_activity WHERE datname = 'crash_lock' AND application_name "
                        + "LIKE '% pid " + ProcessHandle.current().pid() + " %'";
                while (CrashTestDatabases.count("postgres", ours) == 0) {
                    Thread.sleep(50);
                }
                Thread.sleep(3000);
                Files.createFile(release);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        releaser.start();
        CommandLineRun.Outcome waited = CommandLineRun.launchOn(url, home, CrashTestDatabases.run("monthly", second,
                "--czekaj"));
        releaser.join();
        assertThat(waited.exitCode()).as(waited.err()).isZero();
        assertThat(waited.out()).contains("Statystyka za 2025-03 jest właśnie liczona przez inny proces: mops-reports ")
                .contains("Czekam, aż skończy…");
        assertThat(holder.awaitExit(Duration.ofSeconds(60))).as(holder.output()).isZero();
        // it waited for the holder and then found its completed run: nothing computed again; it asked for its own
        // folder (--out), so the holder's files were copied there, byte for byte
        assertThat(waited.out()).contains("Pliki gotowego przebiegu skopiowano do folderu " + second + ".")
                .contains(second.resolve("statystyka-2025-03.xlsx").toString());
        assertThat(second.resolve("statystyka-2025-03.xlsx")).hasSameBinaryContentAs(first.resolve("statystyka-2025-03.xlsx"));
        assertThat(CrashTestDatabases.count("crash_lock", CrashTestDatabases.reportExecutions("TRUE"))).isEqualTo(1);

        CommandLineRun.Outcome nothingToResume = CommandLineRun.launchOn(url, home,
                CrashTestDatabases.run("monthly", second, "--restart"));
        assertThat(nothingToResume.exitCode()).isEqualTo(2);
        assertThat(nothingToResume.err().strip()).isEqualTo("Błąd: Nie ma czego wznawiać: statystyka za 2025-03 "
                + "(migawka 1) jest już policzona (wersja 1); nową wersję tworzy --rerun.");
        CommandLineRun.Outcome both = CommandLineRun.launchOn(url, home,
                CrashTestDatabases.run("monthly", second, "--restart", "--rerun"));
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("wykluczają się");
    }
}
