package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.mops.reports.users.Role;

/**
 * The console in a real browser: headless Chromium from the Debian packages ({@code chromium},
 * {@code chromium-driver}), driven by Selenium through {@code /usr/bin/chromedriver} — never a downloaded driver.
 * A planning clerk signs in through the form and sees the Pulpit with the newest snapshot; an auditor gets the Polish
 * 403 page on an administrator's URL. Screenshots of the sign-in page and the Pulpit go to {@code target/web-shots/}.
 * <p>
 * Without the two binaries the test fails in CI ({@code CI} set: {@code .ci/run} installs them) and is skipped with a
 * message elsewhere.
 */
class BrowserJourneyTest extends WebConsoleTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "web-shots");
    private static final String PASSWORD = "poranna-kawa-w-osrodku";

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Brak przeglądarki do testów konsoli: " + CHROMIUM + " i " + CHROMEDRIVER
                + " — zainstaluj pakiety Debiana: apt-get install -y chromium chromium-driver (robi to .ci/run).";
        if (!present) {
            if (System.getenv("CI") != null) {
                throw new AssertionError(missing);
            }
            Assumptions.abort(missing + " Test pominięty (poza CI).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=pl-PL", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPlanningClerkSignsInAndSeesThePulpitAnAuditorGetsThePolish403() throws IOException {
        account("przegladarka.planista", PASSWORD, Role.PLANOWANIE);
        account("przegladarka.audytor", PASSWORD, Role.AUDYTOR);

        browser.get(baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getTitle()).isEqualTo("Logowanie — konsola MOPS");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Login");
        screenshot("logowanie.png");

        signIn("przegladarka.planista");
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));
        String pulpit = browser.findElement(By.tagName("main")).getText();
        assertThat(pulpit).contains("Najnowsza migawka danych", "nr " + snapshotId, "osoby.csv", "Razem",
                "Ostatnie uruchomienie każdego zadania", "statystyka miesięczna", "Harmonogram", "Sprawozdania MRPiPS-03");
        assertThat(browser.findElements(By.linkText("Użytkownicy"))).isEmpty();
        // the style sheet and the script came through the CSP: the header is the program's blue, no console errors
        assertThat(browser.findElement(By.cssSelector("header.naglowek")).getCssValue("background-color"))
                .isEqualTo("rgba(11, 79, 138, 1)");
        browser.manage().window().setSize(new Dimension(1280, 1900));
        screenshot("pulpit.png");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        browser.findElement(By.cssSelector("form.wyloguj button")).click();
        wait.until(ExpectedConditions.urlContains("/login?wylogowano"));
        assertThat(browser.findElement(By.cssSelector(".komunikat")).getText()).isEqualTo("Wylogowano.");

        signIn("przegladarka.audytor");
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));
        browser.get(baseUrl() + "/admin/uzytkownicy");
        wait.until(ExpectedConditions.titleIs("Brak uprawnień — konsola MOPS"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Brak uprawnień (403)");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel", "Exception");
        screenshot("403.png");
        browser.findElement(By.cssSelector("form.wyloguj button")).click();
        wait.until(ExpectedConditions.urlContains("/login?wylogowano"));

        // the administrator's menu has the users and the audit log
        account("przegladarka.admin", PASSWORD, Role.ADMIN);
        signIn("przegladarka.admin");
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));
        browser.findElement(By.linkText("Użytkownicy")).click();
        wait.until(ExpectedConditions.titleIs("Użytkownicy — konsola MOPS"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("przegladarka.planista",
                "Dodaj użytkownika");
        screenshot("uzytkownicy.png");
    }

    private void signIn(String login) {
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit].glowny")).click();
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
