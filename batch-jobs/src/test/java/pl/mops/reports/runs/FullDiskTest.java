package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CrashTestDatabases;

/**
 * A full disk while the files are written (the test-only hook of the file writers fails the PDF after part of it
 * was written): exit code 4 with a Polish message naming the file, no partial or temporary file left, and the
 * restart completes with the files of an uninterrupted run.
 */
class FullDiskTest {

    @TempDir
    Path out;

    @Test
    void fullDiskFailsWithExitFourLeavesNoPartialFileAndTheRestartCompletes() throws Exception {
        Path reference = CrashTestDatabases.reference().resolve("monthly");
        String url = CrashTestDatabases.fresh("crash_disk");
        CommandLineRun.Outcome failed;
        System.setProperty("mops.test.brak-miejsca", ".pdf");
        try {
            failed = CommandLineRun.launchOn(url, CrashTestDatabases.home(), CrashTestDatabases.run("monthly", out));
        } finally {
            System.clearProperty("mops.test.brak-miejsca");
        }
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(4);
        assertThat(failed.err()).contains("Błąd: Statystyka za 2025-03 zakończona ze statusem „nieudane”: brak miejsca na "
                + "dysku przy zapisie pliku " + out.resolve("statystyka-2025-03.pdf") + ". Ponowne uruchomienie");
        assertThat(CrashTestDatabases.names(out)).as("only complete files, no temporary one")
                .allMatch(name -> !name.startsWith(".") && !name.endsWith(".pdf"));

        CommandLineRun.Outcome resumed = CommandLineRun.launchOn(url, CrashTestDatabases.home(),
                CrashTestDatabases.run("monthly", out, "--restart"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Uruchomienie nr " + CrashTestDatabases.firstReportExecution("crash_disk")
                + " jest nieudane — wznawiam od kroku: tworzenie plików XLSX, PDF i CSV.");
        CrashTestDatabases.assertSameFiles(reference, out);
    }
}
