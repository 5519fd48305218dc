package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.unit.DataSize;

import pl.mops.reports.mrpips03.Layouts;
import pl.mops.reports.mrpips03.Mrpips03Service;
import pl.mops.reports.mrpips03.ReturnPeriod;
import pl.mops.reports.mrpips03.ReturnRepository;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;

/**
 * The two MRPiPS-03 actions on the return's page: „Oznacz jako złożone” (as {@code zloz}) and „Porównaj z systemem
 * dziedzinowym” (an upload, as {@code porownaj}). On the fixture {@code statistics/monthly-small}, but the year 2024,
 * which no other class of the shared context computes (2025-P belongs to {@link ReturnFormPageTest}, 2025-R must stay
 * uncomputed for {@link ConsolePagesTest}): the snapshot covers 2024 completely (its first realisation is S15 of
 * 10 January 2024). 2024-P (compared here) is „gotowe do wysłania”; 2024-R (submitted here) breaks no rule either
 * (only R11 is not checked: no 2024-P when it is computed), so to show the refusal of a not-ready version the test
 * stores 2024-R as „niegotowe do wysłania” with one reason of its own, as a failed control rule would. Worked out by
 * hand from the fixture's CSV files: in the first half of 2024 only F1 has benefits — S15 (10 I), S14 (10 III),
 * S16 (10 IV), zasiłek okresowy of 450,00 each — so section 2, row 1 counts 1 family and zasiłek okresowy is
 * 1 350,00. (No layout is made for 2024: both are computed in layout 2025.1, as {@code run mrpips03 --uklad 2025.1}
 * would.)
 */
class ReturnActionsPageTest extends WebConsoleTest {

    private static final ReturnPeriod YEAR = new ReturnPeriod(2024, 'R');
    private static final ReturnPeriod HALF = new ReturnPeriod(2024, 'P');
    /** the run that computed 2024-R (submitted by a test) and 2024-P (compared by a test) */
    static long yearRun;
    static long halfRun;
    private static final String REASON = "reguła R99 niespełniona (ustawione przez test)";

    @BeforeEach
    void computeOnce() {
        synchronized (ReturnActionsPageTest.class) {
            if (halfRun != 0) {
                return;
            }
            Mrpips03Service mrpips03 = context.getBean(Mrpips03Service.class);
            ReturnRepository returns = context.getBean(ReturnRepository.class);
            StoredReturn year = mrpips03.run(YEAR, snapshotId, "2025.1", null, false, "test").stored();
            yearRun = returns.lastExecutionOf(year);
            jdbc.update("UPDATE mrpips03_return SET readiness = 'NIEGOTOWE', ready_to_send = false, readiness_reasons = ? "
                    + "WHERE id = ?", REASON, year.id());
            StoredReturn half = mrpips03.run(HALF, snapshotId, "2025.1", null, false, "test").stored();
            halfRun = returns.lastExecutionOf(half);
        }
    }

    private static RequestPostProcessor planner() {
        return user("zlozenie.planista").roles("PLANOWANIE");
    }

    private String page(long run, RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/sprawozdania/" + run).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void thePlannerMarksTheVersionAsSubmittedOnlyDespiteTheFailedRulesAndOnlyOnce() throws Exception {
        String form = page(yearRun, planner());
        assertThat(form).contains("<strong class=\"status-blad\">niegotowe do wysłania</strong>", "<h2 id=\"zlozenie-naglowek\">Złożenie w ministerstwie</h2>",
                "action=\"/sprawozdania/" + yearRun + "/zlozenie\"", "name=\"_csrf\"",
                "<label for=\"potwierdzam\">Potwierdzam, że ta wersja została wysłana do ministerstwa</label>",
                "<label for=\"mimo-bledow\">mimo niespełnionych reguł</label>", ">Oznacz jako złożone</button>");

        // without the confirmation: refused at the checkbox
        String unconfirmed = mvc.perform(post("/sprawozdania/" + yearRun + "/zlozenie").with(planner()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unconfirmed).contains("id=\"zlozenie-blad\"", "Zaznacz „Potwierdzam, że ta wersja została wysłana "
                + "do ministerstwa”, jeśli ta wersja naprawdę trafiła do ministerstwa.", "aria-invalid=\"true\"",
                "aria-describedby=\"zlozenie-blad zlozenie-opis\"");

        // confirmed, but not ready and without „mimo niespełnionych reguł”: the refusal of zloz without --mimo-bledow,
        // its last words saying what to do in the console
        String refused = mvc.perform(post("/sprawozdania/" + yearRun + "/zlozenie").with(planner()).with(csrf())
                .param("potwierdzam", "true")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Sprawozdanie za 2024-R (sprawozdanie pierwotne) jest niegotowe do wysłania: "
                + "reguła R99 niespełniona (ustawione przez test). Popraw dane albo, jeśli niespełnione reguły są "
                + "wyjaśnione, oznacz złożenie świadomie: zaznacz „mimo niespełnionych reguł”.",
                "aria-describedby=\"zlozenie-blad mimo-bledow-opis\"");
        assertThat(submissions()).isEmpty();

        // despite the failed rules: submitted by "login (konsola)", the run's number recorded
        mvc.perform(post("/sprawozdania/" + yearRun + "/zlozenie").with(planner()).with(csrf())
                        .param("potwierdzam", "true").param("mimoBledow", "true"))
                .andExpect(redirectedUrl("/sprawozdania/" + yearRun + "#zlozenie"))
                .andExpect(flash().attribute("wynikZlozenia", org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.startsWith("Oznaczono jako złożone: sprawozdanie MRPiPS-03 za rok "
                                        + "2024 (1 stycznia – 31 grudnia) (sprawozdanie pierwotne, pliki mrpips03-2024-R.*) "
                                        + "\u2014 złożone "),
                                org.hamcrest.Matchers.endsWith(" przez zlozenie.planista (konsola), przebieg nr "
                                        + yearRun + ".")),
                        org.hamcrest.Matchers.equalTo("Gotowość w chwili złożenia: niegotowe do wysłania (reguła R99 "
                                + "niespełniona (ustawione przez test))."),
                        org.hamcrest.Matchers.equalTo("Od teraz przeliczenie tego okresu na nowszych danych, jeśli "
                                + "zmieni komórki, będzie korektą nr 1 tej wersji."))));
        List<Map<String, Object>> rows = submissions();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("job_execution_id", yearRun).containsEntry("correction", 0)
                .containsEntry("submitted_by", "zlozenie.planista (konsola)");
        assertThat(audit("zlozenie.planista")).anyMatch(row -> row.startsWith("ZLOZENIE_SPRAWOZDANIA ")
                && row.endsWith("MRPiPS-03 2024-R, przebieg nr " + yearRun + ", wersja: sprawozdanie pierwotne, mimo "
                + "niespełnionych reguł"));

        // the page says who submitted it and when, and offers no second submission
        String submitted = page(yearRun, planner());
        assertThat(submitted).contains("<dt>Złożenie</dt>", "przez zlozenie.planista (konsola), przebieg nr " + yearRun,
                "Ta wersja jest już oznaczona jako złożona").doesNotContain("id=\"potwierdzam\"");
        assertThat(submitted).contains("2024-R, przebieg nr " + yearRun + ": sprawozdanie pierwotne — złożone");

        // a second submission says it was submitted already, and changes nothing
        mvc.perform(post("/sprawozdania/" + yearRun + "/zlozenie").with(user("zlozenie.admin").roles("ADMIN")).with(csrf())
                        .param("potwierdzam", "true"))
                .andExpect(redirectedUrl("/sprawozdania/" + yearRun + "#zlozenie"))
                .andExpect(flash().attribute("wynikZlozenia", org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.startsWith("To sprawozdanie MRPiPS-03 za rok 2024 (1 stycznia – 31 grudnia) "
                                + "(sprawozdanie pierwotne, pliki mrpips03-2024-R.*) było już oznaczone jako złożone: "
                                + "złożone "))));
        assertThat(submissions()).hasSize(1).allMatch(row -> row.get("submitted_by").equals("zlozenie.planista (konsola)"));
        assertThat(audit("zlozenie.admin")).noneMatch(row -> row.startsWith("ZLOZENIE_SPRAWOZDANIA "));
    }

    @Test
    void theUploadedReturnOfTheCaseSystemIsComparedAndDeletedAfterwards() throws Exception {
        // by hand: 2/OGOLEM/RODZINY 3 against our 1 (differs by −2), zasiłek okresowy 1 350,00 equal, one cell of a
        // section the form has not (extra); every other cell of the layout missing in the file
        String csv = "dzial;wiersz;kolumna;wartosc\n2;OGOLEM;RODZINY;3\n1B;ZASILEK_OKRESOWY;KWOTA;1 350,00\n"
                + "99;X;Y;7\n";
        StoredReturn stored = context.getBean(ReturnRepository.class).ofExecution(halfRun).orElseThrow();
        int layoutCells = context.getBean(Layouts.class).resolve(stored.layoutVersion(), 2025).sections().stream()
                .flatMap(section -> section.rows().stream()).mapToInt(row -> row.columns().size()).sum();
        List<Path> before = uploadFolders();

        String form = page(halfRun, planner());
        // a ready version: no „mimo niespełnionych reguł”
        assertThat(form).contains("<strong class=\"status-ok\">gotowe do wysłania</strong>", "id=\"potwierdzam\"")
                .doesNotContain("mimo-bledow");
        assertThat(form).contains("action=\"/sprawozdania/" + halfRun + "/porownanie\"", "enctype=\"multipart/form-data\"",
                "<label for=\"plik-systemu\">Sprawozdanie z systemu dziedzinowego (plik CSV)</label>",
                "aria-describedby=\"plik-systemu-opis\"", ">Porównaj z systemem dziedzinowym</button>")
                .doesNotContain("<h2 id=\"porownanie\">");

        mvc.perform(multipart("/sprawozdania/" + halfRun + "/porownanie").file(new MockMultipartFile("plik",
                        "system-2024.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(planner()).with(csrf()))
                .andExpect(redirectedUrl("/sprawozdania/" + halfRun + "#porownanie"))
                .andExpect(flash().attribute("wynikPorownania", List.of("Porównanie sprawozdania MRPiPS-03 za I półrocze "
                        + "2024 (1 stycznia – 30 czerwca) (sprawozdanie pierwotne) z plikiem system-2024.csv:",
                        "  porównano komórek: 2, różnych: 1, brakujących w pliku: " + (layoutCells - 2)
                                + ", nadmiarowych w pliku: 1.")));
        assertThat(uploadFolders()).isEqualTo(before);

        String html = page(halfRun, planner());
        assertThat(html).contains("<h2 id=\"porownanie\">Porównanie z systemem dziedzinowym</h2>",
                "<code>system-2024.csv</code>", "komórek porównanych <strong>2</strong>, różnych <strong>1</strong>",
                "zgodnych <strong>1</strong>");
        String table = html.substring(html.indexOf("<table class=\"liczby porownanie\">"));
        String firstRow = table.substring(table.indexOf("<tr class=\"rozna\">"), table.indexOf("</tr>", table.indexOf("<tbody>")));
        assertThat(firstRow).contains("1. Ogółem (bez powtórzeń)", "Liczba rodzin", ">1</a>", "<td>3</td>", "<td>−2</td>");
        assertThat(audit("zlozenie.planista")).anyMatch(row -> row.startsWith("POROWNANIE_SPRAWOZDANIA ")
                && row.endsWith("MRPiPS-03 2024-P, przebieg nr " + halfRun + ", plik system-2024.csv: porównano komórek 2, "
                + "różnych 1, brakujących " + (layoutCells - 2) + ", nadmiarowych 1"));

        // a file that is not a return: refused at the field with the problems porownaj names, the stored comparison kept
        String refused = mvc.perform(multipart("/sprawozdania/" + halfRun + "/porownanie").file(new MockMultipartFile(
                        "plik", "zly.csv", "text/csv", "2;OGOLEM;RODZINY;dużo\n".getBytes(StandardCharsets.UTF_8)))
                        .with(planner()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"plik-systemu-blad\"", "Plik zly.csv nie jest poprawnym sprawozdaniem do "
                        + "porównania (1 problem)", "aria-describedby=\"plik-systemu-blad plik-systemu-opis\"",
                "aria-invalid=\"true\"", "<code>system-2024.csv</code>");
        assertThat(uploadFolders()).isEqualTo(before);
        assertThat(audit("zlozenie.planista")).anyMatch(row -> row.startsWith("POROWNANIE_SPRAWOZDANIA ")
                && row.endsWith("plik zly.csv: odrzucony"));

        // without a file
        assertThat(mvc.perform(multipart("/sprawozdania/" + halfRun + "/porownanie").with(planner()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Wybierz plik sprawozdania z systemu dziedzinowego");
    }

    @Test
    void onlyPlanningAndTheAdministratorSeeAndUseTheActions() throws Exception {
        for (RequestPostProcessor other : List.of(user("zlozenie.audytor").roles("AUDYTOR"),
                user("zlozenie.strateg").roles("STRATEGIA"))) {
            assertThat(page(halfRun, other)).contains("gotowe do wysłania")
                    .doesNotContain("Oznacz jako złożone", "/zlozenie\"", "/porownanie\"", "Porównaj z systemem");
            mvc.perform(post("/sprawozdania/" + halfRun + "/zlozenie").with(other).with(csrf())
                    .param("potwierdzam", "true").param("mimoBledow", "true")).andExpect(status().isForbidden());
            mvc.perform(multipart("/sprawozdania/" + halfRun + "/porownanie").file(new MockMultipartFile("plik", "s.csv",
                    "text/csv", "2;OGOLEM;RODZINY;3\n".getBytes(StandardCharsets.UTF_8))).with(other).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // the administrator sees both forms
        assertThat(page(halfRun, user("zlozenie.admin").roles("ADMIN"))).contains(">Oznacz jako złożone</button>",
                ">Porównaj z systemem dziedzinowym</button>");
        // without the CSRF token: 403, also for the planner
        mvc.perform(post("/sprawozdania/" + halfRun + "/zlozenie").with(planner()).param("potwierdzam", "true")
                .param("mimoBledow", "true")).andExpect(status().isForbidden());
        mvc.perform(multipart("/sprawozdania/" + halfRun + "/porownanie").file(new MockMultipartFile("plik", "s.csv",
                "text/csv", "2;OGOLEM;RODZINY;3\n".getBytes(StandardCharsets.UTF_8))).with(planner()))
                .andExpect(status().isForbidden());
        // an unknown run
        mvc.perform(post("/sprawozdania/999999/zlozenie").with(planner()).with(csrf()).param("potwierdzam", "true"))
                .andExpect(status().isNotFound());
        // nothing of this happened
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mrpips03_submission WHERE year = 2024 AND half = 'P'",
                Integer.class)).isZero();
        assertThat(audit("zlozenie.audytor")).noneMatch(row -> row.startsWith("ZLOZENIE") || row.startsWith("POROWNANIE"));
        assertThat(audit("zlozenie.strateg")).noneMatch(row -> row.startsWith("ZLOZENIE") || row.startsWith("POROWNANIE"));
    }

    /** a version of an incomplete period is never submitted (zloz refuses it): the page says so instead of the form */
    @Test
    void aVersionOfAnIncompletePeriodOffersNoSubmission() throws Exception {
        jdbc.update("UPDATE mrpips03_return SET incomplete_period = true WHERE year = 2024 AND half = 'P'");
        try {
            assertThat(page(halfRun, planner())).contains("Tej wersji nie można oznaczyć jako złożonej")
                    .doesNotContain(">Oznacz jako złożone</button>");
        } finally {
            jdbc.update("UPDATE mrpips03_return SET incomplete_period = false WHERE year = 2024 AND half = 'P'");
        }
        assertThat(page(halfRun, planner())).contains(">Oznacz jako złożone</button>")
                .doesNotContain("Tej wersji nie można oznaczyć jako złożonej");
    }

    /** over real HTTP: the comparison's upload is limited like every other (16 MB in the tests), before the sign-in */
    @Test
    void anUploadOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        long declared = DataSize.ofMegabytes(16).toBytes() + 1;
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/sprawozdania/" + halfRun + "/porownanie"))
                .header("Content-Type", "multipart/form-data; boundary=granica").header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new PackageVerificationTest.ZerosStream(declared)), declared)).build();
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Przesłanie odrzucone (413)", "razem najwyżej 16 MB", "ani porównane")
                .doesNotContain("Exception");
    }

    private List<Map<String, Object>> submissions() {
        return jdbc.queryForList("SELECT job_execution_id, correction, submitted_by FROM mrpips03_submission "
                + "WHERE year = 2024 AND half = 'R'");
    }

    /** the temporary folders of comparisons in the system's temporary folder */
    private static List<Path> uploadFolders() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("mops-porownanie-")).sorted().toList();
        }
    }
}
