package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.mops.reports.users.Role;

/**
 * The Import and Uruchom pages and a launch's follow page in headless Chromium ({@link HeadlessChromium}): the
 * menu entries, the forms, a monthly launch submitted from the page and followed until the page (reloaded by
 * {@code js/przebieg.js}) shows its outcome, a run's page — with no script error or CSP violation in the browser's
 * console. Screenshots in {@code target/web-shots/}.
 */
class LaunchBrowserTest extends WebConsoleBrowserTest {

    private static final String PASSWORD = "wieczorne-liczenie-statystyk";

    @Test
    void aPlannerOpensImportLaunchesTheMonthlyStatisticsAndFollowsThem() throws IOException {
        account("przegladarka.uruchamia", PASSWORD, Role.PLANOWANIE);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn("przegladarka.uruchamia", PASSWORD);
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));

        browser.findElement(By.linkText("Import")).click();
        wait.until(ExpectedConditions.titleIs("Import danych — konsola MOPS"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Pliki eksportu (CSV albo jeden ZIP)",
                "Potwierdzam ubytek danych", "Razem najwyżej 16 MB");
        screenshot("import.png");

        browser.findElement(By.linkText("Uruchom")).click();
        wait.until(ExpectedConditions.titleIs("Uruchom zadanie — konsola MOPS"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Statystyka miesięczna",
                "Sprawozdanie MRPiPS-03").doesNotContain("Ocena zasobów");
        browser.manage().window().setSize(new Dimension(1280, 1500));
        screenshot("uruchom.png");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        // the month already computed on the fixture's snapshot: the launch ends at once, reusing the results
        var month = browser.findElement(By.id("miesiac"));
        month.clear();
        month.sendKeys("2025-03");
        browser.findElement(By.cssSelector("#statystyka ~ form button[type=submit], section[aria-labelledby=statystyka] "
                + "button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/uruchomienia/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-pole=state]"), "zakończone"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Statystyka miesięczna za 2025-03",
                "przegladarka.uruchamia (konsola)", "były już policzone");
        screenshot("uruchomienie.png");

        Long run = jdbc.queryForObject("SELECT max(e.job_execution_id) FROM batch_job_execution e JOIN batch_job_instance i "
                + "ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'monthlyStatistics'", Long.class);
        browser.get(baseUrl() + "/przebiegi/" + run);
        wait.until(ExpectedConditions.titleIs("Przebieg nr " + run + " — konsola MOPS"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("statystyka miesięczna",
                "agregacja w bazie (GROUPING SETS)", "tworzenie plików XLSX, PDF i CSV", "zakończone", "Pliki przebiegu");
        browser.manage().window().setSize(new Dimension(1280, 1400));
        screenshot("przebieg.png");

        assertNoBrowserProblems(message -> message.contains("/pliki/przebieg/"));
    }
}
