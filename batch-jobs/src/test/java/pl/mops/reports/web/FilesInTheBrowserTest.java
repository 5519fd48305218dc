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
 * Files and the package check in a real browser (headless Chromium, as {@link BrowserJourneyTest}): an auditor opens
 * Pliki from the menu, sees the fixture's monthly run with its package marked, and sends that package through the
 * form of Weryfikacja paczki (a real multipart form with its CSRF token) — "Paczka zgodna". Screenshots go to
 * {@code target/web-shots/}.
 */
class FilesInTheBrowserTest extends WebConsoleTest {

    private static final Path SHOTS = Path.of("target", "web-shots");
    private static final String PASSWORD = "pliki-w-przegladarce-2025";

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(BrowserJourneyTest.CHROMIUM)
                && Files.isExecutable(BrowserJourneyTest.CHROMEDRIVER);
        if (!present) {
            String missing = "Brak przeglądarki do testów konsoli (apt-get install -y chromium chromium-driver).";
            if (System.getenv("CI") != null) {
                throw new AssertionError(missing);
            }
            Assumptions.abort(missing + " Test pominięty (poza CI).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserJourneyTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=pl-PL", "--no-first-run", "--disable-extensions");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserJourneyTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAuditorFindsThePackageAndChecksIt() throws IOException {
        account("przegladarka.pliki", PASSWORD, Role.AUDYTOR);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys("przegladarka.pliki");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit].glowny")).click();
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));

        browser.findElement(By.linkText("Pliki")).click();
        wait.until(ExpectedConditions.titleIs("Pliki — konsola MOPS"));
        String main = browser.findElement(By.tagName("main")).getText();
        assertThat(main).contains("statystyka miesięczna", "miesiąc 2025-03", "statystyka-2025-03-paczka.zip",
                "paczka dla audytorów", "niedostępny dla Twojej roli");
        assertThat(browser.findElements(By.linkText("statystyka-2025-03-paczka.zip"))).isNotEmpty();
        assertThat(browser.findElements(By.linkText("statystyka-2025-03.xlsx"))).isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1400));
        screenshot("pliki.png");

        Path zip;
        try (var files = Files.walk(HOME.resolve("out"))) {
            zip = files.filter(f -> f.getFileName().toString().equals("statystyka-2025-03-paczka.zip")).findFirst()
                    .orElseThrow();
        }
        browser.findElement(By.linkText("Weryfikacja paczki")).click();
        wait.until(ExpectedConditions.titleIs("Weryfikacja paczki — konsola MOPS"));
        browser.findElement(By.id("paczka")).sendKeys(zip.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("button[type=submit].glowny")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".werdykt")));
        assertThat(browser.findElement(By.cssSelector(".werdykt")).getText()).isEqualTo("Paczka zgodna");
        assertThat(browser.findElement(By.cssSelector("pre.wynik")).getText()).startsWith("Paczka nienaruszona:");
        screenshot("weryfikacja.png");
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
