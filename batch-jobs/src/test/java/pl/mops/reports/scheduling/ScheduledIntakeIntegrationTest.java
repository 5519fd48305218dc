package pl.mops.reports.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.scheduling.DefaultSchedule.WARSAW;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.MovableClock;
import pl.mops.reports.support.SharedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data coming in by the schedule, with the report jobs waiting for them: the real {@code serve} check
 * ({@link ScheduleServer}: data entries, then the report catch-up, then the freshness alarm) by a clock the test moves,
 * on a database and home folder of its own, the web server on a random port for the health endpoint.
 * <p>
 * The case system's database is a second database on the test server ({@code mops_intake_zrodlo}, schema
 * {@code zrodlo}): the files of {@code statistics/monthly-small} (benefits January 2024 – 5 April 2025) as text tables
 * named like the files. Its password comes from an owner-only file; the test server does not check it, so the test
 * checks that it goes nowhere else: not into a job parameter, the job repository, any table, the log, a run's log, a
 * notification, the auditors' package or any other file of the home folder.
 * <p>
 * Schedule: monthly statistics on the 3rd at 02:00 (from 2025-03), the drop folder every 15 minutes, the extraction
 * nightly at 01:00. Worked out by hand:
 * <ol>
 * <li>3 April 2025 02:30, first check: the drop folder holds an export of monthly-small without its April benefit
 *     S17, "stan na" 31 March (stan-na.txt): snapshot A. The extraction last fired at 01:00 today, before this
 *     installation ran any — not due. March (fired 3 April 02:00, ends 31 March ≤ 31 March) runs on A.</li>
 * <li>3 May 2025 02:00:30: the extraction (fired 01:00) fails — its password file is readable by others (the Polish
 *     refusal, a failed run, the hook); April (fired 02:00) is due by the calendar but A covers only March, so it
 *     waits: not on the older snapshot.</li>
 * <li>02:30:30 (permissions fixed): the failed extraction waits for its retry (ponowienie-po 1 h).</li>
 * <li>03:00:31: the extraction is retried (the same job instance) and makes snapshot B, "stan na" the source's day of
 *     reading; in the same check April runs on B.</li>
 * <li>4 May 00:59:50 nothing; 01:00:10 the extraction again: the same data, no new snapshot, nothing to compute.</li>
 * <li>41 days after B's "stan na": the data are stale: health DOWN and the hook called once for two checks.</li>
 * </ol>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "mops.harmonogram.od=2025-03",
        "mops.harmonogram.zadania[0].zadanie=monthly",
        "mops.harmonogram.zadania[0].cron=0 0 2 3 * *",
        "mops.harmonogram.zadania[0].okres=poprzedni-miesiac",
        "mops.harmonogram.zadania[1].zadanie=wymiana",
        "mops.harmonogram.zadania[1].cron=0 */15 * * * *",
        "mops.harmonogram.zadania[2].zadanie=extract",
        "mops.harmonogram.zadania[2].cron=0 0 1 * * *",
        "mops.zrodlo.schemat=zrodlo",
        "mops.zrodlo.uzytkownik=postgres"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledIntakeIntegrationTest {

    private static final String PASSWORD = "Zrodlo-Tajne-8472!q";
    private static final String SOURCE_DATABASE = "mops_intake_zrodlo";
    private static final Path HOME = tempDir("mops-intake-home");
    private static final Path HOOK_OUTPUT = HOME.resolve("hook.txt");
    private static final Path PASSWORD_FILE = HOME.resolve("haslo-zrodla");
    private static final MovableClock CLOCK = new MovableClock(ZonedDateTime.of(2025, 4, 3, 2, 30, 0, 0, WARSAW));
    private static String sourceUrl;

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
        registry.add("spring.datasource.url", () -> ownDatabase("mops_intake"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("mops.home", HOME::toString);
        registry.add("mops.zrodlo.url", ScheduledIntakeIntegrationTest::sourceDatabase);
        registry.add("mops.zrodlo.haslo-plik", PASSWORD_FILE::toString);
        Path script = HOME.resolve("zglos.sh");
        Files.writeString(script, """
                #!/bin/sh
                { echo "ZADANIE=$MOPS_ZADANIE"; echo "PARAMETRY=$MOPS_PARAMETRY"; echo "STATUS=$MOPS_STATUS"
                  echo "KOMUNIKAT=$MOPS_KOMUNIKAT"; echo "--- stdin:"; cat; } >> "$1"
                """);
        registry.add("mops.powiadomienie.polecenie", () -> "sh " + script + " " + HOOK_OUTPUT);
    }

    @Autowired
    ScheduleServer server;
    @Autowired
    CatchUp catchUp;
    @Autowired
    Schedule schedule;
    @Autowired
    LastRuns lastRuns;
    @Autowired
    DataFreshness freshness;
    @Autowired
    pl.mops.reports.mrpips03.ReturnStatus returnStatus;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<String> served = new ArrayList<>();
    long snapshotA;
    long snapshotB;

    @BeforeAll
    void exportAndLog() throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        Files.writeString(PASSWORD_FILE, PASSWORD + "\n");
        Files.setPosixFilePermissions(PASSWORD_FILE, PosixFilePermissions.fromString("rw-------"));
        Path export = Files.createDirectories(HOME.resolve("wymiana/eksport-marzec"));
        try (Stream<Path> files = Files.list(fixture())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("S17;")).toList();
                Files.write(export.resolve(file.getFileName()), lines);
            }
        }
        Files.writeString(export.resolve("stan-na.txt"), "2025-03-31\n");
        Files.writeString(export.resolve("GOTOWE"), "");
    }

    @AfterAll
    void detachLog() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    /** one check of serve at the clock's time; what the data entries and the reports did, as serve prints it */
    private List<String> check(ZonedDateTime at) {
        CLOCK.set(at);
        List<String> lines = new ArrayList<>();
        server.check(attempts -> attempts.forEach(a -> lines.add(a.period() + " " + a.outcome() + " @" + a.snapshotId())),
                data -> data.forEach(a -> lines.addAll(a.lines())));
        served.addAll(lines);
        return lines;
    }

    private static ZonedDateTime warsaw(int month, int day, int hour, int minute, int second) {
        return ZonedDateTime.of(2025, month, day, hour, minute, second, 0, WARSAW);
    }

    private List<String> monthlyRuns() {
        return jdbc.queryForList("""
                SELECT max(p.parameter_value) FILTER (WHERE p.parameter_name = 'month') || ' @'
                       || max(p.parameter_value) FILTER (WHERE p.parameter_name = 'snapshot') || ' '
                       || max(p.parameter_value) FILTER (WHERE p.parameter_name = 'launchedBy') || ' ' || e.status
                  FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                 WHERE i.job_name = 'monthlyStatistics' GROUP BY e.job_execution_id ORDER BY e.job_execution_id""",
                String.class);
    }

    private List<Map<String, Object>> extractions() {
        return jdbc.queryForList("""
                SELECT e.job_execution_id, e.job_instance_id, e.status, e.exit_message,
                       (SELECT p.parameter_value FROM batch_job_execution_params p
                         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'firing') AS firing
                  FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                 WHERE i.job_name = 'snapshotExtract' ORDER BY e.job_execution_id""");
    }

    private long snapshots() {
        return jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class);
    }

    @Test
    @Order(1)
    void theDropFolderExportIsImportedAndMarchRunsOnIt() {
        List<String> lines = check(warsaw(4, 3, 2, 30, 0));

        snapshotA = jdbc.queryForObject("SELECT id FROM snapshot WHERE source = 'wymiana:eksport-marzec'", Long.class);
        assertThat(jdbc.queryForObject("SELECT data_as_of FROM snapshot WHERE id = ?", LocalDate.class, snapshotA))
                .isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("folder wymiany: eksport-marzec: przyjęty — nowa migawka nr " + snapshotA
                + " (zakres danych 2024-01-01 – 2025-03-31); przeniesiony do przyjete/20250403-023000-eksport-marzec");
        assertThat(lines.get(1)).isEqualTo("monthly 2025-03 COMPLETED @" + snapshotA);
        assertThat(monthlyRuns()).containsExactly("2025-03 @" + snapshotA + " harmonogram COMPLETED");
        assertThat(extractions()).as("the extraction fired at 01:00, before this installation ran").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM swiadczenia WHERE snapshot_id = ?", Long.class, snapshotA))
                .isEqualTo(16);
    }

    @Test
    @Order(2)
    void anExtractionRefusedForItsPasswordFileLeavesAprilWaitingOnTheOlderSnapshot() throws Exception {
        Files.setPosixFilePermissions(PASSWORD_FILE, PosixFilePermissions.fromString("rw-r--r--"));
        long before = snapshots();

        List<String> lines = check(warsaw(5, 3, 2, 0, 30));

        String refusal = "Plik hasła bazy źródłowej " + PASSWORD_FILE + " jest dostępny nie tylko dla konta usługi "
                + "(uprawnienia rw-r--r--). Hasło nie zostało użyte; zostaw dostęp tylko właścicielowi: chmod 600 "
                + PASSWORD_FILE;
        assertThat(lines).containsExactly("pobranie danych z systemu dziedzinowego: BŁĄD — " + refusal
                + " Następna próba za 60 min.");
        assertThat(snapshots()).isEqualTo(before);
        assertThat(extractions()).extracting(e -> e.get("status") + " " + e.get("firing"))
                .containsExactly("FAILED 2025-05-03T01:00+02:00");
        assertThat(monthlyRuns()).as("April is not computed on snapshot A, which ends on 31 March")
                .containsExactly("2025-03 @" + snapshotA + " harmonogram COMPLETED");
        assertThat(catchUp.plan().due()).isEmpty();
        String hook = Files.readString(HOOK_OUTPUT, StandardCharsets.UTF_8);
        assertThat(hook).startsWith("ZADANIE=snapshotExtract\nPARAMETRY=run=1, source=db:" + sourceUrl.replaceFirst("\\?.*", "")
                + " schemat zrodlo\nSTATUS=FAILED\nKOMUNIKAT=" + refusal + "\n");
        assertThat(hook).contains("Nieudane uruchomienie zadania: pobranie danych z systemu dziedzinowego (snapshotExtract)");

        JsonNode health = health(503);
        assertThat(health.at("/components/dataIntake/status").asString()).isEqualTo("DOWN");
        assertThat(health.at("/components/dataIntake/details/extract/lastScheduledRun/status").asString())
                .isEqualTo("FAILED");
        assertThat(health.at("/components/dataIntake/details/failedChecks/extract/message").asString()).isEqualTo(refusal);
        assertThat(health.at("/components/dataIntake/details/newestSnapshot/asOf").asString()).isEqualTo("2025-03-31");
    }

    @Test
    @Order(3)
    void theFailedExtractionWaitsForItsRetry() throws IOException {
        Files.setPosixFilePermissions(PASSWORD_FILE, PosixFilePermissions.fromString("rw-------"));
        assertThat(check(warsaw(5, 3, 2, 30, 30))).isEmpty();
        assertThat(extractions()).hasSize(1);
    }

    @Test
    @Order(4)
    void theRetriedExtractionMakesTheSnapshotThatAprilThenRunsOnInTheSameCheck() throws Exception {
        List<String> lines = check(warsaw(5, 3, 3, 0, 31));

        snapshotB = jdbc.queryForObject("SELECT max(id) FROM snapshot", Long.class);
        assertThat(snapshotB).isGreaterThan(snapshotA);
        LocalDate sourceDay = sourceDay();
        assertThat(jdbc.queryForObject("SELECT source FROM snapshot WHERE id = ?", String.class, snapshotB))
                .isEqualTo("db:" + sourceUrl.replaceFirst("\\?.*", "") + " schemat zrodlo");
        assertThat(jdbc.queryForObject("SELECT data_as_of FROM snapshot WHERE id = ?", LocalDate.class, snapshotB))
                .as("stan na: the day the source was read, its now() in Warsaw").isEqualTo(sourceDay);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM swiadczenia WHERE snapshot_id = ?", Long.class, snapshotB))
                .isEqualTo(17);
        assertThat(lines).containsExactly("pobranie danych z systemu dziedzinowego: nowa migawka nr " + snapshotB
                + " (zakres danych 2024-01-01 – " + sourceDay + ").", "monthly 2025-04 COMPLETED @" + snapshotB);
        List<Map<String, Object>> extractions = extractions();
        assertThat(extractions).extracting(e -> e.get("status") + " " + e.get("firing"))
                .containsExactly("FAILED 2025-05-03T01:00+02:00", "COMPLETED 2025-05-03T01:00+02:00");
        assertThat(extractions.get(1).get("job_instance_id")).as("the failed run restarted")
                .isEqualTo(extractions.get(0).get("job_instance_id"));
        assertThat((String) extractions.get(1).get("exit_message")).startsWith("nowa migawka nr " + snapshotB
                + " (zakres danych 2024-01-01 – " + sourceDay + "), wczytano 50, odrzucono 0 wierszy; odczyt bazy "
                + "źródłowej ");
        assertThat(monthlyRuns()).containsExactly("2025-03 @" + snapshotA + " harmonogram COMPLETED",
                "2025-04 @" + snapshotB + " harmonogram COMPLETED");
        assertThat(HOME.resolve("out/statystyka/2025-04/statystyka-2025-04.xlsx")).isRegularFile();

        JsonNode health = health(200);
        JsonNode data = health.at("/components/dataIntake/details");
        assertThat(data.at("/newestSnapshot/id").asLong()).isEqualTo(snapshotB);
        assertThat(data.at("/newestSnapshot/asOf").asString()).isEqualTo(sourceDay.toString());
        assertThat(data.at("/stale").asBoolean()).isFalse();
        assertThat(data.at("/staleAfterDays").asLong()).isEqualTo(40);
        assertThat(data.at("/nextExpected/wymiana").asString()).isEqualTo("2025-05-03T03:15+02:00");
        assertThat(data.at("/nextExpected/extract").asString()).isEqualTo("2025-05-04T01:00+02:00");
        assertThat(data.at("/nextDataCheck").asString()).isEqualTo("2025-05-03T03:15+02:00");
        assertThat(data.at("/extract/lastScheduledRun/status").asString()).isEqualTo("COMPLETED");
        assertThat(data.at("/import/lastScheduledRun/parameters").asString()).isEqualTo("run=1, source=wymiana:eksport-marzec");
    }

    @Test
    @Order(5)
    void theExtractionFiresNightlyAtOneAndTheSameDataMakeNoNewSnapshot() {
        assertThat(check(warsaw(5, 4, 0, 59, 50))).isEmpty();
        long before = snapshots();

        assertThat(check(warsaw(5, 4, 1, 0, 10))).containsExactly("pobranie danych z systemu dziedzinowego: bez nowej "
                + "migawki — dane identyczne z migawką nr " + snapshotB + " (zakres danych 2024-01-01 – " + sourceDay() + ").");
        assertThat(snapshots()).isEqualTo(before);
        assertThat(extractions()).extracting(e -> e.get("status") + " " + e.get("firing")).containsExactly(
                "FAILED 2025-05-03T01:00+02:00", "COMPLETED 2025-05-03T01:00+02:00", "COMPLETED 2025-05-04T01:00+02:00");
        assertThat(monthlyRuns()).hasSize(2);
    }

    @Test
    @Order(6)
    void statusShowsTheDataEntriesTheNewestSnapshotAndTheNextData() {
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
        new StatusCommand(schedule, catchUp, lastRuns, CLOCK, console, returnStatus, freshness)
                .execute(CommandLine.parse(new String[] {"status"}, java.util.Set.of()));
        String day = sourceDay().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        assertThat(out.get(0)).isEqualTo("Harmonogram (config/harmonogram.yml), strefa Europe/Warsaw, teraz 04.05.2025 01:00:");
        assertThat(out.get(3)).matches("  wymiana +0 \\*/15 \\* \\* \\* \\* +co 15 min +nowe dane z folderu +04\\.05\\.2025 01:15");
        assertThat(out.get(4)).matches("  extract +0 0 1 \\* \\* \\* +codziennie o 01:00 +nowe dane z bazy źródłowej "
                + "+05\\.05\\.2025 01:00");
        // the paragraph is wrapped at 120 columns (two lines)
        assertThat(String.join(" ", out.subList(5, 7)).replaceAll("\\s+", " ")).matches("Dane: najnowsza migawka nr "
                + snapshotB + ", stan na " + day.replace(".", "\\.") + ", wczytana [0-9. :]+ \\(db:jdbc:postgresql://[^ ]+/"
                + SOURCE_DATABASE + " schemat zrodlo\\)\\.");
        assertThat(out).contains("Następne dane: wymiana 04.05.2025 01:15, extract 05.05.2025 01:00.");
        assertThat(out).anyMatch(line -> line.matches("  import +nr \\d+ +zakończone .*uruchomił: harmonogram"));
        assertThat(out).anyMatch(line -> line.matches("  extract +nr \\d+ +zakończone .*uruchomił: harmonogram"));
        assertThat(String.join(" ", out).replaceAll("\\s+", " ")).containsPattern("extract nr \\d+ zakończone .*"
                + "uruchomił: harmonogram źródło db:jdbc:postgresql://[^ ]+/" + SOURCE_DATABASE + " schemat zrodlo, "
                + "przebieg 2 wynik: bez nowej migawki: dane identyczne z migawką nr " + snapshotB + " \\(zakres danych "
                + "2024-01-01 – " + sourceDay() + "\\); odczyt bazy źródłowej \\d\\d\\.\\d\\d\\.\\d{4} [0-9:]{8} Sprawozdania");
        assertThat(out).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    }

    @Test
    @Order(7)
    void fortyOneDaysWithoutNewDataTurnHealthDownAndNotifyOnce() throws Exception {
        // the freshness step of serve's check, twice (the whole check would also catch up twenty months of reports)
        CLOCK.set(sourceDay().plusDays(40).atTime(23, 59).atZone(WARSAW));
        assertThat(freshness.notifyIfStale()).as("40 days: not yet").isFalse();
        assertThat(health(200).at("/components/dataIntake/details/daysSinceAsOf").asLong()).isEqualTo(40);
        ZonedDateTime stale = sourceDay().plusDays(41).atTime(12, 0).atZone(WARSAW);
        CLOCK.set(stale);
        assertThat(freshness.notifyIfStale()).isTrue();
        CLOCK.set(stale.plusMinutes(15));
        assertThat(freshness.notifyIfStale()).isFalse();
        String hook = Files.readString(HOOK_OUTPUT, StandardCharsets.UTF_8);
        assertThat(hook.split("STATUS=NO_NEW_DATA", -1)).as("notified once").hasSize(2);
        assertThat(hook).contains("ZADANIE=dane\nPARAMETRY=snapshot=" + snapshotB + ", asOf=" + sourceDay() + ", days=41\n"
                + "STATUS=NO_NEW_DATA\nKOMUNIKAT=Od 41 dni brak nowych danych: najnowsza migawka nr " + snapshotB);
        assertThat(hook).contains("--- stdin:\nBrak nowych danych: nowe dane do raportów (dane)\n");
        JsonNode health = health(503);
        assertThat(health.at("/components/dataIntake/status").asString()).isEqualTo("DOWN");
        assertThat(health.at("/components/dataIntake/details/stale").asBoolean()).isTrue();
        assertThat(health.at("/components/dataIntake/details/daysSinceAsOf").asLong()).isEqualTo(41);
    }

    @Test
    @Order(8)
    void thePasswordIsNowhere() throws Exception {
        // the runs, their parameters and contexts, the snapshots, every table of the database
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("batch_job_execution_params", "batch_job_execution_context", "snapshot", "run_file");
        for (String table : tables) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, ?) > 0", Long.class,
                    PASSWORD)).as(table).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution_params WHERE parameter_name ILIKE "
                + "'%password%' OR parameter_name ILIKE '%haslo%'", Long.class)).isZero();
        // every file of the home folder (logs, run logs, notifications, import summaries, the archive, every document
        // and auditors' package — ZIP containers opened)
        List<Path> files;
        try (Stream<Path> walk = Files.walk(HOME)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.equals(PASSWORD_FILE)).toList();
        }
        assertThat(files).anyMatch(f -> f.toString().endsWith("-paczka.zip"))
                .anyMatch(f -> f.getFileName().toString().startsWith("snapshotExtract-"))
                .anyMatch(f -> f.equals(HOOK_OUTPUT));
        for (Path file : files) {
            assertThat(contents(file)).as(file.toString()).doesNotContain(PASSWORD);
        }
        // the log as it went by
        assertThat(log.list).isNotEmpty();
        for (ILoggingEvent event : log.list) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(text).doesNotContain(PASSWORD);
        }
        assertThat(served).allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD));
    }

    private static String contents(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".zip") && !name.endsWith(".xlsx")) {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    + new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(entry.getName()).append('\n').append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private JsonNode health(int expectedStatus) throws Exception {
        String port = environment.getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JsonMapper.builder().build().readTree(response.body());
    }

    /** the source's day in Warsaw, as the extraction reads it */
    private static LocalDate sourceDay() {
        try (Connection connection = DriverManager.getConnection(sourceUrl);
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT (now() AT TIME ZONE 'Europe/Warsaw')::date")) {
            rs.next();
            return rs.getObject(1, LocalDate.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** the case system's database: the fixture's files as text tables of schema zrodlo, named like the files */
    private static synchronized String sourceDatabase() {
        if (sourceUrl != null) {
            return sourceUrl;
        }
        String url = SharedPostgres.freshDatabase(SOURCE_DATABASE);
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             Stream<Path> files = Files.list(fixture())) {
            statement.execute("CREATE SCHEMA zrodlo");
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                String table = file.getFileName().toString().replace(".csv", "");
                String header = Files.readAllLines(file).get(0);
                StringBuilder columns = new StringBuilder();
                for (String column : header.split(";")) {
                    columns.append(columns.isEmpty() ? "" : ", ").append('"').append(column).append("\" text");
                }
                statement.execute("CREATE TABLE zrodlo." + table + " (" + columns + ")");
                try (InputStream in = Files.newInputStream(file)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY zrodlo." + table
                            + " FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER ';')", in);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        sourceUrl = url;
        return url;
    }

    private static Path fixture() {
        try {
            return Path.of(ScheduledIntakeIntegrationTest.class.getResource("/statistics/monthly-small").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ownUrl;

    /** a fresh database of this test, created once however often Spring asks for the URL */
    private static synchronized String ownDatabase(String name) {
        if (ownUrl == null) {
            ownUrl = SharedPostgres.freshDatabase(name);
        }
        return ownUrl;
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
