package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.mops.reports.users.Role;

/**
 * The OZPS resources form in headless Chromium, as the strategy section uses it: the year 2024 opened from the list,
 * every value typed, a negative count refused at its field (the message tied to the field by aria-describedby),
 * corrected, the assessment run and followed to its end, its PDF downloaded; then the workbook downloaded from the
 * form loaded back and run again — with the same figures stored by both runs. Screenshots for the user guide in
 * {@code target/web-shots/} (docs/podrecznik/zrzuty copies them into the guide).
 */
class ResourcesFormBrowserTest extends WebConsoleBrowserTest {

    private static final String PASSWORD = "zasoby-w-przegladarce-2024";
    private static final Path GUIDE = HeadlessChromium.SHOTS;

    @Test
    void theStrategySectionTypesTheResourcesRunsTheAssessmentAndRunsItAgainFromTheWorkbook() throws Exception {
        account("zasoby.przegladarka", PASSWORD, Role.STRATEGIA);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signIn("zasoby.przegladarka", PASSWORD);
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));

        browser.findElement(By.linkText("Zasoby OZPS")).click();
        wait.until(ExpectedConditions.titleIs("Zasoby OZPS — konsola MOPS"));
        assertThat(browser.findElement(By.id("rok")).getAttribute("value")).isEqualTo("2024"); // clock: April 2025
        browser.findElement(By.cssSelector("main button[type=submit].glowny")).click();
        wait.until(ExpectedConditions.titleIs("Zasoby OZPS za 2024 — konsola MOPS"));

        fill(ResourcesFormPageTest.validFields(2024));
        WebElement social = browser.findElement(By.id("p-w-kadra-pracownicy_socjalni_osoby-2024"));
        social.clear();
        social.sendKeys("-3");
        browser.manage().window().setSize(new Dimension(1280, 1600));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("zasoby-formularz.png");
        button("Sprawdź").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("p-w-kadra-pracownicy_socjalni_osoby-2024-blad")));
        social = browser.findElement(By.id("p-w-kadra-pracownicy_socjalni_osoby-2024"));
        assertThat(social.getAttribute("aria-invalid")).isEqualTo("true");
        String message = browser.findElement(By.id(social.getAttribute("aria-describedby"))).getText();
        assertThat(message).isEqualTo("ujemna liczba -3 w pozycji kadra.pracownicy_socjalni_osoby, rok 2024 — "
                + "wartości nie mogą być ujemne.");
        // the list at the top has the focus, and leads to the field
        assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("podsumowanie-bledow");
        browser.findElement(By.linkText(message)).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo(social.getAttribute("id"));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true); window.scrollBy(0, -300)",
                social);
        screenshot("zasoby-blad.png");
        // the page on A4, as Ctrl+P prints it (for a look at the print style; the PDF is not part of the guide)
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        Pdf printed = ((PrintsPage) browser).print(a4);
        byte[] pdfBytes = java.util.Base64.getDecoder().decode(printed.getContent());
        Files.write(GUIDE.resolve("zasoby-druk.pdf"), pdfBytes);
        assertThat(new String(pdfBytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");

        social.clear();
        social.sendKeys("10");
        browser.findElement(By.id("z-niepelny")).click();
        browser.findElement(By.id("z-ponownie")).click();
        button("Uruchom ocenę").click();
        long first = followToTheEnd(wait);
        WebElement pdf = browser.findElements(By.cssSelector("main a")).stream()
                .filter(a -> a.getText().endsWith(".pdf")).findFirst().orElseThrow();
        String pdfName = pdf.getText();
        pdf.click();
        Path downloadedPdf = HeadlessChromium.awaitDownload(downloads, pdfName, Duration.ofSeconds(60));
        assertThat(new String(Files.readAllBytes(downloadedPdf), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");

        browser.get(baseUrl() + "/zasoby/2024");
        wait.until(ExpectedConditions.titleIs("Zasoby OZPS za 2024 — konsola MOPS"));
        assertThat(browser.findElement(By.id("p-w-kadra-pracownicy_socjalni_osoby-2024")).getAttribute("value"))
                .isEqualTo("10");
        button("Pobierz jako arkusz Excel").click();
        Path workbook = HeadlessChromium.awaitDownload(downloads, "zasoby-2024.xlsx", Duration.ofSeconds(60));
        browser.findElement(By.id("plik")).sendKeys(workbook.toAbsolutePath().toString());
        button("Wczytaj arkusz Excel").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".komunikat"),
                "Wczytano skoroszyt „zasoby-2024.xlsx” i zapisano wartości jako szkic — bez problemów."));
        browser.findElement(By.id("z-niepelny")).click();
        browser.findElement(By.id("z-ponownie")).click();
        button("Uruchom ocenę").click();
        long second = followToTheEnd(wait);

        assertThat(second).isNotEqualTo(first);
        assertThat(figures(second)).isNotEmpty().isEqualTo(figures(first));
        assertThat(figures(second)).contains("kadra/pracownicy_socjalni_osoby/2024=10.00",
                "budzet/85219/2023=brak danych", "budzet/85219/2024=130500.25");
    }

    /** fills the form in: every field named, every other budget row cleared (the page may show a draft) */
    private void fill(Map<String, String> fields) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("document.querySelectorAll('input[name^=\"b.\"]').forEach(i => i.value = '')");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            WebElement input = browser.findElement(By.name(field.getKey()));
            js.executeScript("arguments[0].value = arguments[1]", input, field.getValue());
        }
    }

    private WebElement button(String text) {
        return browser.findElements(By.cssSelector("main button")).stream().filter(b -> b.getText().equals(text))
                .findFirst().orElseThrow();
    }

    /** waits for the follow page to say "zakończone" and gives the OZPS run's job instance */
    private long followToTheEnd(WebDriverWait wait) {
        wait.until(ExpectedConditions.urlContains("/uruchomienia/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-pole=state]"), "zakończone"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText(".pdf")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(
                "Ocena zasobów pomocy społecznej za 2024", "zasoby.przegladarka (konsola)");
        Long instance = jdbc.queryForObject("SELECT max(job_instance_id) FROM ozps_run WHERE year = 2024", Long.class);
        return instance;
    }

    /** the resources a run stored, "chapter/position/year=value" */
    private List<String> figures(long instance) {
        return jdbc.queryForList("SELECT chapter || '/' || position || '/' || year || '=' || coalesce(value::text, "
                + "'brak danych') FROM ozps_resource WHERE job_instance_id = ? ORDER BY chapter, position, year",
                String.class, instance);
    }

}
