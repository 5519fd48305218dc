package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.mops.reports.users.Role;

/**
 * The document pages in headless Chromium: a planner opens Statystyka, picks March 2025 with the keyboard and sees
 * its tables and charts; the strategy section opens Ocena zasobów for 2024 with its findings. No script error or CSP
 * violation in the browser's console. Screenshots (the guide's among them) in {@code target/web-shots/}.
 */
class DocumentPagesBrowserTest extends WebConsoleBrowserTest {

    private static final String PASSWORD = "dokumenty-w-przegladarce";

    @Test
    void aPlannerPicksAMonthWithTheKeyboardAndTheStrategySectionReadsTheAssessment() throws Exception {
        DocumentPagesTest.computeOnce(context, jdbc);
        account("przegladarka.statystyka", PASSWORD, Role.PLANOWANIE);
        account("przegladarka.ocena", PASSWORD, Role.STRATEGIA);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signIn("przegladarka.statystyka", PASSWORD);
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));

        browser.findElement(By.linkText("Statystyka")).click();
        wait.until(ExpectedConditions.titleIs("Statystyka miesięczna — konsola MOPS"));
        WebElement select = tabTo("okres");
        select.sendKeys("m"); // „marzec 2025”, the first month starting with m
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement button = browser.switchTo().activeElement();
        assertThat(button.getText()).isEqualTo("Pokaż");
        button.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.titleIs("Statystyka miesięczna — marzec 2025 — konsola MOPS"));
        WebElement main = browser.findElement(By.tagName("main"));
        assertThat(main.getText()).contains("Tabela 1. Miasto ogółem", "3 570,00", "693,3 %", "Wykresy");
        assertThat(browser.findElements(By.cssSelector("svg.wykres"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("#W1 svg")).getSize().getWidth()).isGreaterThan(400);
        browser.manage().window().setSize(new Dimension(1280, 1400));
        screenshot("statystyka.png");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('W3').scrollIntoView()");
        screenshot("statystyka-wykres.png");
        // a long table scrolls in its box under its frozen header row
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('tabela-T2').scrollIntoView(); "
                        + "document.querySelector('#tabela-T2 .przewijana').scrollTop = 240; "
                        + "document.querySelector('#tabela-T2 .przewijana').scrollLeft = 300");
        WebElement header = browser.findElement(By.cssSelector("#tabela-T2 thead th"));
        WebElement box = browser.findElement(By.cssSelector("#tabela-T2 .przewijana"));
        assertThat(header.getLocation().getY()).isEqualTo(box.getLocation().getY() + 1);
        screenshot("statystyka-tabela-2.png");
        // printed on A4 (druk.css), for a look at the pages
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        Pdf pdf = ((PrintsPage) browser).print(a4);
        Files.createDirectories(HeadlessChromium.SHOTS);
        Files.write(HeadlessChromium.SHOTS.resolve("statystyka-druk.pdf"), OutputType.BYTES.convertFromBase64Png(pdf.getContent()));
        assertNoBrowserProblems();

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signIn("przegladarka.ocena", PASSWORD);
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));
        browser.findElement(By.linkText("Ocena zasobów")).click();
        wait.until(ExpectedConditions.titleIs("Ocena zasobów pomocy społecznej — konsola MOPS"));
        tabTo("okres");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.titleIs("Ocena zasobów pomocy społecznej — 2024 — konsola MOPS"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Wnioski", "Pobierz wnioski");
        assertThat(browser.findElements(By.cssSelector("svg.wykres"))).isNotEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1400));
        screenshot("ocena.png");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('figure.wykres-dokumentu').scrollIntoView()");
        screenshot("ocena-wykres.png");
        assertNoBrowserProblems();
    }

    /** presses Tab from the top of the page until the element with this id has the focus */
    private static WebElement tabTo(String id) {
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int i = 0; i < 40; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("the keyboard does not reach #" + id);
    }

}
