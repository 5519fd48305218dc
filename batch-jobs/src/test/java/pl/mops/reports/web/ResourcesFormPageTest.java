package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.mops.reports.assessment.resources.ResourcesFile;
import pl.mops.reports.assessment.resources.ResourcesReader;
import pl.mops.reports.runs.BackgroundLaunches;
import pl.mops.reports.runs.locking.JobLock;
import pl.mops.reports.runs.locking.JobLocks;
import pl.mops.reports.runs.locking.LockKey;
import pl.mops.reports.system.UserError;

/**
 * The OZPS resources form ({@code /zasoby}): roles and token on the server; a refused value shown at its field with the
 * very sentence {@code run ozps} prints for it; a draft kept and shown again, and not overwritten unknowingly; the
 * workbook of the form read back by the workbook's reader; a workbook loaded into the form; the assessment refused
 * with problems and launched without them, on the resources file the form wrote.
 */
class ResourcesFormPageTest extends WebConsoleTest {

    @Autowired
    private JobLocks locks;

    private static final RequestPostProcessor STRATEGIST = user("zasoby.strateg").roles("STRATEGIA");

    private static String html(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * Values without problems for year {@code y}, worked out by hand: every count 10 (the population 60 = six groups
     * of 10), every FTE 5 (not more than the 10 persons), the NGO amount 1000,50; one budget row, 85219: 120 000,
     * brak danych, 130 500,25.
     */
    static Map<String, String> validFields(int y) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (var chapter : pl.mops.reports.assessment.resources.ResourceCatalogue.CHAPTERS) {
            for (var position : chapter.positions()) {
                for (int year = y - 2; year <= y; year++) {
                    String value = switch (position.kind()) {
                        case COUNT -> position.key().equals("ludnosc_ogolem") ? "60" : "10";
                        case FTE -> "5";
                        case AMOUNT -> "1000,50";
                    };
                    fields.put("w." + chapter.key() + "." + position.key() + "." + year, value);
                }
            }
        }
        fields.put("b.0.klucz", "85219");
        fields.put("b.0." + (y - 2), "120 000");
        fields.put("b.0." + (y - 1), "brak danych");
        fields.put("b.0." + y, "130 500,25");
        fields.put("zrodlo.demografia", "GUS, Bank Danych Lokalnych");
        return fields;
    }

    private MockHttpServletRequestBuilder form(int year, String action, Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post("/zasoby/" + year).with(STRATEGIST).with(csrf())
                .param("akcja", action).param("wersja", String.valueOf(version(year)));
        fields.forEach(request::param);
        return request;
    }

    /** the version of the saved draft of a year (0: none) — other tests of the shared database may have saved one */
    private long version(int year) {
        return jdbc.queryForList("SELECT version FROM ozps_resources_draft WHERE year = ?", Long.class, year).stream()
                .findFirst().orElse(0L);
    }

    @Test
    void onlyTheStrategySectionAndTheAdministratorOpenTheFormAndEveryPostNeedsTheToken() throws Exception {
        mvc.perform(get("/zasoby/2024")).andExpect(status().isFound()).andExpect(r -> assertThat(
                r.getResponse().getRedirectedUrl()).endsWith("/login"));
        String page = html(mvc.perform(get("/zasoby").with(STRATEGIST)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains(">Zasoby OZPS</a>", "Otwórz formularz", "value=\"2024\""); // clock: April 2025
        mvc.perform(get("/zasoby").with(STRATEGIST).param("rok", "2024"))
                .andExpect(status().isFound()).andExpect(r -> assertThat(r.getResponse().getRedirectedUrl())
                        .isEqualTo("/zasoby/2024"));
        assertThat(html(mvc.perform(get("/zasoby").with(STRATEGIST).param("rok", "24")).andReturn()))
                .contains("Nieprawidłowa wartość „24”: oczekiwano rok w postaci RRRR, np. 2025.", "aria-invalid=\"true\"");
        mvc.perform(get("/zasoby/2026").with(STRATEGIST)).andExpect(status().isNotFound());
        mvc.perform(get("/zasoby/2024").with(user("zasoby.admin").roles("ADMIN"))).andExpect(status().isOk());
        for (RequestPostProcessor other : List.of(user("zasoby.planista").roles("PLANOWANIE"),
                user("zasoby.audytor").roles("AUDYTOR"))) {
            assertThat(html(mvc.perform(get("/").with(other)).andReturn())).doesNotContain("Zasoby OZPS");
            mvc.perform(get("/zasoby").with(other)).andExpect(status().isForbidden());
            mvc.perform(get("/zasoby/2024").with(other)).andExpect(status().isForbidden());
            for (String action : List.of("zapisz", "sprawdz", "arkusz", "uruchom")) {
                mvc.perform(post("/zasoby/2024").with(other).with(csrf()).param("akcja", action))
                        .andExpect(status().isForbidden());
            }
            mvc.perform(multipart("/zasoby/2024/arkusz").file(new MockMultipartFile("plik", "z.xlsx", "application/zip",
                    new byte[] {1})).with(other).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/zasoby/2024").with(STRATEGIST).param("akcja", "zapisz")).andExpect(status().isForbidden());
        mvc.perform(post("/zasoby/2024").with(STRATEGIST).with(csrf().useInvalidToken()).param("akcja", "uruchom"))
                .andExpect(status().isForbidden());
        assertThat(audit("zasoby.planista")).isEmpty();
    }

    @Test
    void theFormShowsEveryPositionWithItsLabelAndThePrefilledPopulationWithItsSource() throws Exception {
        String page = html(mvc.perform(get("/zasoby/2021").with(STRATEGIST)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<legend>Kadra jednostki organizacyjnej pomocy społecznej</legend>",
                "<label class=\"dla-czytnika\" for=\"p-w-kadra-pracownicy_socjalni_osoby-2021\">Pracownicy socjalni "
                        + "— osoby, rok 2021</label>",
                "inputmode=\"decimal\"", "name=\"w.kadra.pracownicy_socjalni_etaty.2019\"", "name=\"_csrf\"",
                "Zapisz szkic", "Sprawdź", "Pobierz jako arkusz Excel", "Wczytaj arkusz Excel", "Uruchom ocenę");
        // 38 positions × 3 years, plus the budget's 9 listed and 3 empty rows × 3 years
        assertThat(page.split("inputmode=\"decimal\"", -1).length - 1).isEqualTo(38 * 3 + 12 * 3);
    }

    @Test
    void withoutADraftLastYearsResourcesFilePrefillsTheTwoYearsItHolds() throws Exception {
        Path folder = Files.createDirectories(HOME.resolve("zasoby"));
        Files.writeString(folder.resolve("zasoby-2019.yaml"), "rok: 2019\n" + validYaml(validFields(2019), 2019));
        String page = html(mvc.perform(get("/zasoby/2020").with(STRATEGIST)).andExpect(status().isOk()).andReturn());
        String note = "Wpisane wstępnie: z pliku zasobów za rok 2019 (zasoby-2019.yaml).";
        assertThat(page).contains("name=\"w.kadra.kierownictwo_osoby.2019\" value=\"10\" "
                        + "aria-describedby=\"p-w-kadra-kierownictwo_osoby-2019-uwaga\"",
                "<p class=\"uwaga-pola\" id=\"p-w-kadra-kierownictwo_osoby-2019-uwaga\">" + note + "</p>",
                "name=\"w.kadra.kierownictwo_osoby.2018\" value=\"10\"", "name=\"w.kadra.kierownictwo_osoby.2020\" value=\"\"",
                "name=\"w.organizacje_pozarzadowe.kwota.2019\" value=\"1000,5\"",
                "name=\"b.0.klucz\" value=\"85219\"", "name=\"b.0.2018\" value=\"brak danych\"",
                "name=\"b.0.2019\" value=\"130500,25\"", "name=\"b.0.2020\" value=\"\"")
                .doesNotContain("name=\"b.1.klucz\" value=\"85202\""); // last year's rozdziały, not the examples
    }

    @Test
    void aValueTheValidatorRefusesIsShownAtItsFieldWithTheSentenceTheCommandLinePrints() throws Exception {
        Map<String, String> fields = validFields(2024);
        fields.put("w.kadra.pracownicy_socjalni_osoby.2024", "-3");
        String page = html(mvc.perform(form(2024, "sprawdz", fields)).andExpect(status().isOk()).andReturn());
        String expected = "ujemna liczba -3 w pozycji kadra.pracownicy_socjalni_osoby, rok 2024 — wartości nie mogą "
                + "być ujemne.";
        // the command line says the same of a YAML file with that value
        String yaml = "rok: 2024\n" + validYaml(fields, 2024);
        UserError cli = catchThrowableOfType(UserError.class, () -> ResourcesReader.parse(
                yaml.getBytes(StandardCharsets.UTF_8), "zasoby-2024.yaml", 2024));
        assertThat(cli.getMessage()).contains(": " + expected);
        String id = "p-w-kadra-pracownicy_socjalni_osoby-2024";
        assertThat(page).contains("id=\"" + id + "\" name=\"w.kadra.pracownicy_socjalni_osoby.2024\" value=\"-3\" "
                + "aria-invalid=\"true\" aria-describedby=\"" + id + "-blad\"");
        assertThat(page).contains("<p class=\"blad-pola\" id=\"" + id + "-blad\"><span>" + expected + "</span></p>");
        assertThat(page).contains("Do poprawienia: 1", "<a href=\"#" + id + "\">" + expected + "</a>");
        assertThat(page.split("aria-invalid=\"true\"", -1).length - 1).isEqualTo(1);
    }

    /** the fields as a YAML file of {@code run ozps} (without "rok:") */
    private static String validYaml(Map<String, String> fields, int y) {
        Map<String, Map<String, Map<String, String>>> chapters = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            String[] parts = name.split("\\.");
            if (parts[0].equals("w")) {
                chapters.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).computeIfAbsent(parts[2],
                        k -> new LinkedHashMap<>()).put(parts[3], value);
            }
        });
        StringBuilder out = new StringBuilder();
        chapters.forEach((chapter, positions) -> {
            out.append(chapter).append(":\n");
            positions.forEach((position, years) -> {
                out.append("  ").append(position).append(":\n");
                years.forEach((year, v) -> out.append("    ").append(year).append(": \"").append(v).append("\"\n"));
            });
        });
        out.append("budzet:\n  \"85219\":\n    " + (y - 2) + ": 120000\n    " + (y - 1) + ": brak danych\n    " + y
                + ": \"130 500,25\"\n");
        return out.toString();
    }

    @Test
    void aDraftIsKeptAsTypedShownAgainAndNotOverwrittenUnknowingly() throws Exception {
        Map<String, String> fields = validFields(2022);
        fields.put("w.rynek_pracy.bezrobotni.2021", "dużo");
        long before = version(2022);
        String saved = html(mvc.perform(form(2022, "zapisz", fields)).andExpect(status().isOk()).andReturn());
        assertThat(saved).contains("Zapisano szkic zasobów za rok 2022 (1 problem do poprawienia; lista poniżej).",
                "wartość „dużo” w pozycji rynek_pracy.bezrobotni, rok 2021 nie jest liczbą (wpisz liczbę albo "
                        + "„brak danych”).");
        String again = html(mvc.perform(get("/zasoby/2022").with(STRATEGIST)).andExpect(status().isOk()).andReturn());
        assertThat(again).contains("name=\"w.rynek_pracy.bezrobotni.2021\" value=\"dużo\"",
                "name=\"b.0.2021\" value=\"brak danych\"", "name=\"b.0.2022\" value=\"130 500,25\"",
                "value=\"GUS, Bank Danych Lokalnych\"", "Szkic zapisał(a) zasoby.strateg 04.04.2025 10:00 (wersja "
                        + (before + 1) + ").", "name=\"wersja\" value=\"" + (before + 1) + "\"");
        String list = html(mvc.perform(get("/zasoby").with(STRATEGIST)).andReturn());
        assertThat(list).contains("<a href=\"/zasoby/2022\">2022</a>", "1 problem");
        // a page opened before that save is refused, its values kept in the form
        MockHttpServletRequestBuilder stale = post("/zasoby/2022").with(user("zasoby.inna").roles("STRATEGIA"))
                .with(csrf()).param("akcja", "zapisz").param("wersja", String.valueOf(before));
        validFields(2022).forEach(stale::param);
        String refused = html(mvc.perform(stale).andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("Nie zapisano: szkic zasobów za rok 2022 zapisał(a) w międzyczasie "
                + "zasoby.strateg 04.04.2025 10:00.", "name=\"w.rynek_pracy.bezrobotni.2021\" value=\"10\"",
                "name=\"wersja\" value=\"" + (before + 1) + "\"");
        assertThat(version(2022)).isEqualTo(before + 1);
        assertThat(audit("zasoby.strateg")).anySatisfy(row -> assertThat(row).isEqualTo("ZAPIS_SZKICU_ZASOBOW 127.0.0.1 "
                + "zasoby OZPS za 2022 (formularz), wersja szkicu " + (before + 1) + ", 1 problem"));
        assertThat(audit("zasoby.inna")).isEmpty();
    }

    @Test
    void theWorkbookOfTheFormHoldsTheValuesTypedAndLoadsBackIntoTheForm() throws Exception {
        Map<String, String> fields = validFields(2023);
        fields.put("w.kadra.opiekunowie_etaty.2023", "2,75");
        byte[] workbook = mvc.perform(form(2023, "arkusz", fields)).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getHeader("Content-Disposition"))
                        .contains("attachment", "zasoby-2023.xlsx")).andReturn().getResponse().getContentAsByteArray();
        ResourcesFile read = ResourcesReader.parse(workbook, "zasoby-2023.xlsx", 2023);
        assertThat(read.value("kadra", "opiekunowie_etaty", 2023)).isEqualByComparingTo("2.75");
        assertThat(read.value("kadra", "opiekunowie_etaty", 2022)).isEqualByComparingTo("5");
        assertThat(read.value("demografia", "ludnosc_ogolem", 2021)).isEqualByComparingTo("60");
        assertThat(read.value("organizacje_pozarzadowe", "kwota", 2022)).isEqualByComparingTo("1000.50");
        assertThat(read.positions("budzet")).containsExactly("85219");
        assertThat(read.value("budzet", "85219", 2021)).isEqualByComparingTo("120000");
        assertThat(read.value("budzet", "85219", 2022)).isNull(); // brak danych
        assertThat(read.value("budzet", "85219", 2023)).isEqualByComparingTo("130500.25");

        long before = version(2023);
        String loaded = html(mvc.perform(multipart("/zasoby/2023/arkusz").file(new MockMultipartFile("plik",
                        "zasoby-2023.xlsx", "application/octet-stream", workbook)).param("wersja", String.valueOf(before))
                .with(STRATEGIST).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(loaded).contains("Wczytano skoroszyt „zasoby-2023.xlsx” i zapisano wartości jako szkic — bez problemów.",
                "name=\"w.kadra.opiekunowie_etaty.2023\" value=\"2,75\"", "name=\"b.0.klucz\" value=\"85219\"",
                "name=\"b.0.2022\" value=\"brak danych\"", "name=\"b.0.2023\" value=\"130500,25\"");
        assertThat(version(2023)).isEqualTo(before + 1);
        assertThat(audit("zasoby.strateg")).anySatisfy(row -> assertThat(row).isEqualTo(
                "WCZYTANIE_ARKUSZA_ZASOBOW 127.0.0.1 zasoby OZPS za 2023: skoroszyt „zasoby-2023.xlsx”, 0 problemów"));
        // a formula typed into the workbook: the reader names its sheet and cell, the form shows the year empty
        byte[] withFormula;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            book.getSheet("Kadra").getRow(3).getCell(5).setCellFormula("D4+E4");
            var out = new java.io.ByteArrayOutputStream();
            book.write(out);
            withFormula = out.toByteArray();
        }
        String formula = html(mvc.perform(multipart("/zasoby/2023/arkusz").file(new MockMultipartFile("plik",
                        "zasoby-2023.xlsx", "application/octet-stream", withFormula))
                .param("wersja", String.valueOf(version(2023))).with(STRATEGIST).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(formula).contains("Problemy w skoroszycie", "zasoby-2023.xlsx, arkusz „Kadra”, komórka F4: formuła "
                        + "„=D4+E4” w pozycji kadra.kierownictwo_osoby, rok 2023 — wpisz samą wartość: formuły nie są "
                        + "przyjmowane (policz obok i wklej wynik jako wartość).",
                "name=\"w.kadra.kierownictwo_osoby.2023\" value=\"\" aria-invalid=\"true\"",
                "brak wartości w pozycji kadra.kierownictwo_osoby, rok 2023 (uzupełnij albo wpisz „brak danych”).",
                "(2 problemy do poprawienia)");
        String notWorkbook = html(mvc.perform(multipart("/zasoby/2023/arkusz").file(new MockMultipartFile("plik",
                "zasoby.xlsx", "application/octet-stream", new byte[] {1, 2, 3})).with(STRATEGIST).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(notWorkbook).contains("Plik zasobów zasoby.xlsx nie jest skoroszytem Excel (.xlsx)");
    }

    @Test
    void whileTheYearsAssessmentRunsTheFormNeitherReplacesItsFileNorLaunches() throws Exception {
        Path file = HOME.resolve("konsola/zasoby/zasoby-2023.yaml");
        try (JobLock held = locks.acquire(new LockKey("ozpsAssessment", "2023"), "test", false)) {
            String page = html(mvc.perform(form(2023, "uruchom", validFields(2023))).andExpect(status().isOk())
                    .andReturn());
            assertThat(page).contains("Zadanie „ocena zasobów pomocy społecznej za 2023” już trwa (blokadę trzyma ",
                    "Poczekaj, aż skończy");
        }
        assertThat(file).doesNotExist();
        assertThat(audit("zasoby.strateg")).noneSatisfy(row -> assertThat(row).startsWith("URUCHOMIENIE")
                .contains("za 2023"));
    }

    @Test
    void theAssessmentIsRefusedWithProblemsAndLaunchedWithoutThemOnTheFileTheFormWrote() throws Exception {
        Map<String, String> fields = validFields(2024);
        fields.put("w.instytucje.dps_miejsca.2023", "12,5");
        String refused = html(mvc.perform(form(2024, "uruchom", fields)).andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("Nie można uruchomić oceny — najpierw popraw wartości (do poprawienia: 1 problem; "
                + "lista poniżej).", "wartość 12,5 w pozycji instytucje.dps_miejsca, rok 2023 musi być liczbą "
                + "całkowitą.");

        fields.put("w.instytucje.dps_miejsca.2023", "12");
        MvcResult launched = mvc.perform(form(2024, "uruchom", fields).param("niepelnyOkres", "true"))
                .andExpect(status().isFound()).andReturn();
        String location = launched.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/uruchomienia/");
        BackgroundLaunches.Launch launch = awaitLaunch(location.substring("/uruchomienia/".length()));
        assertThat(launch.state()).as(launch.message()).isEqualTo(BackgroundLaunches.State.DONE);

        Path file = HOME.resolve("konsola/zasoby/zasoby-2024.yaml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ResourcesFile written = ResourcesReader.read(file, 2024);
        assertThat(written.value("instytucje", "dps_miejsca", 2023)).isEqualByComparingTo("12");
        assertThat(written.value("kadra", "kierownictwo_etaty", 2024)).isEqualByComparingTo("5");
        assertThat(written.value("budzet", "85219", 2024)).isEqualByComparingTo("130500.25");
        assertThat(written.sources()).containsEntry("demografia", "GUS, Bank Danych Lokalnych");
        byte[] stored = jdbc.queryForObject("SELECT resources_content FROM ozps_run r JOIN batch_job_execution e "
                + "ON e.job_instance_id = r.job_instance_id WHERE r.year = 2024 ORDER BY e.job_execution_id DESC LIMIT 1",
                byte[].class);
        assertThat(stored).isEqualTo(Files.readAllBytes(file));
        BigDecimal places = jdbc.queryForObject("SELECT value FROM ozps_resource o JOIN ozps_run r ON r.job_instance_id = "
                + "o.job_instance_id WHERE r.resources_sha256 = ? AND o.chapter = 'instytucje' AND o.position = "
                + "'dps_miejsca' AND o.year = 2023", BigDecimal.class, pl.mops.reports.rendering.ReportFileWriter.sha256(stored));
        assertThat(places).isEqualByComparingTo("12");
        assertThat(audit("zasoby.strateg")).anySatisfy(row -> assertThat(row).startsWith("URUCHOMIENIE 127.0.0.1 "
                + "ocena zasobów pomocy społecznej za 2024; profil pelny; plik zasobów z formularza /zasoby/2024; "
                + "policz ponownie: nie; niepełny okres: tak; zgłoszenie "));
    }

}
