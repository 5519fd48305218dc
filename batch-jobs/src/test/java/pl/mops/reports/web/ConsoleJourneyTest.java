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

    @Test
    void aPlanningClerkImportsLaunchesFollowsAndDownloads() throws Exception {
        signIn("podroz.planista");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class)).isZero();
        HeadlessChromium.screenshot(browser, "podroz-pulpit-pusty.png");
    }
}
