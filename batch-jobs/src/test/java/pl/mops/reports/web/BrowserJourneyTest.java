package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.mops.reports.users.Role;

/**
 * The console in a real browser ({@link HeadlessChromium}), on the shared console's fixture. A planning clerk signs in through the form and sees the Pulpit with the newest snapshot; an auditor gets the Polish
 * 403 page on an administrator's URL. Screenshots of the sign-in page and the Pulpit go to {@code target/web-shots/}.
 */
class BrowserJourneyTest extends WebConsoleBrowserTest {

    private static final String PASSWORD = "poranna-kawa-w-osrodku";

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

        signIn("przegladarka.planista", PASSWORD);
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

        signIn("przegladarka.audytor", PASSWORD);
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
        signIn("przegladarka.admin", PASSWORD);
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));
        // the longest menu fits a 1280-pixel window: no sideways scrolling, the last tab wholly on the page
        JavascriptExecutor page = (JavascriptExecutor) browser;
        assertThat(((Number) page.executeScript("return document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth")).longValue()).as("sideways scrolling").isLessThanOrEqualTo(0);
        assertThat(((Number) page.executeScript("return document.documentElement.clientWidth"
                + " - arguments[0].getBoundingClientRect().right", browser.findElement(By.linkText("Dziennik zdarzeń"))))
                .doubleValue()).as("the last tab's right edge inside the window").isGreaterThanOrEqualTo(0);
        screenshot("pulpit-administrator.png");
        browser.findElement(By.linkText("Użytkownicy")).click();
        wait.until(ExpectedConditions.titleIs("Użytkownicy — konsola MOPS"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("przegladarka.planista",
                "Dodaj użytkownika");
        screenshot("uzytkownicy.png");
    }
}
