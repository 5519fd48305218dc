package pl.mops.reports.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.scheduling.DefaultSchedule.WARSAW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.MovableClock;
import pl.mops.reports.support.SharedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scheduler through the real job services, on its own database (the shared test database has other tests'
 * snapshots and runs) and home folder, with the web server and the health endpoint on a random port.
 * <p>
 * Fixture {@code statistics/monthly-small} (benefits January 2024 – April 2025); clock 4 April 2025 03:30 Warsaw;
 * horizon {@code od: 2025-01}; schedule: monthly on the 3rd at 02:00 and, for this test, MRPiPS-03 P on 4 April at
 * 03:00. Due, oldest first: monthly 2025-01 (fired 3 II), 2025-02 (3 III), 2025-03 (3 IV 02:00), MRPiPS-03 2025-P
 * (4 IV 03:00). The MRPiPS-03 XML cannot be written (the test hook fails the write as a full disk would), so that run
 * fails in its files step. (An output folder that cannot be written at all is refused before the job starts.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "mops.harmonogram.od=2025-01",
        "mops.harmonogram.zadania[0].zadanie=monthly",
        "mops.harmonogram.zadania[0].cron=0 0 2 3 * *",
        "mops.harmonogram.zadania[0].okres=poprzedni-miesiac",
        "mops.harmonogram.zadania[0].przelicz-dla-nowej-migawki=true",
        "mops.harmonogram.zadania[1].zadanie=mrpips03",
        "mops.harmonogram.zadania[1].cron=0 0 3 4 4 *",
        "mops.harmonogram.zadania[1].okres=i-polrocze",
        "mops.harmonogram.zadania[2].zadanie=ozps",
        "mops.harmonogram.zadania[2].cron=0 0 2 1 3 *",
        "mops.harmonogram.zadania[2].okres=poprzedni-rok",
        "mops.harmonogram.zadania[2].wlaczone=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledRunsIntegrationTest {

    private static final Path HOME = tempDir("mops-sched-home");
    private static final Path HOOK_OUTPUT = HOME.resolve("hook.txt");
    private static final MovableClock CLOCK = new MovableClock(ZonedDateTime.of(2025, 4, 4, 3, 30, 0, 0, WARSAW));

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.datasource.url", ScheduledRunsIntegrationTest::ownDatabase);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("mops.home", HOME::toString);
        Path script = HOME.resolve("zglos.sh");
        Files.writeString(script, """
                #!/bin/sh
                { echo "ZADANIE=$MOPS_ZADANIE"; echo "PARAMETRY=$MOPS_PARAMETRY"; echo "STATUS=$MOPS_STATUS"
                  echo "WYKONANIE=$MOPS_WYKONANIE"; echo "KOMUNIKAT=$MOPS_KOMUNIKAT"; echo "--- stdin:"; cat; } >> "$1"
                """);
        registry.add("mops.powiadomienie.polecenie", () -> "sh " + script + " " + HOOK_OUTPUT);
    }

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    CatchUp catchUp;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    Schedule schedule;
    @Autowired
    LastRuns lastRuns;
    @Autowired
    pl.mops.reports.mrpips03.ReturnStatus returnStatus;
    @Autowired
    DataFreshness freshness;

    long snapshotId;
    List<Attempt> firstPass;

    @BeforeAll
    void loadAndRunFirstPass() throws Exception {
        snapshotId = loader.load(Path.of(getClass().getResource("/statistics/monthly-small").toURI()), "test:scheduler")
                .snapshot().id();
        System.setProperty("mops.test.brak-miejsca", "mrpips03-2025-P.xml");
        try {
            firstPass = catchUp.runPass(() -> false);
        } finally {
            System.clearProperty("mops.test.brak-miejsca");
        }
    }

    @Test
    @Order(1)
    void theDuePeriodsRanOldestFirstLaunchedByTheScheduler() {
        assertThat(firstPass).extracting(a -> a.period() + " " + a.outcome()).containsExactly(
                "monthly 2025-01 COMPLETED", "monthly 2025-02 COMPLETED", "monthly 2025-03 COMPLETED",
                "mrpips03 2025-P FAILED");
        List<Map<String, Object>> executions = jdbc.queryForList("""
                SELECT i.job_name, e.status,
                       (SELECT coalesce(max(p.parameter_value) FILTER (WHERE p.parameter_name IN ('month', 'period')), '')
                          || ' ' || max(p.parameter_value) FILTER (WHERE p.parameter_name = 'snapshot')
                          || ' ' || max(p.parameter_value) FILTER (WHERE p.parameter_name = 'launchedBy')
                          FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id) AS params
                  FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                 ORDER BY e.job_execution_id""");
        assertThat(executions).extracting(r -> r.get("job_name") + " " + r.get("status") + " " + r.get("params"))
                .containsExactly("monthlyStatistics COMPLETED 2025-01 " + snapshotId + " harmonogram",
                        "monthlyStatistics COMPLETED 2025-02 " + snapshotId + " harmonogram",
                        "monthlyStatistics COMPLETED 2025-03 " + snapshotId + " harmonogram",
                        "mrpips03Return FAILED 2025-P " + snapshotId + " harmonogram");
        assertThat(HOME.resolve("out/statystyka/2025-03/statystyka-2025-03.xlsx")).isRegularFile();
    }

    @Test
    @Order(2)
    void theFailedJobCalledTheHookWithItsSummary() throws IOException {
        long execution = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        String hook = Files.readString(HOOK_OUTPUT, StandardCharsets.UTF_8);
        // the period has no return yet: the newest layout for 2025, 2025.2
        assertThat(hook).startsWith("ZADANIE=mrpips03Return\n"
                + "PARAMETRY=layout=2025.2, layoutSha256=");
        assertThat(hook).contains(", period=2025-P, run=1, snapshot=" + snapshotId + "\n"
                + "STATUS=FAILED\nWYKONANIE=" + execution + "\nKOMUNIKAT=");
        assertThat(hook).contains(HOME.resolve("out/mrpips03/2025-P/mrpips03-2025-P.xml").toString());
        assertThat(hook).contains("--- stdin:\nNieudane uruchomienie zadania: sprawozdanie MRPiPS-03 (mrpips03Return)\n");
        assertThat(hook).contains("Wykonanie nr: " + execution + "\nUruchomił: harmonogram\n");
        assertThat(hook).contains("Dziennik przebiegu: " + HOME.resolve("logs/runs/mrpips03Return-2025-P-" + execution + ".log"));
        assertThat(hook.split("ZADANIE=", -1)).hasSize(2); // called once
    }

    @Test
    @Order(3)
    void eachRunHasItsOwnJsonLinesLog() throws IOException {
        long monthlyMarch = jdbc.queryForObject("""
                SELECT e.job_execution_id FROM batch_job_execution e JOIN batch_job_execution_params p
                    ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'month' AND p.parameter_value = '2025-03'""",
                Long.class);
        List<String> lines = Files.readAllLines(HOME.resolve("logs/runs/monthlyStatistics-2025-03-" + monthlyMarch + ".log"));
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(json.readTree(line));
        }
        assertThat(events.get(0).get("message").asString()).isEqualTo("Start: monthlyStatistics nr " + monthlyMarch
                + " (month=2025-03, snapshot=" + snapshotId + ", version=1), uruchomił: harmonogram");
        assertThat(events).extracting(e -> e.get("level").asString()).containsOnly("INFO");
        assertThat(events).filteredOn(e -> e.has("step")).extracting(e -> e.get("step").asString())
                .contains("monthlyAggregation", "monthlyRendering");
        assertThat(events.get(events.size() - 2).get("message").asString()).startsWith("Koniec: COMPLETED");
        assertThat(events).allSatisfy(e -> assertThat(e.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*"));

        long failed = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        String failedLog = Files.readString(HOME.resolve("logs/runs/mrpips03Return-2025-P-" + failed + ".log"));
        assertThat(failedLog).contains("\"level\":\"WARN\"").contains("Koniec: FAILED");
    }

    @Test
    @Order(4)
    void healthIsDownWhileTheScheduledRunFailed() throws Exception {
        HttpResponse<String> response = health();
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("DOWN");
        assertThat(body.at("/components/db/status").asString()).isEqualTo("UP");
        JsonNode lastRuns = body.at("/components/lastRuns");
        assertThat(lastRuns.get("status").asString()).isEqualTo("DOWN");
        assertThat(lastRuns.at("/details/mrpips03/lastScheduledRun/status").asString()).isEqualTo("FAILED");
        assertThat(lastRuns.at("/details/monthly/lastScheduledRun/parameters").asString())
                .isEqualTo("month=2025-03, snapshot=" + snapshotId + ", version=1");
        assertThat(lastRuns.at("/details/failedPeriods").has("mrpips03 2025-P")).isTrue();
    }

    @Test
    @Order(5)
    void theFailedPeriodIsRetriedAfterAnHourAndRestartsTheSameRun() throws Exception {
        CLOCK.advance(Duration.ofMinutes(30));
        assertThat(catchUp.runPass(() -> false)).isEmpty();

        CLOCK.advance(Duration.ofMinutes(31));
        assertThat(catchUp.runPass(() -> false)).extracting(a -> a.period() + " " + a.outcome())
                .containsExactly("mrpips03 2025-P COMPLETED");
        // the same job instance, restarted: two executions
        assertThat(jdbc.queryForList("""
                SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                 WHERE i.job_name = 'mrpips03Return' ORDER BY e.job_execution_id""", String.class))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_instance WHERE job_name = 'mrpips03Return'",
                Integer.class)).isEqualTo(1);
        assertThat(HOME.resolve("out/mrpips03/2025-P/mrpips03-2025-P.xml")).isRegularFile();

        HttpResponse<String> response = health();
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.at("/components/lastRuns/details/mrpips03/lastRun/status").asString()).isEqualTo("COMPLETED");
        assertThat(body.at("/components/lastRuns/details/ozps/lastRun").asString()).isEqualTo("none");
        assertThat(body.at("/components/lastRuns/details/failedPeriods").isMissingNode()).isTrue();
    }

    @Test
    @Order(6)
    void statusShowsTheScheduleTheNextFiringsAndTheLastRuns() {
        // clock: 4 April 2025 04:31 Warsaw
        List<String> out = new ArrayList<>();
        Console console = new Console() {
            @Override
            public void line(String text) {
                out.add(text);
            }

            @Override
            public void line(String format, Object... args) {
                out.add(String.format(java.util.Locale.ROOT, format, args));
            }
        };
        int code = new StatusCommand(schedule, catchUp, lastRuns, CLOCK, console, returnStatus, freshness)
                .execute(CommandLine.parse(new String[] {"status"}, java.util.Set.of())).code();
        assertThat(code).isZero();
        assertThat(out.get(0)).isEqualTo("Harmonogram (config/harmonogram.yml), strefa Europe/Warsaw, teraz 04.04.2025 04:31:");
        assertThat(out.get(2)).matches("  monthly +0 0 2 3 \\* \\* +co miesiąc, 3\\. dnia o 02:00 +poprzedni miesiąc +03\\.05\\.2025 02:00 → 2025-04");
        assertThat(out.get(3)).matches("  mrpips03 +0 0 3 4 4 \\* +co roku 4 kwietnia o 03:00 +I półrocze bieżącego roku +04\\.04\\.2026 03:00 → 2026-P");
        assertThat(out.get(4)).matches("  ozps +0 0 2 1 3 \\* +co roku 1 marca o 02:00 +poprzedni rok +wyłączone");
        // the snapshot was imported today without --stan-na: its data cover up to today
        String today = java.time.LocalDate.now(WARSAW).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        // the data: this test's schedule has no data entries (wymiana, extract); the alarm for no new data comes 41 days
        // after the "stan na"
        assertThat(out.get(5)).matches("Dane: najnowsza migawka nr " + snapshotId + ", stan na " + today.replace(".", "\\.")
                + ", wczytana \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d \\(test:scheduler\\)\\.");
        assertThat(out.get(6)).isEqualTo("Następne dane: nie z harmonogramu (brak wpisów wymiana i extract) — wczytuje je "
                + "człowiek (import, extract, wymiana).");
        assertThat(out.get(7)).isEqualTo("Alarm braku nowych danych: od " + java.time.LocalDate.now(WARSAW).plusDays(41)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " (ponad 40 dni od stanu na; "
                + "mops.dane.brak-nowych-po).");
        assertThat(out.get(8)).isEqualTo("Nadrabianie: okresy od 2025-01 (mops.harmonogram.od), na migawce nr " + snapshotId
                + ", dane do " + today + ".");
        assertThat(out.get(9)).isEqualTo("Zaległe okresy: brak.");
        assertThat(out.get(10)).isEqualTo("Ostatnie uruchomienia:");
        assertThat(out.get(11)).matches("  monthly +nr \\d+ +zakończone +start \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d +czas \\d+,\\d s +"
                + "uruchomił: harmonogram");
        assertThat(out.get(12)).isEqualTo("            miesiąc 2025-03, migawka " + snapshotId + ", wersja 1");
        assertThat(out.get(13)).matches("  mrpips03 +nr \\d+ +zakończone .* uruchomił: harmonogram");
        assertThat(out.get(14)).matches("            okres 2025-P, migawka " + snapshotId + ", przebieg 1, układ [^ ,]+");
        assertThat(out.get(15)).isEqualTo("  ozps      brak");
        // the data jobs: this test loads its snapshot directly, not through the import job
        assertThat(out.get(16)).isEqualTo("  import    brak");
        assertThat(out.get(17)).isEqualTo("  extract   brak");
        // the returns of last year and this year (4 April 2025): deadlines from config/terminy-mrpips03.csv
        assertThat(out.subList(18, out.size())).containsExactly(
                "Sprawozdania MRPiPS-03 (terminy: config/terminy-mrpips03.csv):",
                "  2024-P    termin 21.07.2024 (minął 257 dni temu)",
                "            nie policzono",
                "  2024-R    termin 09.02.2025 (minął 54 dni temu)",
                "            nie policzono",
                "  2025-P    termin 21.07.2025 (za 108 dni)",
                // layout 2025.2: monthly-small has periodic allowances without financing (S07–S09), so R12 fails
                "            najnowsza wersja: sprawozdanie pierwotne, niegotowe do wysłania; niezłożone",
                "  2025-R    termin 09.02.2026 (za 311 dni)",
                "            nie policzono");
        assertThat(out).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    }

    private HttpResponse<String> health() throws Exception {
        String port = environment.getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ownDatabase() {
        String shared = SharedPostgres.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(shared, "postgres", "")) {
            connection.createStatement().execute("CREATE DATABASE mops_scheduling");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // already exists (a second context in the same JVM)
                throw new IllegalStateException(e);
            }
        }
        return shared.replaceFirst("/postgres(\\?|$)", "/mops_scheduling$1");
    }

    /** a new home folder sharing the compiled Jasper templates of the other tests' home (saves compiling them again) */
    private static Path tempDir(String prefix) {
        try {
            Path home = Files.createTempDirectory(prefix);
            Path sharedCache = Files.createDirectories(DatabaseTest.home().resolve("cache"));
            Files.createSymbolicLink(home.resolve("cache"), sharedCache);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
