package pl.mops.reports.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The shared console of {@link WebConsoleTest} in headless Chromium ({@link HeadlessChromium}): one browser per test
 * class, downloads into a temporary folder, the sign-in through the form and screenshots.
 */
abstract class WebConsoleBrowserTest extends WebConsoleTest {

    protected static WebDriver browser;
    protected static Path downloads;

    @BeforeAll
    static void startBrowser() throws IOException {
        downloads = Files.createTempDirectory("mops-pobrane-");
        browser = HeadlessChromium.start(downloads);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** opens the sign-in page and posts the form (the caller waits for the page it expects) */
    protected void signIn(String login, String password) {
        browser.get(baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit].glowny")).click();
    }

    protected static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }

    /** no warning or error in the browser's console (a script error, a CSP violation), but those {@code allowed} */
    protected static void assertNoBrowserProblems(java.util.function.Predicate<String> allowed) {
        java.util.List<org.openqa.selenium.logging.LogEntry> problems = browser.manage().logs()
                .get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .filter(e -> !allowed.test(e.getMessage())).toList();
        org.assertj.core.api.Assertions.assertThat(problems).as("the browser's console").isEmpty();
    }

    protected static void assertNoBrowserProblems() {
        assertNoBrowserProblems(message -> false);
    }

}
