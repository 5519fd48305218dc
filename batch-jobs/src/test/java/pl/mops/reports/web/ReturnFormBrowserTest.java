package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.mops.reports.users.Role;

/**
 * The Sprawozdania pages in headless Chromium: a planner opens the menu entry, the correction of 2025-P
 * ({@link ReturnFormPageTest#computeOnce}), reaches the number of families of section 2, row 1 with the keyboard and
 * opens it: as many entries as the number says. No script error or CSP violation in the browser's console.
 * Screenshots in {@code target/web-shots/}.
 */
class ReturnFormBrowserTest extends WebConsoleBrowserTest {

    private static final String PASSWORD = "formularz-w-przegladarce";

    @Test
    void aPlannerOpensTheReturnAndACountOfFamilies() throws IOException {
        ReturnFormPageTest.computeOnce(context, jdbc);
        long run = ReturnFormPageTest.correction;
        account("przegladarka.sprawozdania", PASSWORD, Role.PLANOWANIE);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signIn("przegladarka.sprawozdania", PASSWORD);
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));

        browser.findElement(By.linkText("Sprawozdania")).click();
        wait.until(ExpectedConditions.titleIs("Sprawozdania — konsola MOPS"));
        screenshot("sprawozdania.png");
        browser.findElement(By.linkText("nr " + run)).click();
        wait.until(ExpectedConditions.titleIs("Sprawozdanie 2025-P — konsola MOPS"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Dział 2. Rzeczywista liczba rodzin",
                "Reguły kontrolne", "niespełniona", "było: 11", "Porównanie z systemem dziedzinowym");
        browser.manage().window().setSize(new Dimension(1280, 3000));
        screenshot("sprawozdanie.png");

        browser.manage().window().setSize(new Dimension(1280, 1000));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('dzial-1B').scrollIntoView()");
        screenshot("sprawozdanie-dzial-1B.png");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('dzial-2').scrollIntoView()");
        screenshot("sprawozdanie-dzial-2.png");

        WebElement families = browser.findElement(By.cssSelector("a[href$='/komorka/2/OGOLEM/RODZINY']"));
        String number = families.getText();
        families.sendKeys(Keys.ENTER); // a link the keyboard reaches and follows
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pozycji")));
        assertThat(browser.findElement(By.id("wartosc")).getText()).isEqualTo(number).isEqualTo("4");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.pozycje tbody tr"));
        assertThat(rows).hasSize(Integer.parseInt(number));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        screenshot("komorka.png");

        assertNoBrowserProblems();
    }
}
