package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import pl.mops.reports.generator.GeneratorSettings;
import pl.mops.reports.generator.SyntheticDataGenerator;
import pl.mops.reports.users.Role;
import pl.mops.reports.users.UserAccounts;

/**
 * The console's journeys in headless Chromium ({@link HeadlessChromium}), on a console of their own (its own database
 * {@code mops_web_journey}, empty at the start, and its own home folder), so that what they import does not change
 * what the other console tests see: a planning clerk uploads a generated export, watches the import finish, launches
 * the monthly statistics, sees its steps advance and downloads the workbook and the auditors' package; an auditor has
 * no launch button, is refused the launch page, verifies the downloaded package and sees a tampered copy refused.
 * The clock is the console tests' (4 April 2025, 10:00 in Warsaw): the generated export ends with March 2025.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@Import(WebConsoleTest.Fixtures.class)
class ConsoleJourneyTest {

    private static final Path HOME = WebConsoleTest.home();
    private static final String PASSWORD = "wiosenne-sprawozdanie-2025";
    private static final YearMonth LAST_MONTH = YearMonth.of(2025, 3);

    private static WebDriver browser;
    private static Path downloads;
    private static Path export;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> WebConsoleTest.ownDatabase("mops_web_journey"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("mops.home", HOME::toString);
    }

    @Autowired
    private Environment environment;
    @Autowired
    private UserAccounts accounts;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticDataGenerator generator;

    @BeforeAll
    static void startBrowser() throws IOException {
        downloads = Files.createTempDirectory("mops-pobrane");
        browser = HeadlessChromium.start(downloads);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        WebConsoleTest.CLOCK.set(WebConsoleTest.START);
        synchronized (ConsoleJourneyTest.class) {
            if (export == null) {
                Path folder = Files.createTempDirectory("mops-eksport");
                generator.writeCsv(new GeneratorSettings(120, 1, 7L, LAST_MONTH), folder);
                export = folder;
            }
        }
        for (String login : List.of("podroz.planista", "podroz.audytor")) {
            if (accounts.find(login).isEmpty()) {
                accounts.add(login, EnumSet.of(login.endsWith("planista") ? Role.PLANOWANIE : Role.AUDYTOR),
                        PASSWORD, new UserAccounts.Actor("test", null));
            }
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private void signIn(String login) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit].glowny")).click();
        waiting(30).until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));
    }

    /** the export's data rows per file, counted here from the generated files (header line excluded) */
    private static long dataRows(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count() - 1;
        }
    }

    private String mainText() {
        return browser.findElement(By.tagName("main")).getText();
    }

    @Test
    void aPlanningClerkImportsLaunchesFollowsAndDownloadsAndAnAuditorVerifies() throws Exception {
        // planning: the menu offers the import and the launch
        signIn("podroz.planista");
        assertThat(browser.findElements(By.linkText("Import"))).hasSize(1);
        assertThat(browser.findElements(By.linkText("Uruchom"))).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class)).isZero();

        // the generated export, all its CSV files in one upload
        browser.findElement(By.linkText("Import")).click();
        waiting(30).until(ExpectedConditions.titleIs("Import danych — konsola MOPS"));
        List<Path> csv;
        try (var files = Files.list(export)) {
            csv = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(csv).extracting(f -> f.getFileName().toString()).contains("osoby.csv", "rodziny.csv",
                "czlonkowie.csv", "decyzje.csv", "swiadczenia.csv", "praca_socjalna.csv");
        browser.findElement(By.id("pliki")).sendKeys(String.join("\n",
                csv.stream().map(f -> f.toAbsolutePath().toString()).toList()));
        HeadlessChromium.screenshot(browser, "podroz-import.png");
        browser.findElement(By.cssSelector("form button.glowny")).click();

        // the import runs in the background; the page follows it and shows the summary
        waiting(120).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Podsumowanie importu — migawka nr"));
        long snapshot = jdbc.queryForObject("SELECT max(id) FROM snapshot", Long.class);
        String summary = mainText();
        assertThat(summary).contains("Podsumowanie importu — migawka nr " + snapshot, "zakończone");
        for (Path file : csv) {
            long rows = dataRows(file);
            String line = browser.findElement(By.xpath("//table[caption='Wiersze każdego pliku']//tr[th='"
                    + file.getFileName() + "']")).getText();
            assertThat(line).as(file.getFileName().toString())
                    .startsWith(file.getFileName() + " " + String.format(java.util.Locale.ROOT, "%,d", rows)
                            .replace(',', ' '));
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        HeadlessChromium.screenshot(browser, "podroz-import-gotowy.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        // the monthly statistics for March 2025, held for a moment before its second step so that the page can be
        // seen between the steps (the test hook of every step; the job is the same)
        browser.findElement(By.linkText("Uruchom")).click();
        waiting(30).until(ExpectedConditions.titleContains("Uruchom"));
        // the form offers the month just ended by the program's clock
        assertThat(browser.findElement(By.id("miesiac")).getDomProperty("value")).isEqualTo("2025-03");
        List<String> seen = new java.util.ArrayList<>();
        System.setProperty("mops.test.wstrzymaj", "monthlyRendering:3000");
        try {
            browser.findElement(By.xpath("//button[normalize-space()='Uruchom statystykę']")).click();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                String state;
                try {
                    List<org.openqa.selenium.WebElement> steps = browser.findElements(
                            By.cssSelector("[data-pole=steps]"));
                    state = steps.isEmpty() ? "" : steps.get(0).getText();
                } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                    continue; // the page's script (or its reload at the end) replaced the table meanwhile
                }
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                    seen.add(state);
                    if (state.contains("tworzenie plików XLSX, PDF i CSV w toku")) {
                        HeadlessChromium.screenshot(browser, "podroz-kroki.png");
                    }
                }
                if (!browser.findElements(By.xpath("//h3[normalize-space()='Pliki przebiegu']")).isEmpty()) {
                    waiting(30).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
                        seen.add(b.findElement(By.cssSelector("[data-pole=steps]")).getText());
                        return true;
                    });
                    break;
                }
                Thread.sleep(100);
            }
        } finally {
            System.clearProperty("mops.test.wstrzymaj");
        }
        // the steps advanced on the page, without reloading it: the first step done while the second had not
        // finished, then both done
        assertThat(seen).as("the steps table as the page showed it; the page at the end: " + browser.getTitle() + "\n"
                + mainText()).anySatisfy(state ->
                assertThat(state).contains("agregacja w bazie (GROUPING SETS) zakończone")
                        .doesNotContain("tworzenie plików XLSX, PDF i CSV zakończone"));
        assertThat(seen.get(seen.size() - 1)).contains("agregacja w bazie (GROUPING SETS) zakończone",
                "tworzenie plików XLSX, PDF i CSV zakończone");
        long run = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution e JOIN batch_job_instance i"
                + " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'monthlyStatistics'", Long.class);
        assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
                String.class, run)).isEqualTo("COMPLETED");
        assertThat(mainText()).contains("przebieg nr " + run, "podroz.planista (konsola)");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1800));
        HeadlessChromium.screenshot(browser, "podroz-statystyka.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        // the workbook and the auditors' package, downloaded from the run's page: the bytes the run wrote
        Path out = HOME.resolve("out").resolve("statystyka").resolve("2025-03");
        for (String name : List.of("statystyka-2025-03.xlsx", "statystyka-2025-03-paczka.zip")) {
            browser.findElement(By.linkText(name)).click();
            Path downloaded = HeadlessChromium.awaitDownload(downloads, name, Duration.ofSeconds(30));
            assertThat(Files.readAllBytes(downloaded)).as(name).isEqualTo(Files.readAllBytes(out.resolve(name)));
        }
        assertThat(jdbc.queryForList("SELECT details FROM audit_log WHERE actor = 'podroz.planista' AND action = "
                + "'POBRANIE' ORDER BY id", String.class)).containsExactly(
                "przebieg nr " + run + ", plik statystyka-2025-03.xlsx",
                "przebieg nr " + run + ", plik statystyka-2025-03-paczka.zip");

        // the auditor: no launch in the menu or on the run's page, the launch page refused
        signIn("podroz.audytor");
        assertThat(browser.findElements(By.linkText("Uruchom"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Import"))).isEmpty();
        browser.get(baseUrl() + "/przebiegi/" + run);
        waiting(30).until(ExpectedConditions.titleIs("Przebieg nr " + run + " — konsola MOPS"));
        assertThat(browser.findElements(By.tagName("button"))).extracting(e -> e.getText())
                .containsExactly("Wyloguj");
        browser.get(baseUrl() + "/uruchom");
        waiting(30).until(ExpectedConditions.titleIs("Brak uprawnień — konsola MOPS"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Brak uprawnień (403)");

        // the package downloaded by the planner checks out; a copy with one changed byte does not
        Path tampered = downloads.resolve("zmieniona-paczka.zip");
        tamper(downloads.resolve("statystyka-2025-03-paczka.zip"), tampered);
        for (Path zip : List.of(downloads.resolve("statystyka-2025-03-paczka.zip"), tampered)) {
            browser.get(baseUrl() + "/weryfikacja");
            waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("paczka")));
            browser.findElement(By.id("paczka")).sendKeys(zip.toAbsolutePath().toString());
            browser.findElement(By.cssSelector("form button.glowny")).click();
            waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".werdykt")));
            String verdict = browser.findElement(By.cssSelector(".werdykt")).getText();
            assertThat(verdict).as(zip.getFileName().toString())
                    .isEqualTo(zip == tampered ? "Paczka niezgodna" : "Paczka zgodna");
        }
        assertThat(mainText()).contains("statystyka-2025-03.csv");
        HeadlessChromium.screenshot(browser, "podroz-weryfikacja-niezgodna.png");
    }

    /** a copy of the package with one digit of its CSV changed (the manifest left as it was) */
    private static void tamper(Path zip, Path copy) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            boolean changed = false;
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (!changed && entry.getName().endsWith("statystyka-2025-03.csv")) {
                    for (int i = bytes.length - 1; i >= 0; i--) {
                        if (bytes[i] >= '0' && bytes[i] <= '8') {
                            bytes[i]++;
                            changed = true;
                            break;
                        }
                    }
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            assertThat(changed).as("a digit changed in the package's CSV").isTrue();
        }
    }
}
