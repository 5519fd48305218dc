package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import pl.mops.reports.database.DatabaseOwner;
import pl.mops.reports.database.EmbeddedDatabase;
import pl.mops.reports.support.ChildJvm;
import pl.mops.reports.support.CommandLineRun;

/**
 * One owner of the embedded database, with real processes on one home folder (data: {@code statistics/monthly-small},
 * imported first): the owner holds the lock {@code pgdata.lock}; a computing command started meanwhile is refused
 * (exit 5, the owner named) and touches nothing, or with {@code --czekaj} waits for the owner to end; {@code runs}, {@code snapshots} and {@code status} read through the
 * owner's server without starting or stopping one; after kill -9 of the owner the next command owns the database,
 * stops the orphaned server and finds the data intact. The cases build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseOwnerTest {

    private static final DateTimeFormatter POLISH_MINUTES = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private Path home;
    private Path lockFile;
    private Path postmasterPid;
    /** the serve process of the second case, killed in the third */
    private ChildJvm serve;

    @BeforeAll
    void importData() throws Exception {
        home = Files.createTempDirectory("mops-owner-home");
        lockFile = home.resolve("pgdata.lock");
        postmasterPid = home.resolve("pgdata").resolve("postmaster.pid");
        // the import is a job too: execution 1; the monthly run of the first case is execution 2
        CommandLineRun.Outcome imported = launch("import", "--dir", resource("/statistics/monthly-small").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(Files.size(lockFile)).as("released at the end of the command").isZero();
    }

    @AfterAll
    void stopServe() throws InterruptedException {
        if (serve != null && serve.isAlive()) {
            serve.terminate();
            serve.awaitExit(Duration.ofSeconds(90));
        }
    }

    @Test
    @Order(1)
    void aSecondComputingCommandIsRefusedNamingTheOwnerWhoseServerGoesOnOrWaitsWithCzekaj() throws Exception {
        Path release = home.resolve("dalej");
        Path out = home.resolve("out-1");
        ChildJvm owner = ChildJvm.start(home, null, Map.of("mops.test.wstrzymaj", "monthlyAggregation:" + release),
                "run", "monthly", "--month", "2025-03", "--out", out.toString());
        owner.awaitOutput("[test] wstrzymano przed krokiem monthlyAggregation", Duration.ofSeconds(120));
        DatabaseOwner named = DatabaseOwner.parse(Files.readString(lockFile)).orElseThrow();
        assertThat(named.pid()).isEqualTo(owner.pid());
        assertThat(named.command()).startsWith("./mops-reports run monthly --month 2025-03 --out ");
        assertThat(named.port()).isNotNull();
        long server = postgresPid();

        ChildJvm second = ChildJvm.start(home, null, Map.of(), "import", "--dir",
                resource("/statistics/monthly-small").toString());
        assertThat(second.awaitExit(Duration.ofSeconds(60))).as(second.output()).isEqualTo(5);
        String since = named.started().atZoneSameInstant(ZoneId.of("Europe/Warsaw")).format(POLISH_MINUTES);
        assertThat(second.output()).contains("Błąd: Wbudowana baza danych jest używana przez inny proces: "
                + named.command() + " (pid " + owner.pid() + ", użytkownik " + System.getProperty("user.name")
                + ", od " + since + "). Wbudowana baza obsługuje jeden proces naraz: poczekaj, aż skończy (albo "
                + "uruchom z opcją --czekaj), albo użyj zewnętrznego serwera PostgreSQL (SPRING_DATASOURCE_URL).");
        assertThat(since).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");

        // a read-only command meanwhile sees the run in progress through the owner's server
        CommandLineRun.Outcome runs = launch("runs");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).contains("Baza danych należy do działającego procesu " + named.command() + " (pid "
                + owner.pid() + ") — odczyt przez jego serwer.").containsPattern("\\n2\\s+monthly\\s+w toku");

        // with --czekaj the same month waits for the owner, then owns the database and finds the owner's run
        ChildJvm waiting = ChildJvm.start(home, null, Map.of(), "run", "monthly", "--month", "2025-03", "--out",
                home.resolve("out-czekaj").toString(), "--czekaj");
        waiting.awaitOutput("Wbudowana baza danych jest używana przez inny proces: " + named.command() + " (pid "
                + owner.pid() + ", użytkownik " + System.getProperty("user.name") + ", od " + since + "). Czekam, aż "
                + "skończy…", Duration.ofSeconds(60));

        assertThat(postgresPid()).as("the owner's server is untouched").isEqualTo(server);
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);
        Files.createFile(release);
        assertThat(owner.awaitExit(Duration.ofSeconds(120))).as(owner.output()).isZero();
        assertThat(out.resolve("statystyka-2025-03.xlsx")).exists();
        assertThat(waiting.awaitExit(Duration.ofSeconds(120))).as(waiting.output()).isZero();
        // it found the owner's completed run and, asked for its own folder, copied the files there
        assertThat(waiting.output()).contains("Uruchamianie wbudowanej bazy PostgreSQL")
                .contains("Pliki gotowego przebiegu skopiowano do folderu " + home.resolve("out-czekaj"));
        assertThat(home.resolve("out-czekaj").resolve("statystyka-2025-03.xlsx"))
                .hasSameBinaryContentAs(out.resolve("statystyka-2025-03.xlsx"));
        assertThat(postmasterPid).as("each owner stopped its server").doesNotExist();
    }

    @Test
    @Order(2)
    void readOnlyCommandsDuringServeReadThroughItsServer() throws Exception {
        int port = freePort();
        // a catch-up horizon in the future: serve has nothing to compute here
        serve = ChildJvm.start(home, null, Map.of("mops.harmonogram.od", "2099-01"), "serve", "--port",
                String.valueOf(port));
        serve.awaitOutput("Harmonogram działa", Duration.ofSeconds(120));
        DatabaseOwner named = DatabaseOwner.parse(Files.readString(lockFile)).orElseThrow();
        long server = postgresPid();
        String reading = "Baza danych należy do działającego procesu ./mops-reports serve --port " + port + " --home="
                + home + " (pid " + serve.pid() + ") — odczyt przez jego serwer.";

        CommandLineRun.Outcome runs = launch("runs");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).startsWith(reading).doesNotContain("Uruchamianie wbudowanej bazy")
                .containsPattern("\\n2\\s+monthly\\s+zakończone")
                .contains("plik: " + home.resolve("out-1").resolve("statystyka-2025-03.xlsx"));
        CommandLineRun.Outcome snapshots = launch("snapshots");
        assertThat(snapshots.exitCode()).as(snapshots.err()).isZero();
        assertThat(snapshots.out()).startsWith(reading).contains("Migawka 1, utworzona");
        CommandLineRun.Outcome status = launch("status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).startsWith(reading).containsPattern("monthly\\s+nr 2\\s+zakończone");

        // the readers' sessions are read-only, enforced by the server
        try (Connection reader = DriverManager.getConnection(EmbeddedDatabase.readOnlyClientUrl(named.port()));
             Statement statement = reader.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE proba (x int)")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
        }
        CommandLineRun.Outcome run = launch("run", "monthly", "--month", "2025-02", "--out", home.resolve("out-2").toString());
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).startsWith("Błąd: Wbudowana baza danych jest używana przez inny proces: ./mops-reports "
                + "serve --port " + port);

        assertThat(serve.isAlive()).isTrue();
        assertThat(postgresPid()).as("no reader started or stopped a server").isEqualTo(server);
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).endsWith("\"status\":\"UP\"}");
        assertThat(home.resolve("out-2")).doesNotExist();
    }

    @Test
    @Order(3)
    void afterKillOfTheOwnerTheNextCommandOwnsTheDatabaseAndFindsTheDataIntact() throws Exception {
        assertThat(serve).as("serve of the previous case").isNotNull();
        long orphan = postgresPid();
        serve.kill();
        assertThat(serve.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the server outlived its owner")
                .contains(true);

        CommandLineRun.Outcome run = launch("run", "monthly", "--month", "2025-03", "--out", home.resolve("out-3").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Uruchamianie wbudowanej bazy PostgreSQL (" + home.resolve("pgdata") + ")…\n"
                + "Wbudowana baza została uruchomiona przez przerwany program (proces nie żyje) — zatrzymuję ją i "
                + "uruchamiam ponownie…").doesNotContain("odczyt przez jego serwer");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        // the completed run of the first case is found: nothing computed again
        assertThat(run.out()).contains("nic nie liczono ponownie",
                "Pliki gotowego przebiegu skopiowano do folderu " + home.resolve("out-3"));
        assertThat(home.resolve("out-3").resolve("statystyka-2025-03.xlsx"))
                .hasSameBinaryContentAs(home.resolve("out-1").resolve("statystyka-2025-03.xlsx"));

        CommandLineRun.Outcome runs = launch("runs");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).doesNotContain("przerwany program").containsPattern("\\n2\\s+monthly\\s+zakończone")
                .doesNotContainPattern("\\n3\\s+");
        assertThat(postmasterPid).doesNotExist();
        assertThat(Files.size(lockFile)).isZero();
    }

    /** the program in this JVM on the embedded database of the home folder */
    private CommandLineRun.Outcome launch(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home=" + home);
        return CommandLineRun.launchExactly(all);
    }

    private long postgresPid() throws IOException {
        return Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EmbeddedDatabaseOwnerTest.class.getResource(name).toURI());
    }
}
