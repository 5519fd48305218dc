package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.cli.CommandCheck;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.cli.CommandTable;
import pl.mops.reports.system.Console;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.SharedPostgres;

/**
 * {@code runs} on a database of its own with four executions written as Spring Batch writes them (the wall clock of
 * the JVM's default zone), in a JVM whose default zone is UTC while {@code mops.time-zone} is Europe/Warsaw: the
 * filters {@code --zadanie}, {@code --od} (a day in Warsaw), {@code --ostatnie}, the times shown in Warsaw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsCommandTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @TempDir
    Path home;

    private TimeZone originalZone;
    private String url;
    private JdbcTemplate jdbc;

    @BeforeAll
    void fourExecutions() {
        originalZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        url = SharedPostgres.freshDatabase("runs_listing");
        CommandLineRun.Outcome empty = CommandLineRun.launchOn(url, home, "runs"); // creates the schema
        assertThat(empty.exitCode()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("Nie uruchomiono jeszcze żadnego zadania.");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        // 22:30 UTC = 23:30 in Warsaw on 9 March; 23:30 UTC = 00:30 in Warsaw on 10 March
        execution(101, "monthlyStatistics", "COMPLETED", "2025-03-09T22:30:00Z", "2025-03-09T22:30:08.300Z", null,
                "month", "2025-02", "snapshot", "4", "version", "1");
        execution(102, "mrpips03Return", "FAILED", "2025-03-09T23:30:00Z", "2025-03-09T23:31:00Z",
                "pl.mops.reports.system.UserError: błąd zapisu lub odczytu pliku /srv/mops/out/mrpips03\n\tat x",
                "layout", "2025.1", "layoutSha256", "ab".repeat(32), "period", "2025-P", "run", "1", "snapshot", "4");
        execution(103, "ozpsAssessment", "STOPPED", "2025-03-12T10:00:00Z", "2025-03-12T10:05:00Z", null,
                "profile", "publikacja", "snapshot", "4", "version", "1", "year", "2024");
        execution(104, "monthlyStatistics", "STARTED", "2025-03-15T10:00:00Z", null, null,
                "month", "2025-03", "snapshot", "4", "version", "1");
        jdbc.update("INSERT INTO run_file (job_execution_id, job_instance_id, path, size_bytes, sha256) VALUES (?, ?, ?, 1, ?)",
                101, 101, "/srv/mops/out/statystyka/2025-02/" + "bardzo-dluga-nazwa-".repeat(6) + "statystyka-2025-02.xlsx",
                "0".repeat(64));
    }

    @AfterAll
    void restoreTheZone() {
        TimeZone.setDefault(originalZone);
    }

    /** as Spring Batch stores it: {@code LocalDateTime.now()} of this JVM, i.e. the wall clock of its default zone */
    private static LocalDateTime stored(String instant) {
        return instant == null ? null : LocalDateTime.ofInstant(Instant.parse(instant), ZoneId.systemDefault());
    }

    private void execution(long id, String job, String status, String start, String end, String exitMessage,
                           String... parameters) {
        jdbc.update("INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key) VALUES (?, 0, ?, ?)",
                id, job, "key" + id);
        jdbc.update("""
                INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
                                                 end_time, status, exit_code, exit_message, last_updated)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)""", id, id, stored(start), stored(start), stored(end), status, status,
                exitMessage == null ? "" : exitMessage, stored(start));
        for (int i = 0; i < parameters.length; i += 2) {
            jdbc.update("INSERT INTO batch_job_execution_params VALUES (?, ?, 'java.lang.String', ?, 'Y')", id,
                    parameters[i], parameters[i + 1]);
        }
        jdbc.update("INSERT INTO batch_job_execution_params VALUES (?, 'launchedBy', 'java.lang.String', ?, 'N')", id,
                id == 102 ? "użytkownik jan" : "harmonogram");
        jdbc.update("INSERT INTO batch_job_execution_params VALUES (?, 'outputDir', 'java.lang.String', '/srv/x', 'N')", id);
    }

    /** the command on this database, as the launcher runs it after checking the line */
    private List<String> runs(String... args) {
        List<String> out = new ArrayList<>();
        Console console = new Console() {
            @Override
            public void line(String text) {
                out.add(text);
            }

            @Override
            public void line(String format, Object... arguments) {
                out.add(String.format(java.util.Locale.ROOT, format, arguments));
            }
        };
        String[] all = new String[args.length + 1];
        all[0] = "runs";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine line = CommandLine.parse(all, CommandTable.flags());
        CommandCheck.check(line);
        int code = new RunsCommand(jdbc, new RunFileRepository(jdbc), console,
                new MopsProperties(home, "MOPS", "1261011", WARSAW)).execute(line).code();
        assertThat(code).isZero();
        assertThat(out).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(120));
        return out;
    }

    private static List<String> numbers(List<String> lines) {
        return lines.stream().filter(l -> l.matches("\\d+ .*")).map(l -> l.split(" ")[0]).toList();
    }

    @Test
    void everythingNewestFirstInWarsawTimeThroughTheLauncher() {
        CommandLineRun.Outcome outcome = CommandLineRun.launchOn(url, home, "runs");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<String> lines = outcome.out().lines().filter(l -> !l.startsWith("Uruchamianie")).toList();
        assertThat(lines.get(0)).isEqualTo("nr      zadanie   status        start                koniec               czas      uruchomił");
        assertThat(numbers(lines)).containsExactly("104", "103", "102", "101");
        assertThat(lines).contains(
                "104     monthly   w toku        15.03.2025 11:00:00                                 harmonogram",
                "103     ozps      zatrzymane    12.03.2025 11:00:00  12.03.2025 11:05:00  300,0 s   harmonogram",
                "        rok 2024, migawka 4, wersja 1, profil publikacja",
                "102     mrpips03  nieudane      10.03.2025 00:30:00  10.03.2025 00:31:00  60,0 s    użytkownik jan",
                "        okres 2025-P, migawka 4, przebieg 1, układ 2025.1",
                "        błąd: błąd zapisu lub odczytu pliku /srv/mops/out/mrpips03",
                "101     monthly   zakończone    09.03.2025 23:30:00  09.03.2025 23:30:08  8,3 s     harmonogram",
                "        miesiąc 2025-02, migawka 4, wersja 1");
        assertThat(outcome.out()).doesNotContain("layoutSha256", "outputDir", "COMPLETED", "monthlyStatistics")
                .doesNotContain("\u001b");
        assertThat(String.join("\n", lines).replaceAll("\n {14}", "")).contains("        plik: /srv/mops/out/statystyka/"
                + "2025-02/" + "bardzo-dluga-nazwa-".repeat(6) + "statystyka-2025-02.xlsx");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(120));
    }

    @Test
    void fromADayInTheConfiguredZone() {
        // 102 started at 23:30 UTC on 9 March, which is already 10 March in Warsaw; 101 an hour earlier is not
        assertThat(numbers(runs("--od", "2025-03-10"))).containsExactly("104", "103", "102");
        assertThat(numbers(runs("--od", "2025-03-09"))).containsExactly("104", "103", "102", "101");
        assertThat(numbers(runs("--od", "2025-03-16"))).isEmpty();
        assertThat(runs("--od", "2025-03-16")).containsExactly("Brak uruchomień od 16.03.2025.");
    }

    @Test
    void ofOneJobByAnyOfItsNames() {
        assertThat(numbers(runs("--zadanie", "monthly"))).containsExactly("104", "101");
        assertThat(numbers(runs("--zadanie", "statystyka"))).containsExactly("104", "101");
        assertThat(numbers(runs("--zadanie", "mrpips03Return"))).containsExactly("102");
        assertThat(numbers(runs("--zadanie", "ozps", "--od", "2025-03-12"))).containsExactly("103");
        assertThat(runs("--zadanie", "ozps", "--od", "2025-03-13"))
                .containsExactly("Brak uruchomień zadania ozps (ocena zasobów pomocy społecznej) od 13.03.2025.");
    }

    @Test
    void theLastN() {
        List<String> two = runs("--ostatnie", "2");
        assertThat(numbers(two)).containsExactly("104", "103");
        assertThat(two.get(two.size() - 1))
                .isEqualTo("Pokazano 2 ostatnie uruchomienia; wcześniejsze: --ostatnie N albo --od RRRR-MM-DD.");
        assertThat(numbers(runs("--ostatnie", "3", "--zadanie", "monthly"))).containsExactly("104", "101");
        assertThat(runs()).noneMatch(l -> l.startsWith("Pokazano"));
    }
}
