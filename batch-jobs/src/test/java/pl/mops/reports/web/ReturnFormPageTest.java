package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.mops.reports.mrpips03.Mrpips03Service;
import pl.mops.reports.mrpips03.Reconciliation;
import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.mrpips03.ReturnRepository;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.runs.RunOptions;

/**
 * The Sprawozdania pages on the fixture {@code statistics/monthly-small}: its return for the first half of 2025
 * (the data end on 5 April 2025; computed allowing an incomplete period), submitted, then a correction. Expected numbers
 * worked out by hand from the fixture's CSV files: families with a benefit realised from January to June 2025 — F1
 * (S01, S02, S08, S09), F2 (S03, S04, S10, S11, S17), F3 (S05, S06, S13), F4 (S07, S12): 4 in section 2, row 1.
 */
class ReturnFormPageTest extends WebConsoleTest {

    private static final ReturnPeriod PERIOD = new ReturnPeriod(2025, 'P');
    private static final String CELL = "/komorka/2/OGOLEM/RODZINY";
    /** the original (submitted, and then its stored cell 2/OGOLEM/RODZINY set to 11 so the data correct it) */
    static long original;
    /** the correction k1 computed from the fixture */
    static long correction;

    @BeforeEach
    void computeOnce() {
        computeOnce(context, jdbc);
    }

    /** the returns of this class, computed once in the shared context (also for {@link ReturnFormBrowserTest}) */
    static void computeOnce(org.springframework.context.ApplicationContext context,
                            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        Mrpips03Service mrpips03 = context.getBean(Mrpips03Service.class);
        ReturnRepository returns = context.getBean(ReturnRepository.class);
        Reconciliation reconciliation = context.getBean(Reconciliation.class);
        synchronized (ReturnFormPageTest.class) {
            if (correction != 0) {
                return;
            }
            RunOptions incomplete = new RunOptions(false, false, false, true);
            StoredReturn first = mrpips03.run(PERIOD, snapshotId, null, null, incomplete, "test").stored();
            original = returns.lastExecutionOf(first);
            returns.submit(first, original, OffsetDateTime.now(CLOCK), "test");
            jdbc.update("UPDATE mrpips03_cell SET value = 11 WHERE return_id = ? AND section = '2' AND row_code = 'OGOLEM' "
                    + "AND column_code = 'RODZINY'", first.id());
            StoredReturn second = mrpips03.run(PERIOD, snapshotId, null, null, new RunOptions(true, false, false, true),
                    "test").stored();
            assertThat(second.correction()).isEqualTo(1);
            correction = returns.lastExecutionOf(second);
            // the case system's return: one cell that differs (5 families instead of 4), one that agrees
            try {
                Path file = Files.createTempDirectory("sprawozdania").resolve("system-test.csv");
                Files.writeString(file, "dzial;wiersz;kolumna;wartosc\n2;OGOLEM;RODZINY;5\n1B;ZASILEK_OKRESOWY;KWOTA;2 300,00\n");
                reconciliation.compare(second, file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static RequestPostProcessor planner() {
        return user("sprawozdania.planista").roles("PLANOWANIE");
    }

    private static RequestPostProcessor auditor() {
        return user("sprawozdania.audytor").roles("AUDYTOR");
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theListNamesEveryComputedVersion() throws Exception {
        String html = page("/sprawozdania", auditor());
        assertThat(html).contains("<h1>Sprawozdania MRPiPS-03</h1>", "href=\"/sprawozdania/" + original + "\"",
                "href=\"/sprawozdania/" + correction + "\"", "sprawozdanie pierwotne",
                "korekta nr 1", "niegotowe do wysłania", ">Sprawozdania</a>");
        // the Pulpit's MRPiPS-03 table links the period's newest version
        assertThat(page("/", auditor())).contains("<a href=\"/sprawozdania/" + correction + "\">pokaż sprawozdanie 2025-P</a>",
                "<a href=\"/sprawozdania\">Sprawozdania</a>");
    }

    @Test
    void theFormShowsTheLayoutAndTheStoredCells() throws Exception {
        String html = page("/sprawozdania/" + correction, planner());
        assertThat(html).contains("Dział 2. Rzeczywista liczba rodzin i osób objętych pomocą",
                "<caption>Dział 2. Rzeczywista liczba rodzin i osób objętych pomocą — MRPiPS-03 za 2025-P</caption>",
                "<th scope=\"col\">Liczba rodzin</th>", "Ogółem (bez powtórzeń)",
                "class=\"poziom-1\">w tym: dla osoby samotnie gospodarującej</th>",
                "niegotowe do wysłania", "Reguły kontrolne", "<th scope=\"row\" id=\"regula-R01\">R01</th>");
        // 2/OGOLEM/RODZINY: 4 families, a link to what was counted; amounts with two decimals and a comma:
        // zasiłek stały of F2 — S03, S10, S11 and S17 of 900,00 each in the first half = 3 600,00
        assertThat(html).contains("href=\"/sprawozdania/" + correction + CELL + "\"", ">4</a>", "3\u00a0600,00");
        // the selector of the year's versions
        assertThat(html).contains("2025-P, przebieg nr " + original + ": sprawozdanie pierwotne — złożone");
    }

    @Test
    void aCellThatBreaksAControlRuleIsMarkedWithTheRulesExplanation() throws Exception {
        // R12 (kwota = z dotacji + ze środków własnych) for zasiłek okresowy: S01, S07, S08, S09, S12 = 2 300,00 in
        // all, only S01 (500,00) has DOTACJA, none SRODKI_WLASNE — the fixture breaks the rule
        String html = page("/sprawozdania/" + correction, planner());
        assertThat(html).contains("<strong class=\"status-blad\">niespełniona</strong>", "reguła R12: niespełnione warunki: 1");
        int marked = html.indexOf("<span>2\u00a0300,00</span>");
        assertThat(marked).isPositive();
        String cell = html.substring(html.lastIndexOf("<td class=\"narusza", marked), html.indexOf("</td>", marked));
        assertThat(cell).contains("<span class=\"dla-czytnika\">Narusza regułę kontrolną: </span>",
                "<span class=\"wyjasnienie\"><span>R12: Kwota = kwota z dotacji + kwota ze środków własnych</span>",
                "<a href=\"#regula-R12\">wyjaśnienie</a>");
        // the explanation in the rules' table, where the link leads
        assertThat(html).contains("<th scope=\"row\" id=\"regula-R12\">R12</th>",
                "Każda realizacja zasiłku okresowego powinna mieć źródło finansowania");
        assertThat(html.indexOf("<td class=\"narusza", marked + 1)).as("500,00 of DOTACJA is marked too")
                .isLessThan(html.indexOf("<span>500,00</span>", marked));
    }

    @Test
    void aCorrectionShowsTheOldValueOfAChangedCell() throws Exception {
        String html = page("/sprawozdania/" + correction, planner());
        assertThat(html).contains("Korekta wersji", "zmienionych komórek: <strong>1</strong>",
                "class=\"zmieniona\"", "było: <span>11</span>");
        assertThat(page("/sprawozdania/" + original, planner())).doesNotContain("class=\"zmieniona\"", "było:");
    }

    @Test
    void theComparisonWithTheCaseSystemListsTheDifferingCellFirst() throws Exception {
        String html = page("/sprawozdania/" + correction, planner());
        assertThat(html).contains("Porównanie z systemem dziedzinowym", "<code>system-test.csv</code>",
                "komórek porównanych <strong>2</strong>, różnych <strong>1</strong>", "zgodnych <strong>1</strong>");
        String table = html.substring(html.indexOf("<table class=\"liczby porownanie\">"));
        String firstRow = table.substring(table.indexOf("<tr class=\"rozna\">"), table.indexOf("</tr>", table.indexOf("<tbody>")));
        // the differing cells first; after them, folded, every other cell of the layout but the one that agrees
        assertThat(table.indexOf("<tr class=\"rozna\">")).isLessThan(table.indexOf("<tr class=\"brakujaca\">"));
        pl.mops.reports.mrpips03.ReturnRepository.StoredReturn stored = context.getBean(ReturnRepository.class)
                .ofExecution(correction).orElseThrow();
        int layoutCells = context.getBean(pl.mops.reports.mrpips03.Layouts.class)
                .resolve(stored.layoutVersion(), 2025).sections().stream()
                .flatMap(section -> section.rows().stream()).mapToInt(row -> row.columns().size()).sum();
        assertThat(html).contains("nie ma w pliku systemu dziedzinowego (<span>" + (layoutCells - 2) + "</span>)");
        assertThat(count(html, "<tr class=\"brakujaca\">")).isEqualTo(layoutCells - 2);
        assertThat(firstRow).contains("1. Ogółem (bez powtórzeń)", "Liczba rodzin", ">4</a>", "<td>5</td>", "<td>−1</td>");
        // the original has no comparison
        assertThat(page("/sprawozdania/" + original, planner())).doesNotContain("Porównanie z systemem dziedzinowym");
    }

    @Test
    void openingACountListsAsManyFamiliesAsTheNumberWithIdsForThePlanner() throws Exception {
        String html = page("/sprawozdania/" + correction + CELL, planner());
        assertThat(html).contains("<strong id=\"wartosc\">4</strong>", "Policzono pozycji: <span id=\"pozycji\">4</span>",
                "Identyfikator w systemie dziedzinowym", "<td>F1</td>", "<td>F2</td>", "<td>F3</td>", "<td>F4</td>");
        assertThat(count(html, "<td>rodzina</td>")).isEqualTo(4);
        assertThat(count(html, "<code>R-")).isEqualTo(4);
        assertThat(audit("sprawozdania.planista")).anyMatch(row -> row.startsWith("OTWARCIE_KOMORKI ")
                && row.contains("MRPiPS-03 2025-P, przebieg nr " + correction + ", komórka 2/OGOLEM/RODZINY")
                && row.contains("pozycji: 4") && !row.contains("F1"));
    }

    @Test
    void theAuditorSeesOnlyPseudonyms() throws Exception {
        String planner = page("/sprawozdania/" + correction + CELL, planner());
        String html = page("/sprawozdania/" + correction + CELL, auditor());
        // (the page's random CSRF token may contain "F4" by chance: it is left out of the search)
        assertThat(html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""))
                .contains("Policzono pozycji: <span id=\"pozycji\">4</span>")
                .doesNotContain("Identyfikator w systemie dziedzinowym", "F1", "F2", "F3", "F4");
        // the same pseudonyms as the planner's page
        Matcher m = Pattern.compile("<code>(R-[0-9a-f]{16})</code>").matcher(html);
        int found = 0;
        while (m.find()) {
            assertThat(planner).contains(m.group(1));
            found++;
        }
        assertThat(found).isEqualTo(4);
        assertThat(audit("sprawozdania.audytor")).anyMatch(row -> row.startsWith("OTWARCIE_KOMORKI ")
                && row.contains("komórka 2/OGOLEM/RODZINY") && row.contains("pseudonimy"));
    }

    @Test
    void refusals() throws Exception {
        mvc.perform(get("/sprawozdania").with(user("bez.roli").roles("INNA"))).andExpect(status().isForbidden());
        mvc.perform(get("/sprawozdania/" + correction + CELL).with(user("bez.roli").roles("INNA")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/sprawozdania/999999").with(planner())).andExpect(status().isNotFound());
        mvc.perform(get("/sprawozdania/" + correction + "/komorka/2/NIE_MA/RODZINY").with(planner()))
                .andExpect(status().isNotFound());
        // an amount is not a count of cases
        mvc.perform(get("/sprawozdania/" + correction + "/komorka/1B/ZASILEK_STALY/KWOTA").with(planner()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sprawozdania/abc").with(planner())).andExpect(status().isBadRequest());
        mvc.perform(get("/sprawozdania/" + correction + "/komorka/2/ogolem;x/RODZINY").with(planner()))
                .andExpect(status().isBadRequest());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
