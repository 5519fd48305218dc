package pl.mops.reports.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the Debian packages ({@code chromium}, {@code chromium-driver}), driven by Selenium through
 * {@code /usr/bin/chromedriver} — never a downloaded driver. Without the two binaries a journey fails in CI
 * ({@code CI} set: {@code .ci/run} installs them) and is skipped with a message elsewhere. Screenshots go to
 * {@code target/web-shots/}; downloads to the folder given.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "web-shots");
    /** the screenshots the user guide shows */

    private HeadlessChromium() {
    }

    /** @param downloads where the browser saves what is downloaded ({@code null}: its default) */
    static WebDriver start(Path downloads) {
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
        // the browser's console (script errors, CSP violations) readable by the journeys
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "safebrowsing.enabled", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** waits until a downloaded file has arrived whole (Chromium writes {@code .crdownload} until it has) */
    static Path awaitDownload(Path folder, String name, Duration limit) throws IOException, InterruptedException {
        Path file = folder.resolve(name);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file) && !Files.exists(folder.resolve(name + ".crdownload"))) {
                return file;
            }
            Thread.sleep(100);
        }
        try (var listing = Files.list(folder)) {
            throw new AssertionError("no download " + name + " in " + folder + ": " + listing.toList());
        }
    }
}
