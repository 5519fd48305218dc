package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.mops.reports.users.Role;

/**
 * Pages as the browser prints them (Ctrl+P): Chromium's own printing with the page's CSS page size, read back with
 * PDFBox. Every page is A4 (the print style sheet asks for it), the menu, the account and the buttons are not printed,
 * the content is. The PDFs are kept in {@code target/web-shots/} to look at.
 */
class PrintingTest extends WebConsoleBrowserTest {

    private static final String PASSWORD = "wydruk-na-a4-stron";
    private static final float A4_WIDTH = 595.28f;
    private static final float A4_HEIGHT = 841.89f;

    @Test
    void theReturnAndTheGuidePrintOnA4WithoutTheMenu() throws IOException {
        ReturnFormPageTest.computeOnce(context, jdbc);
        account("wydruk.planista", PASSWORD, Role.PLANOWANIE);
        browser.get(baseUrl() + "/login");
        browser.manage().deleteAllCookies();
        signIn("wydruk.planista", PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));

        String form = print("/sprawozdania/" + ReturnFormPageTest.correction, "wydruk-sprawozdanie.pdf");
        assertThat(form).contains("Dział 2", "Reguły kontrolne").doesNotContain("Wyloguj", "Weryfikacja paczki");
        String guide = print("/pomoc/planowanie", "wydruk-podrecznik.pdf");
        assertThat(guide).contains("Co miesiąc").doesNotContain("Wyloguj", "Spis treści");
    }

    /** prints the page as Chromium does for Ctrl+P (CSS page size preferred) and returns its text */
    private String print(String path, String name) throws IOException {
        browser.get(baseUrl() + path);
        Map<String, Object> printed = ((HasCdp) browser).executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", false));
        byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));
        Files.createDirectories(HeadlessChromium.SHOTS);
        Files.write(HeadlessChromium.SHOTS.resolve(name), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).as(path + ": A4 width").isCloseTo(A4_WIDTH,
                        org.assertj.core.data.Offset.offset(1f));
                assertThat(page.getMediaBox().getHeight()).as(path + ": A4 height").isCloseTo(A4_HEIGHT,
                        org.assertj.core.data.Offset.offset(1f));
            }
            return new PDFTextStripper().getText(document);
        }
    }
}
