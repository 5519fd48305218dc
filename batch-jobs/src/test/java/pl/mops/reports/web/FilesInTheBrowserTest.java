package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.mops.reports.users.Role;

/**
 * Files and the package check in a real browser ({@link HeadlessChromium}): an auditor opens Pliki from the menu,
 * sees the fixture's monthly run with its package marked, downloads it (the bytes of the file on disk) and sends it
 * through the form of Weryfikacja paczki (a real multipart form with its CSRF token) — "Paczka zgodna". Screenshots go to
 * {@code target/web-shots/}.
 */
class FilesInTheBrowserTest extends WebConsoleBrowserTest {

    private static final String PASSWORD = "pliki-w-przegladarce-2025";

    @Test
    void anAuditorDownloadsThePackageAndChecksIt() throws Exception {
        account("przegladarka.pliki", PASSWORD, Role.AUDYTOR);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn("przegladarka.pliki", PASSWORD);
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
        browser.findElement(By.linkText("statystyka-2025-03-paczka.zip")).click();
        Path downloaded = HeadlessChromium.awaitDownload(downloads, "statystyka-2025-03-paczka.zip",
                Duration.ofSeconds(30));
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(zip));
        browser.findElement(By.linkText("Weryfikacja paczki")).click();
        wait.until(ExpectedConditions.titleIs("Weryfikacja paczki — konsola MOPS"));
        browser.findElement(By.id("paczka")).sendKeys(zip.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("button[type=submit].glowny")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".werdykt")));
        assertThat(browser.findElement(By.cssSelector(".werdykt")).getText()).isEqualTo("Paczka zgodna");
        assertThat(browser.findElement(By.cssSelector("pre.wynik")).getText()).startsWith("Paczka nienaruszona:");
        screenshot("weryfikacja.png");
    }
}
