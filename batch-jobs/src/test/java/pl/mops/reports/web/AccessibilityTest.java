package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import pl.mops.reports.users.Role;

/**
 * Every page of the console against the WCAG 2.1 A and AA rules that a program can check (axe-core, the engine
 * behind the browsers' own accessibility audits, run in headless Chromium on the page as rendered: labels, names of
 * links and buttons, table headers, contrast of every text against its real background, landmarks, language,
 * ARIA). What only a person can judge (meaningful order, clear messages) was reviewed by hand; README says how.
 * A page that breaks a rule fails the test with the rule, the element and axe's explanation.
 */
class AccessibilityTest extends WebConsoleBrowserTest {

    private static final String PASSWORD = "dostepnosc-stron";
    private static final String AXE = axeSource();

    /** the pages an administrator reaches (all of them), then the sign-in page and the error pages */
    @Test
    void everyPageMeetsTheCheckableRules() throws Exception {
        ReturnFormPageTest.computeOnce(context, jdbc);
        DocumentPagesTest.computeOnce(context, jdbc);
        long run = ReturnFormPageTest.correction;
        account("dostepnosc.admin", PASSWORD, Role.ADMIN);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signOutAndIn("dostepnosc.admin");
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));

        List<String> pages = new ArrayList<>(List.of("/", "/import", "/uruchom", "/sprawozdania",
                "/sprawozdania/" + run, "/sprawozdania/" + run + "/komorka/2/OGOLEM/RODZINY", "/pliki",
                "/przebiegi/" + run, "/weryfikacja", "/admin/uzytkownicy", "/admin/dziennik", "/nie-ma-takiej-strony",
                "/statystyka", "/statystyka/2025-03", "/ocena", "/ocena/2024", "/zasoby", "/zasoby/2024", "/pomoc",
                "/pomoc/planowanie", "/pomoc/komunikaty"));
        List<String> violations = new ArrayList<>();
        for (String page : pages) {
            violations.addAll(check(page));
        }
        browser.manage().deleteAllCookies();
        violations.addAll(check("/login"));
        violations.addAll(check("/login?error"));
        assertThat(violations).as("WCAG 2.1 A/AA violations found by axe-core").isEmpty();
    }

    /** the same rules on the pages of a role that sees less (the auditor: pseudonyms, no launch) */
    @Test
    void theAuditorsPagesToo() throws Exception {
        ReturnFormPageTest.computeOnce(context, jdbc);
        DocumentPagesTest.computeOnce(context, jdbc);
        long run = ReturnFormPageTest.correction;
        account("dostepnosc.audytor", PASSWORD, Role.AUDYTOR);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signOutAndIn("dostepnosc.audytor");
        wait.until(ExpectedConditions.titleIs("Pulpit — konsola MOPS"));
        List<String> violations = new ArrayList<>();
        for (String page : List.of("/", "/sprawozdania/" + run + "/komorka/2/OGOLEM/RODZINY", "/uruchom",
                "/statystyka", "/ocena/2024")) {
            violations.addAll(check(page));
        }
        assertThat(violations).as("WCAG 2.1 A/AA violations found by axe-core").isEmpty();
    }

    /** the checker itself: a page with an unlabelled field and grey-on-white text is refused, naming both rules */
    @Test
    void theCheckerFindsWhatItShould() {
        browser.get("data:text/html;charset=utf-8,<!DOCTYPE html><html lang=pl><head><title>t</title></head><body>"
                + "<main><h1>Próba</h1><input type=text><p style='color:%23bbb;background:%23fff'>szary tekst</p>"
                + "</main></body></html>");
        assertThat(String.join("\n", axe("data:"))).contains("label", "color-contrast");
    }

    /** the browser is shared by the class's tests: forget the last test's session first */
    private void signOutAndIn(String login) {
        browser.get(baseUrl() + "/login");
        browser.manage().deleteAllCookies();
        signIn(login, PASSWORD);
    }

    /** opens the page, runs axe-core on it and describes each violation in one line */
    List<String> check(String url) {
        browser.get(baseUrl() + url);
        return axe(url);
    }

    @SuppressWarnings("unchecked")
    private static List<String> axe(String url) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript(AXE);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = script.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {
                  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                  resultTypes: ['violations']
                }).then(r => done(r.violations.map(v => ({
                  rule: v.id, help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' '))
                }))), e => done([{rule: 'axe-error', help: String(e), nodes: []}]));
                """);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            found.add(url + ": " + violation.get("rule") + " (" + violation.get("help") + ") " + violation.get("nodes"));
        }
        return found;
    }

    private static String axeSource() {
        try (InputStream in = AccessibilityTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js missing from the test classpath (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
