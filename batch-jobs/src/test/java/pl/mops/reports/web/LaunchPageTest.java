package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.mops.reports.runs.BackgroundLaunches;
import pl.mops.reports.runs.RunningExecutions;
import pl.mops.reports.runs.locking.JobLock;
import pl.mops.reports.runs.locking.JobLocks;
import pl.mops.reports.runs.locking.LockKey;

/**
 * The Uruchom forms and the follow pages: the monthly statistics launched from the page, refused while it runs,
 * followed as JSON to its completed steps (stopped and resumed when the stop comes in time), its log without PESEL;
 * a job locked by another run refused with who holds it; field errors at their fields; roles and the CSRF token
 * checked on every POST; unknown and malformed numbers.
 */
class LaunchPageTest extends WebConsoleTest {

    @Autowired
    private BackgroundLaunches launches;
    @Autowired
    private RunningExecutions running;
    @Autowired
    private JobLocks locks;

    private static RequestPostProcessor planner() {
        return user("uruchom.planista").roles("PLANOWANIE");
    }

    private String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }


    private static String ticketOf(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/uruchomienia/");
        return location.substring("/uruchomienia/".length());
    }

    @Test
    void theMonthlyStatisticsLaunchedFromThePageAreFollowedToTheirCompletedSteps() throws Exception {
        // the publication profile: a run of its own beside the fixture's full run — with „policz ponownie” the next
        // version of that profile after those other tests of the shared context may have computed (none: version 1)
        int version = 1 + jdbc.queryForObject("""
                SELECT count(DISTINCT i.job_instance_id) FROM batch_job_instance i
                  JOIN batch_job_execution e ON e.job_instance_id = i.job_instance_id
                 WHERE i.job_name = 'monthlyStatistics'
                   AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
                               AND p.parameter_name = 'month' AND p.parameter_value = '2025-03')
                   AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
                               AND p.parameter_name = 'profile' AND p.parameter_value = 'publikacja')""", Integer.class);
        String ticket = ticketOf(mvc.perform(post("/uruchom/statystyka").with(planner()).with(csrf())
                        .param("miesiac", "2025-03").param("profil", "publikacja").param("ponownie", "true"))
                .andExpect(status().isFound()).andReturn());
        // the same month again while it runs: refused at once, naming who runs it
        String busy = html(mvc.perform(post("/uruchom/statystyka").with(user("uruchom.drugi").roles("PLANOWANIE"))
                .with(csrf()).param("miesiac", "2025-03").param("profil", "pelny")).andExpect(status().isOk()).andReturn());
        assertThat(busy).contains("Zadanie „statystyka miesięczna za 2025-03” już trwa (uruchomił(a) je "
                + "uruchom.planista (konsola) ", " w tej konsoli)");

        // stopped when the stop comes while it runs, then resumed; else it simply completes
        long executionId = awaitExecution(ticket);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!running.runsHere(executionId) && launches.get(ticket).orElseThrow().state()
                == BackgroundLaunches.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (running.runsHere(executionId)) {
            MvcResult stop = mvc.perform(post("/przebiegi/" + executionId + "/zatrzymaj").with(planner()).with(csrf()))
                    .andExpect(status().isFound()).andReturn();
            if (stop.getFlashMap().containsKey("komunikat")) {
                assertThat(audit("uruchom.planista")).anySatisfy(row -> assertThat(row).startsWith(
                        "ZATRZYMANIE 127.0.0.1 statystyka miesięczna, przebieg nr " + executionId + " (miesiąc 2025-03"));
            }
        }
        BackgroundLaunches.Launch launch = awaitLaunch(ticket);
        if (launch.state() == BackgroundLaunches.State.FAILED) { // stopped after its first step: resumed from the page
            mvc.perform(get("/przebiegi/" + executionId + "/stan").with(planner()))
                    .andExpect(jsonPath("$.statusCode").value("STOPPED"))
                    .andExpect(jsonPath("$.restartable").value(true));
            assertThat(html(mvc.perform(get("/przebiegi/" + executionId).with(planner())).andReturn()))
                    .contains("zatrzymane", "Uruchom ponownie (wznów)", "/przebiegi/" + executionId + "/dziennik");
            String resumed = ticketOf(mvc.perform(post("/przebiegi/" + executionId + "/ponow").with(planner())
                    .with(csrf())).andExpect(status().isFound()).andReturn());
            launch = awaitLaunch(resumed);
            assertThat(audit("uruchom.planista")).anySatisfy(row -> assertThat(row).startsWith(
                    "PONOWIENIE 127.0.0.1 statystyka miesięczna, przebieg nr " + executionId));
        }
        assertThat(launch.state()).as(launch.message()).isEqualTo(BackgroundLaunches.State.DONE);
        long completed = launch.executionIds().get(launch.executionIds().size() - 1);
        mvc.perform(get("/uruchomienia/" + launch.ticket() + "/stan").with(planner()))
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.stateCode").value("DONE"))
                .andExpect(jsonPath("$.finished").value(true))
                .andExpect(jsonPath("$.runs[0].executionId").value(completed))
                .andExpect(jsonPath("$.runs[0].statusCode").value("COMPLETED"));
        mvc.perform(get("/przebiegi/" + completed + "/stan").with(user("uruchom.audytor").roles("AUDYTOR")))
                .andExpect(jsonPath("$.job").value("statystyka miesięczna"))
                .andExpect(jsonPath("$.status").value("zakończone"))
                .andExpect(jsonPath("$.launchedBy").value("uruchom.planista (konsola)"))
                .andExpect(jsonPath("$.steps[?(@.step == 'monthlyRendering')].statusCode")
                        .value(org.hamcrest.Matchers.contains("COMPLETED")))
                .andExpect(jsonPath("$.steps[?(@.step == 'monthlyRendering')].description")
                        .value(org.hamcrest.Matchers.contains("tworzenie plików XLSX, PDF i CSV")));
        // the first run started with the aggregation; a stop that caught the aggregation itself leaves it STOPPED
        // (its transaction rolled back) and the resumed run does it again, else the resumed run goes on from the
        // rendering
        String firstStep = mvc.perform(get("/przebiegi/" + executionId + "/stan").with(planner()))
                .andExpect(jsonPath("$.steps[0].step").value("monthlyAggregation"))
                .andExpect(jsonPath("$.steps[0].description").value("agregacja w bazie (GROUPING SETS)"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String firstStatus = com.jayway.jsonpath.JsonPath.read(firstStep, "$.steps[0].statusCode");
        if (completed == executionId) {
            assertThat(firstStatus).isEqualTo("COMPLETED");
        } else {
            assertThat(firstStatus).isIn("COMPLETED", "STOPPED");
            mvc.perform(get("/przebiegi/" + completed + "/stan").with(planner()))
                    .andExpect("STOPPED".equals(firstStatus)
                            ? jsonPath("$.steps[?(@.step == 'monthlyAggregation')].statusCode")
                                    .value(org.hamcrest.Matchers.contains("COMPLETED"))
                            : jsonPath("$.steps[?(@.step == 'monthlyAggregation')]").doesNotExist());
        }
        String page = html(mvc.perform(get("/przebiegi/" + completed).with(planner())).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("statystyka miesięczna", "miesiąc 2025-03, migawka " + snapshotId + ", wersja " + version + ", "
                        + "profil publikacja", "uruchom.planista (konsola)", "tworzenie plików XLSX, PDF i CSV",
                "Pliki przebiegu", "href=\"/pliki/przebieg/" + completed + "/0\"", "aria-live=\"polite\"",
                "data-stan=\"/przebiegi/" + completed + "/stan\"")
                .doesNotContain("style=", "<script>");
        // the run's log as text, without an 11-digit number
        String log = mvc.perform(get("/przebiegi/" + completed + "/dziennik").with(planner()))
                .andExpect(content().contentType("text/plain;charset=UTF-8")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(log).isNotBlank().containsPattern("monthly|statystyk").doesNotContainPattern("(?<!\\d)\\d{11}(?!\\d)");
        // stopping a run that has ended: said so, nothing recorded
        mvc.perform(post("/przebiegi/" + completed + "/zatrzymaj").with(planner()).with(csrf()))
                .andExpect(flash().attribute("blad", "Przebieg nr " + completed + " nie jest teraz wykonywany przez tę "
                        + "konsolę (zakończył się albo wykonuje go inny proces) — nie ma czego zatrzymać."));
        // the Pulpit links the last run
        assertThat(html(mvc.perform(get("/").with(planner())).andReturn())).contains("href=\"/przebiegi/");
        assertThat(audit("uruchom.planista")).anySatisfy(row -> assertThat(row).startsWith("URUCHOMIENIE 127.0.0.1 "
                + "statystyka miesięczna za 2025-03; profil publikacja; policz ponownie: tak; niepełny okres: nie; "
                + "zgłoszenie " + ticket));
        assertThat(audit("uruchom.drugi")).isEmpty();
    }

    private long awaitExecution(String ticket) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            BackgroundLaunches.Launch launch = launches.get(ticket).orElseThrow();
            if (!launch.executionIds().isEmpty()) {
                return launch.executionIds().get(0);
            }
            assertThat(launch.state()).as(launch.message()).isNotEqualTo(BackgroundLaunches.State.FAILED);
            Thread.sleep(10);
        }
        throw new AssertionError("no run started");
    }

    @Test
    void aJobLockedByAnotherRunIsRefusedWithWhoHoldsIt() throws Exception {
        try (JobLock held = locks.acquire(new LockKey("mrpips03Return", "2024-R"), "test", false)) {
            String page = html(mvc.perform(post("/uruchom/mrpips03").with(planner()).with(csrf())
                    .param("rodzaj", "R").param("rok", "2024")).andExpect(status().isOk()).andReturn());
            assertThat(page).contains("Zadanie „sprawozdanie MRPiPS-03 za 2024-R” już trwa (blokadę trzyma ",
                    "Poczekaj, aż skończy");
        }
        assertThat(audit("uruchom.planista")).noneSatisfy(row -> assertThat(row).contains("2024-R"));
    }

    @Test
    void fieldsInTheWrongFormAreRefusedAtTheirFields() throws Exception {
        String monthly = html(mvc.perform(post("/uruchom/statystyka").with(planner()).with(csrf())
                .param("miesiac", "2025-13")).andExpect(status().isOk()).andReturn());
        assertThat(monthly).contains("Nieprawidłowa wartość „2025-13”: oczekiwano miesiąc w postaci RRRR-MM, np. 2025-10.",
                "aria-invalid=\"true\"", "aria-describedby=\"miesiac-blad\"", "id=\"miesiac-blad\"");
        String mrpips = html(mvc.perform(post("/uruchom/mrpips03").with(planner()).with(csrf())
                .param("rodzaj", "P").param("rok", "25")).andReturn());
        assertThat(mrpips).contains("Nieprawidłowa wartość „25”: oczekiwano rok w postaci RRRR, np. 2025.");
        String layout = html(mvc.perform(post("/uruchom/mrpips03").with(planner()).with(csrf())
                .param("rodzaj", "P").param("rok", "2025").param("uklad", "0.0")).andReturn());
        assertThat(layout).contains("Nie ma układu formularza MRPiPS-03 w wersji 0.0.");
        String ozps = html(mvc.perform(multipart("/uruchom/ozps").with(user("uruchom.strateg").roles("STRATEGIA"))
                .with(csrf()).param("rok", "2024").param("profil", "tajny")).andReturn());
        assertThat(ozps).contains("Nieznany profil &quot;tajny&quot;. Dostępne: pelny (domyślny), publikacja.");
        assertThat(launches.active("monthlyStatistics:2025-13")).isEmpty();
        // the service's own refusal (as run monthly gives it) on the launch's page
        String ticket = ticketOf(mvc.perform(post("/uruchom/statystyka").with(planner()).with(csrf())
                .param("miesiac", "2999-01")).andExpect(status().isFound()).andReturn());
        BackgroundLaunches.Launch future = awaitLaunch(ticket);
        assertThat(future.state()).isEqualTo(BackgroundLaunches.State.FAILED);
        assertThat(html(mvc.perform(get("/uruchomienia/" + ticket).with(planner())).andReturn()))
                .contains("Miesiąc 2999-01 jeszcze się nie zaczął.", "nieudane", "Nie uruchomiono żadnego przebiegu.");
    }

    @Test
    void theAssessmentTakesAnUploadedResourcesFileAndShowsTheServicesRefusal() throws Exception {
        RequestPostProcessor strategist = user("uruchom.strateg").roles("STRATEGIA");
        String notYaml = html(mvc.perform(multipart("/uruchom/ozps").file(new org.springframework.mock.web.MockMultipartFile(
                "zasoby", "zasoby.txt", "text/plain", new byte[] {1, 2})).with(strategist).with(csrf())
                .param("rok", "2024")).andExpect(status().isOk()).andReturn());
        assertThat(notYaml).contains("Plik zasobów „zasoby.txt” ma być plikiem YAML (.yaml), jak "
                + "config/zasoby-RRRR.yaml, albo skoroszytem Excel (.xlsx) z polecenia ozps template --xlsx.");
        // a ".xlsx" that is no workbook: accepted by the form, refused by the workbook's reader in Polish
        String notWorkbook = ticketOf(mvc.perform(multipart("/uruchom/ozps").file(
                new org.springframework.mock.web.MockMultipartFile("zasoby", "zasoby-2024.xlsx",
                        "application/octet-stream", new byte[] {1, 2})).with(strategist).with(csrf())
                .param("rok", "2024").param("profil", "pelny")).andExpect(status().isFound()).andReturn());
        BackgroundLaunches.Launch refusedWorkbook = awaitLaunch(notWorkbook);
        assertThat(refusedWorkbook.state()).isEqualTo(BackgroundLaunches.State.FAILED);
        assertThat(refusedWorkbook.message()).contains("nie jest skoroszytem Excel (.xlsx)");
        // a resources file the service cannot read: its own Polish refusal on the launch's page
        String ticket = ticketOf(mvc.perform(multipart("/uruchom/ozps").file(new org.springframework.mock.web.MockMultipartFile(
                "zasoby", "zasoby-2024.yaml", "application/yaml", "rok: [niedomknięta\n".getBytes(StandardCharsets.UTF_8)))
                .with(strategist).with(csrf()).param("rok", "2024").param("profil", "pelny"))
                .andExpect(status().isFound()).andReturn());
        BackgroundLaunches.Launch launch = awaitLaunch(ticket);
        assertThat(launch.state()).isEqualTo(BackgroundLaunches.State.FAILED);
        assertThat(launch.launchedBy()).isEqualTo("uruchom.strateg (konsola)");
        String page = html(mvc.perform(get("/uruchomienia/" + ticket).with(strategist)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Ocena zasobów pomocy społecznej za 2024", "nieudane", launch.message().substring(0, 20))
                .doesNotContain("Exception");
        assertThat(audit("uruchom.strateg")).anySatisfy(row -> assertThat(row).startsWith("URUCHOMIENIE 127.0.0.1 "
                + "ocena zasobów pomocy społecznej za 2024; profil pelny; przesłany plik zasobów; policz ponownie: nie"));
    }

    @Test
    void everyFormChecksTheRoleAndTheTokenOnTheServer() throws Exception {
        RequestPostProcessor auditor = user("uruchom.audytor").roles("AUDYTOR");
        RequestPostProcessor strategist = user("uruchom.strateg").roles("STRATEGIA");
        String pulpit = html(mvc.perform(get("/").with(auditor)).andReturn());
        assertThat(pulpit).doesNotContain(">Uruchom</a>", ">Import</a>");
        assertThat(html(mvc.perform(get("/").with(planner())).andReturn())).contains(">Uruchom</a>", ">Import</a>");
        mvc.perform(get("/uruchom").with(auditor)).andExpect(status().isForbidden());
        for (String form : List.of("/uruchom/statystyka", "/uruchom/mrpips03", "/uruchom/ozps")) {
            mvc.perform(post(form).with(auditor).with(csrf()).param("miesiac", "2025-03").param("rok", "2024")
                    .param("rodzaj", "R")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/uruchom/statystyka").with(strategist).with(csrf()).param("miesiac", "2025-03"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/uruchom/mrpips03").with(strategist).with(csrf()).param("rodzaj", "R").param("rok", "2024"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/uruchom/ozps").with(planner()).with(csrf()).param("rok", "2024"))
                .andExpect(status().isForbidden());
        String forStrategy = html(mvc.perform(get("/uruchom").with(strategist)).andExpect(status().isOk()).andReturn());
        assertThat(forStrategy).contains("Ocena zasobów pomocy społecznej (OZPS)").doesNotContain("Uruchom statystykę");
        String forPlanning = html(mvc.perform(get("/uruchom").with(planner())).andExpect(status().isOk()).andReturn());
        assertThat(forPlanning).contains("Uruchom statystykę", "Uruchom MRPiPS-03", "name=\"_csrf\"")
                .doesNotContain("Uruchom ocenę zasobów");
        // no token, no launch
        mvc.perform(post("/uruchom/statystyka").with(planner()).param("miesiac", "2025-03"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/uruchom/statystyka").with(planner()).with(csrf().useInvalidToken()).param("miesiac", "2025-03"))
                .andExpect(status().isForbidden());
        assertThat(audit("uruchom.audytor")).isEmpty();
        assertThat(audit("uruchom.strateg")).noneSatisfy(row -> assertThat(row).containsAnyOf("statystyka", "MRPiPS"));
        // stopping and resuming: only who may launch the job (an auditor follows runs, but does not stop them)
        Long anyRun = jdbc.queryForObject("SELECT min(job_execution_id) FROM batch_job_execution", Long.class);
        mvc.perform(get("/przebiegi/" + anyRun).with(auditor)).andExpect(status().isOk());
        mvc.perform(post("/przebiegi/" + anyRun + "/zatrzymaj").with(auditor).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/przebiegi/" + anyRun + "/ponow").with(strategist).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void unknownAndMalformedNumbersArePolishErrorPages() throws Exception {
        mvc.perform(get("/uruchomienia/00000000-0000-0000-0000-000000000000").with(planner()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/uruchomienia/nie-ma-takiego").with(planner())).andExpect(status().isBadRequest());
        mvc.perform(get("/przebiegi/999999").with(planner())).andExpect(status().isNotFound());
        mvc.perform(get("/przebiegi/abc").with(planner())).andExpect(status().isBadRequest());
        mvc.perform(get("/przebiegi/999999/stan").with(planner())).andExpect(status().isNotFound());
        mvc.perform(get("/przebiegi/999999/dziennik").with(planner())).andExpect(status().isNotFound());
    }
}
