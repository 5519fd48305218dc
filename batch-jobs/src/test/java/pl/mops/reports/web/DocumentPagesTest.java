package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.runs.RunOptions;
import pl.mops.reports.statistics.MonthlyStatisticsService;

/**
 * The documents as pages on the fixture {@code statistics/monthly-small}: the statistics of March 2025 (the shared
 * context's full run, and here a run with the publication profile), of February 2025 (full only) and the OZPS
 * assessment of 2024 (full and publication profile, the resources of {@code ozps/zasoby-2025.yaml} moved one year
 * back). Expected
 * numbers worked out by hand from the fixture's CSV files (see its README and {@code MonthlyStatisticsJobTest}):
 * <ul>
 * <li>March 2025: families F1, F2, F3, F4 = 4 (March 2024: F1 only, S14 = 1); amount S01…S07 = 500 + 200 + 900 +
 *     1 050 + 300 + 220 + 400 = 3 570,00 (March 2024: S14 = 450,00); change 3 120,00 = 693,3 % of 450;</li>
 * <li>table 6, the change the page adds: January 2025 S08 + S10 = 1 400,00 against S15 = 450,00: 950,00 and
 *     211,1 %; February 2025 four families (S09, S11, S12, S13) against none in February 2024: +4 and „—”
 *     (no percentage of 0).</li>
 * </ul>
 */
class DocumentPagesTest extends WebConsoleTest {

    static final String NBSP = "\u00a0";
    static long publicationRun;
    static long februaryRun;
    static long ozpsRun;
    static long ozpsPublicationRun;

    @BeforeEach
    void computeOnce() throws Exception {
        computeOnce(context, jdbc);
    }

    /** the runs of this class, computed once in the shared context (also for {@link DocumentPagesBrowserTest}) */
    static void computeOnce(ApplicationContext context, JdbcTemplate jdbc) throws Exception {
        synchronized (DocumentPagesTest.class) {
            if (ozpsRun != 0) {
                return;
            }
            MonthlyStatisticsService monthly = context.getBean(MonthlyStatisticsService.class);
            monthly.run(YearMonth.of(2025, 3), snapshotId, null, RunOptions.of(false), "test",
                    PublicationProfile.PUBLICATION);
            publicationRun = newestRun(jdbc, "monthlyStatistics", "month", "2025-03", true);
            monthly.run(YearMonth.of(2025, 2), snapshotId, null, false, "test");
            februaryRun = newestRun(jdbc, "monthlyStatistics", "month", "2025-02", false);
            Path folder = Files.createTempDirectory("zasoby-2024");
            String resources = Files.readString(Path.of(DocumentPagesTest.class.getResource("/ozps/zasoby-2025.yaml")
                    .toURI())).replace("2023", "2022").replace("2024", "2023").replace("2025", "2024");
            Path file = Files.writeString(folder.resolve("zasoby-2024.yaml"), resources);
            context.getBean(OzpsAssessmentService.class).run(2024, snapshotId, file, null,
                    new RunOptions(false, false, false, true), "test", PublicationProfile.FULL);
            ozpsRun = newestRun(jdbc, "ozpsAssessment", "year", "2024", false);
            context.getBean(OzpsAssessmentService.class).run(2024, snapshotId, file, null,
                    new RunOptions(false, false, false, true), "test", PublicationProfile.PUBLICATION);
            ozpsPublicationRun = newestRun(jdbc, "ozpsAssessment", "year", "2024", true);
        }
    }

    /** the newest completed execution of the job for the period, with or without the publication profile */
    static long newestRun(JdbcTemplate jdbc, String job, String parameter, String period, boolean publication) {
        return jdbc.queryForObject("""
                SELECT max(e.job_execution_id) FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                 WHERE i.job_name = ? AND e.status = 'COMPLETED'
                   AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
                               AND p.parameter_name = ? AND p.parameter_value = ?)
                   AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
                               AND p.parameter_name = 'profile' AND p.parameter_value = 'publikacja') = ?""",
                Long.class, job, parameter, period, publication);
    }

    private static RequestPostProcessor planner() {
        return user("dokumenty.planista").roles("PLANOWANIE");
    }

    private static RequestPostProcessor strategist() {
        return user("dokumenty.strateg").roles("STRATEGIA");
    }

    private static RequestPostProcessor auditor() {
        return user("dokumenty.audytor").roles("AUDYTOR");
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        // without the white space between tags, so that a row reads as one string
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString().replaceAll(">\\s+<", "><");
    }

    @Test
    void aPlannerPicksAMonthFromTheMonthsWithAFinishedRun() throws Exception {
        String html = page("/statystyka", planner());
        assertThat(html).contains("<h1>Statystyka miesięczna</h1>", "<label for=\"okres\">Miesiąc</label>",
                "<select id=\"okres\" name=\"miesiac\">", "<form method=\"get\" action=\"/statystyka\"",
                "<a href=\"/statystyka/2025-03\">marzec 2025</a>", "<a href=\"/statystyka/2025-02\">luty 2025</a>",
                "aria-current=\"page\">Statystyka</a>");
        assertThat(html.indexOf("value=\"2025-03\"")).isLessThan(html.indexOf("value=\"2025-02\""));
        mvc.perform(get("/statystyka").param("miesiac", "2025-02").with(planner()))
                .andExpect(status().isFound()).andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/statystyka/2025-02"));
    }

    @Test
    void theMonthShowsTheNewestFullRunWithItsTablesInPolishNotation() throws Exception {
        long run = newestRun(jdbc, "monthlyStatistics", "month", "2025-03", false);
        String html = page("/statystyka/2025-03", planner());
        // the data in words under the title, the snapshot's whole fingerprint in the technical appendix at the end
        String fingerprint = jdbc.queryForObject("SELECT fingerprint FROM snapshot WHERE id = ?", String.class,
                snapshotId);
        assertThat(html).contains("Dane z systemu dziedzinowego według stanu na");
        assertThat(html.indexOf(fingerprint)).isGreaterThan(html.indexOf("<h2>Załącznik techniczny</h2>"))
                .isGreaterThan(0);
        assertThat(html).contains("nr <span>" + run + "</span>", "<dd>pełny</dd>", "Migawka danych",
                "href=\"/pliki?przebieg=" + run + "\"", ">statystyka-2025-03.pdf</a>",
                // the publication run of the month, a link away
                "<a href=\"/statystyka/2025-03?przebieg=" + publicationRun + "\">przebieg nr <span>" + publicationRun);
        assertThat(page("/statystyka/2025-03?przebieg=" + publicationRun, planner()))
                .contains("nr <span>" + publicationRun + "</span>", "<dd>publikacja");
        // the month's amount by a query of our own over the fixture's benefits
        java.math.BigDecimal march = jdbc.queryForObject("SELECT sum(kwota) FROM swiadczenia WHERE snapshot_id = ? "
                + "AND data BETWEEN '2025-03-01' AND '2025-03-31'", java.math.BigDecimal.class, snapshotId);
        assertThat(march).isEqualByComparingTo("3570.00");
        assertThat(html).contains("<td>3" + NBSP + "570,00</td><td>450,00</td><td>3" + NBSP + "120,00</td><td>693,3"
                + NBSP + "%</td>");
        assertThat(html).contains("<td>4</td><td>1</td><td>3</td><td>300,0" + NBSP + "%</td>");
        // table headers, the frozen header of long tables, captions
        assertThat(html).contains("<caption id=\"podpis-T1\">Tabela 1. Miasto ogółem", "<th scope=\"col\">Miara</th>",
                "<th scope=\"row\" class=\"poziom-0\"><span>Rodziny</span>");
        assertThat(html).containsOnlyOnce("<h1");
    }

    @Test
    void tableSixGetsTheChangeAgainstThePreviousYear() throws Exception {
        String html = page("/statystyka/2025-03", planner());
        assertThat(html).contains("<span>Kwota (zł) — zmiana</span>", "<span>Rodziny — zmiana %</span>");
        String january = row(html, "I \u2013 styczeń");
        assertThat(january).contains("<td>1" + NBSP + "400,00</td><td>450,00</td><td>950,00</td><td>211,1" + NBSP
                + "%</td>");
        String february = row(html, "II \u2013 luty");
        assertThat(february).contains("<td>4</td><td>0</td><td>4</td><td class=\"znak-komorki\">—</td>");
    }

    @Test
    void chartsAreInlineSvgWithTheirDataAsATable() throws Exception {
        String html = page("/statystyka/2025-03", planner());
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wykres\"", "role=\"img\"",
                "aria-labelledby=\"wykres-W1-tytul\"", "<title id=\"wykres-W3-tytul\">Rodziny objęte pomocą",
                "stroke-dasharray=\"8 5\"", "<summary>Dane wykresu <span>W3</span> w tabeli</summary>",
                "<caption id=\"podpis-W3\">Dane wykresu: Rodziny objęte pomocą w kolejnych miesiącach");
        assertThat(html).doesNotContain("<script>", " style=\"");
    }

    @Test
    void aMonthWithoutARunIsAPolishPageWith404() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/statystyka/2025-05").with(planner()))
                .andExpect(status().isNotFound()).andReturn().getResponse();
        assertThat(response.getContentAsString()).contains("<h1>Brak dokumentu</h1>",
                "Statystyka miesięczna</span> za <strong>maj 2025</strong>", "nie została jeszcze policzona");
        mvc.perform(get("/statystyka/2025-13").with(planner())).andExpect(status().isNotFound());
        mvc.perform(get("/ocena/2019").with(strategist())).andExpect(status().isNotFound());
    }

    @Test
    void theAuditorSeesOnlyThePublicationRun() throws Exception {
        String html = page("/statystyka/2025-03", auditor());
        assertThat(html).contains("nr <span>" + publicationRun + "</span>", "<dd>publikacja",
                "<td class=\"znak-komorki\">&lt;3</td>");
        assertThat(page("/statystyka", auditor())).contains("marzec 2025").doesNotContain("luty 2025");
        mvc.perform(get("/statystyka/2025-02").with(auditor())).andExpect(status().isForbidden());
        long full = newestRun(jdbc, "monthlyStatistics", "month", "2025-03", false);
        mvc.perform(get("/statystyka/2025-03?przebieg=" + full).with(auditor())).andExpect(status().isNotFound());
        assertThat(page("/", auditor())).contains(">Statystyka</a>", ">Ocena zasobów</a>");
    }

    @Test
    void theAuditorReadsThePublishedAssessmentWithoutFindings() throws Exception {
        String html = page("/ocena/2024", auditor());
        assertThat(html).contains("nr <span>" + ozpsPublicationRun + "</span>", "<dd>publikacja",
                "Przebieg z profilem publikacji nie ma wniosków").doesNotContain("/ocena/2024/wnioski.txt");
        mvc.perform(get("/ocena/2024/wnioski.txt").with(auditor())).andExpect(status().isNotFound());
        mvc.perform(get("/ocena/2024?przebieg=" + ozpsRun).with(auditor())).andExpect(status().isNotFound());
    }

    @Test
    void theStrategySectionReadsTheAssessmentAndOnlyPublishedStatistics() throws Exception {
        // DownloadRules: every role may download published documents, so the publication run of March is open to
        // the strategy section; February has only the full run
        assertThat(page("/statystyka/2025-03", strategist())).contains("nr <span>" + publicationRun + "</span>");
        mvc.perform(get("/statystyka/2025-02").with(strategist())).andExpect(status().isForbidden());
        String html = page("/ocena/2024", strategist());
        assertThat(html).contains("nr <span>" + ozpsRun + "</span>", "<h2 id=\"naglowek-wnioskow\">Wnioski</h2>",
                "href=\"/ocena/2024/wnioski.txt\"", "aria-current=\"page\">Ocena zasobów</a>");
        // the population of 2024 from the resources file this class wrote: 8 200
        assertThat(html).contains("<td>8" + NBSP + "200</td>");
        // the findings exactly as the run recorded them
        String findings = Files.readString(findingsFile(), StandardCharsets.UTF_8);
        assertThat(html).contains(HtmlUtils.htmlEscape(findings.lines().findFirst().orElseThrow(), "UTF-8"));
        // 2022 and 2023 have no case data, so there is nothing to compare with: the findings' sections are numbered
        // one after another (1 persons and families, 2 changes not made, 3 staff, 4 forecast), with no gap
        assertThat(findings.lines().filter(l -> l.matches("\\d\\. .*")).map(l -> l.substring(0, 2)).toList())
                .containsExactly("1.", "2.", "3.", "4.");
        assertThat(page("/ocena", strategist())).contains("<a href=\"/ocena/2024\">2024</a>",
                "<select id=\"okres\" name=\"rok\">");
    }

    @Test
    void thePlannerReadsOnlyThePublishedAssessment() throws Exception {
        // DownloadRules: the full assessment (and its findings) is the strategy section's; published documents every
        // role's
        assertThat(page("/ocena/2024", planner())).contains("nr <span>" + ozpsPublicationRun + "</span>",
                "<dd>publikacja", ">Ocena zasobów</a>").doesNotContain("?przebieg=" + ozpsRun + "\"");
        mvc.perform(get("/ocena/2024?przebieg=" + ozpsRun).with(planner())).andExpect(status().isNotFound());
        mvc.perform(get("/ocena/2024/wnioski.txt").with(planner())).andExpect(status().isNotFound());
        mvc.perform(get("/ocena/2024/wnioski.txt?przebieg=" + ozpsRun).with(planner()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFindingsDownloadIsTheRecordedFileAndIsAudited() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/ocena/2024/wnioski.txt").with(strategist()))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(Files.readAllBytes(findingsFile()));
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename=\"ozps-2024-wnioski.txt\"", "filename*=UTF-8''ozps-2024-wnioski.txt");
        assertThat(audit("dokumenty.strateg"))
                .contains("POBRANIE 127.0.0.1 przebieg nr " + ozpsRun + ", plik ozps-2024-wnioski.txt");
    }

    @Test
    void signedOutOrWithoutARoleNothingAndTheAdministratorEverything() throws Exception {
        for (String path : java.util.List.of("/statystyka", "/statystyka/2025-03", "/ocena", "/ocena/2024",
                "/ocena/2024/wnioski.txt")) {
            mvc.perform(get(path)).andExpect(status().isFound())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
            mvc.perform(get(path).with(user("dokumenty.bez-roli").roles())).andExpect(status().isForbidden());
        }
        RequestPostProcessor admin = user("dokumenty.admin").roles("ADMIN");
        long full = newestRun(jdbc, "monthlyStatistics", "month", "2025-03", false);
        assertThat(page("/statystyka/2025-03", admin)).contains("nr <span>" + full + "</span>", ">Statystyka</a>",
                ">Ocena zasobów</a>");
        assertThat(page("/ocena/2024", admin)).contains("nr <span>" + ozpsRun + "</span>", "Pobierz wnioski");
    }

    private Path findingsFile() {
        return Path.of(jdbc.queryForObject("SELECT path FROM run_file WHERE job_execution_id = ? AND path LIKE ?",
                String.class, ozpsRun, "%-wnioski.txt"));
    }

    /** the table row labelled so (from its header cell to the end of the row) */
    private static String row(String html, String label) {
        int start = html.indexOf("<span>" + label + "</span>");
        assertThat(start).as("row " + label).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
