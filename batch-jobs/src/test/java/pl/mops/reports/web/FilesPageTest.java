package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.runs.RunHistory;
import pl.mops.reports.users.Role;

/**
 * The Files page and its downloads: the fixture's monthly run with its four files (the package first — its name
 * sorts before the others: "-" before "."), downloads that give the bytes on disk and leave an audit row, the rules by
 * role, and a recorded file that was changed, deleted or lies outside the output root.
 */
class FilesPageTest extends WebConsoleTest {

    private static final String[] MONTHLY_FILES = {"statystyka-2025-03-paczka.zip",
            "statystyka-2025-03-tabela-T1.csv", "statystyka-2025-03-tabela-T2.csv", "statystyka-2025-03-tabela-T3.csv",
            "statystyka-2025-03-tabela-T4.csv", "statystyka-2025-03-tabela-T4N.csv", "statystyka-2025-03-tabela-T5.csv",
            "statystyka-2025-03-tabela-T6.csv", "statystyka-2025-03-tabela-T7.csv", "statystyka-2025-03.csv",
            "statystyka-2025-03.pdf", "statystyka-2025-03.xlsx", "statystyka-2025.xlsx"};
    /** the position of the workbook in the run's list of files */
    private static final int XLSX = java.util.Arrays.asList(MONTHLY_FILES).indexOf("statystyka-2025-03.xlsx");

    private static RequestPostProcessor planner() {
        return user("planista.pliki").roles("PLANOWANIE");
    }

    private static RequestPostProcessor auditor() {
        return user("audytor.pliki").roles("AUDYTOR");
    }

    private static RequestPostProcessor strategist() {
        return user("strateg.pliki").roles("STRATEGIA");
    }

    private static RequestPostProcessor admin() {
        return user("admin.pliki").roles("ADMIN");
    }

    private long monthlyRun;

    @BeforeEach
    void findTheFixturesRun() {
        monthlyRun = jdbc.queryForObject("""
                SELECT min(e.job_execution_id) FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                 WHERE i.job_name = 'monthlyStatistics' AND e.status = 'COMPLETED'
                   AND p.parameter_name = 'month' AND p.parameter_value = '2025-03'""", Long.class);
    }

    private Path onDisk(String name) throws Exception {
        try (var files = Files.walk(HOME.resolve("out"))) {
            return files.filter(f -> f.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theFilesPageListsTheFixturesMonthlyRunWithItsFiles() throws Exception {
        String html = page("/pliki?zadanie=monthly", planner());
        assertThat(html).contains("<h1>Pliki</h1>", "id=\"przebieg-" + monthlyRun + "\"", "statystyka miesięczna",
                "miesiąc 2025-03, migawka " + snapshotId + ", wersja 1", "zakończone", ">test</td>");
        for (int i = 0; i < MONTHLY_FILES.length; i++) {
            assertThat(html).contains("href=\"/pliki/przebieg/" + monthlyRun + "/" + i + "\"");
            assertThat(html).contains(">" + MONTHLY_FILES[i] + "</a>");
        }
        long xlsxBytes = Files.size(onDisk("statystyka-2025-03.xlsx"));
        assertThat(html).contains("(" + FilesController.size(xlsxBytes) + ")");
        assertThat(html).contains("<strong class=\"znacznik\">paczka dla audytorów</strong>");
        // the menu has the page; no inline script or style
        assertThat(html).contains(">Pliki</a>", ">Weryfikacja paczki</a>").doesNotContain("style=", "<script>");
        // one run only, as the Pulpit links it
        assertThat(page("/pliki?przebieg=" + monthlyRun, planner())).contains("id=\"przebieg-" + monthlyRun + "\"",
                "Uruchomień: <span>1</span>");
        // the auditor sees the run but links only to the package
        String auditors = page("/pliki?zadanie=monthly", auditor());
        assertThat(auditors).contains("href=\"/pliki/przebieg/" + monthlyRun + "/0\"")
                .doesNotContain("href=\"/pliki/przebieg/" + monthlyRun + "/" + XLSX + "\"")
                .contains("niedostępny dla Twojej roli");
        mvc.perform(get("/pliki?zadanie=nieznane").with(planner())).andExpect(status().isBadRequest());
        mvc.perform(get("/pliki?rok=abc").with(planner())).andExpect(status().isBadRequest());
        mvc.perform(get("/pliki?przebieg=999999999").with(planner())).andExpect(status().isNotFound());
    }

    @Test
    void signedOutNothingAndWithoutARoleForbidden() throws Exception {
        for (String path : List.of("/pliki", "/pliki/przebieg/" + monthlyRun + "/0", "/weryfikacja")) {
            mvc.perform(get(path)).andExpect(status().isFound());
            mvc.perform(get(path).with(user("bez-roli.pliki").roles())).andExpect(status().isForbidden());
        }
    }

    @Test
    void aDownloadGivesTheBytesOnDiskWithItsNameAndIsRecordedInTheAuditLog() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/pliki/przebieg/" + monthlyRun + "/" + XLSX).with(planner()))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(Files.readAllBytes(onDisk("statystyka-2025-03.xlsx")));
        assertThat(response.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename=\"statystyka-2025-03.xlsx\"", "filename*=UTF-8''statystyka-2025-03.xlsx");
        assertThat(audit("planista.pliki")).contains("POBRANIE 127.0.0.1 przebieg nr " + monthlyRun
                + ", plik statystyka-2025-03.xlsx");
    }

    @Test
    void theAuditorDownloadsThePackageButNotTheFullTablesNorTheExport() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/pliki/przebieg/" + monthlyRun + "/0").with(auditor()))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentAsByteArray())
                .isEqualTo(Files.readAllBytes(onDisk("statystyka-2025-03-paczka.zip")));
        assertThat(response.getContentType()).isEqualTo("application/zip");
        for (int full = 1; full < MONTHLY_FILES.length; full++) { // every file but the package (position 0)
            mvc.perform(get("/pliki/przebieg/" + monthlyRun + "/" + full).with(auditor()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/dziennik/eksport?od=2025-04-01&do=2025-04-30").with(auditor()))
                .andExpect(status().isForbidden());
        // strategy has no business with the monthly statistics' files
        mvc.perform(get("/pliki/przebieg/" + monthlyRun + "/" + XLSX).with(strategist())).andExpect(status().isForbidden());
        assertThat(audit("audytor.pliki")).containsExactly("POBRANIE 127.0.0.1 przebieg nr " + monthlyRun
                + ", plik statystyka-2025-03-paczka.zip");
    }

    @Test
    void publishedDocumentsAreForEveryRoleCaseLevelFilesNotForTheAuditor() throws Exception {
        Path folder = Files.createDirectories(HOME.resolve("out/pliki-test/publikacja"));
        Path published = Files.writeString(folder.resolve("tabele-publikacja.csv"), "\uFEFFtabela;wartosc\r\n1;<3\r\n");
        Path rejects = Files.writeString(folder.resolve("odrzucone-77.csv"), "\uFEFFplik;wiersz\r\nosoby.csv;2\r\n");
        long run = SyntheticRuns.insert(jdbc, "plikiTestowe", ZonedDateTime.of(2025, 4, 3, 8, 0, 0, 0, WARSAW),
                Map.of("profile", "publikacja"), "harmonogram", List.of(published, rejects));
        // run_file lists the files by path: odrzucone-77.csv (0), tabele-publikacja.csv (1)
        for (RequestPostProcessor who : List.of(auditor(), strategist(), planner())) {
            mvc.perform(get("/pliki/przebieg/" + run + "/1").with(who)).andExpect(status().isOk());
        }
        mvc.perform(get("/pliki/przebieg/" + run + "/0").with(auditor())).andExpect(status().isForbidden());
        mvc.perform(get("/pliki/przebieg/" + run + "/0").with(admin())).andExpect(status().isOk());
        RunHistory.Run listed = new RunHistory.Run(run, "monthlyStatistics", "COMPLETED", null, null, Map.of(),
                null, null, List.of());
        assertThat(DownloadRules.allows(java.util.Set.of(Role.AUDYTOR), listed,
                new WrittenFile(rejects, 1, "x"))).isFalse();
        assertThat(DownloadRules.allows(java.util.Set.of(Role.PLANOWANIE), listed,
                new WrittenFile(rejects, 1, "x"))).isTrue();
        assertThat(DownloadRules.kindOf(listed, new WrittenFile(Path.of("mrpips03-2025-R-porownanie.xlsx"), 1, "x")))
                .isEqualTo(DownloadRules.Kind.CASE_LEVEL);
    }

    @Test
    void aFailedRunShowsTheFirstLineOfItsFailureWithoutTheException() throws Exception {
        long run = SyntheticRuns.insert(jdbc, "plikiTestowe", ZonedDateTime.of(2025, 4, 2, 2, 0, 0, 0, WARSAW),
                Map.of("year", "2024"), "harmonogram", List.of());
        jdbc.update("UPDATE batch_job_execution SET status = 'FAILED', exit_message = ? WHERE job_execution_id = ?",
                "java.lang.IllegalStateException: Brak pliku zasobów zasoby-2024.yaml\n\tat pl.mops.X.y(X.java:1)", run);
        String html = page("/pliki?przebieg=" + run, admin());
        assertThat(html).contains("nieudane", "status-blad", "Brak pliku zasobów zasoby-2024.yaml", "rok 2024",
                "02.04.2025 02:00:00", ">harmonogram</td>").doesNotContain("IllegalStateException", "X.java");
    }

    @Test
    void aFileChangedDeletedOrOutsideTheOutputRootIsNotServed() throws Exception {
        Path folder = Files.createDirectories(HOME.resolve("out/pliki-test/zmienione"));
        Path changed = Files.writeString(folder.resolve("a-zmieniony.txt"), "liczba rodzin: 12\n");
        Path deleted = Files.writeString(folder.resolve("b-usuniety.txt"), "liczba rodzin: 13\n");
        Path outside = Files.writeString(Files.createTempFile("mops-poza-", ".txt"), "poza folderem\n");
        Path longer = Files.writeString(folder.resolve("c-dluzszy.txt"), "liczba rodzin: 14\n");
        Path link = Files.createSymbolicLink(folder.resolve("d-dowiazanie.txt"), outside); // in the folder, points out
        long run = SyntheticRuns.insert(jdbc, "plikiTestowe", ZonedDateTime.of(2025, 4, 3, 9, 0, 0, 0, WARSAW),
                Map.of("month", "2025-03"), "admin", List.of(changed, deleted, outside, longer, link));
        // by path: the temporary folder's file sorts by its absolute path; find the indices the way the page numbers them
        List<String> paths = jdbc.queryForList("SELECT path FROM run_file WHERE job_execution_id = ? ORDER BY path",
                String.class, run);
        Files.writeString(changed, "liczba rodzin: 21\n"); // same size, other bytes
        Files.delete(deleted);
        Files.writeString(longer, "liczba rodzin: 140\n");

        String html = mvc.perform(get("/pliki/przebieg/" + run + "/" + paths.indexOf(changed.toString())).with(admin()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Plik na dysku nie jest już tym, który zapisał przebieg", "a-zmieniony.txt");
        mvc.perform(get("/pliki/przebieg/" + run + "/" + paths.indexOf(longer.toString())).with(admin()))
                .andExpect(status().isConflict());
        html = mvc.perform(get("/pliki/przebieg/" + run + "/" + paths.indexOf(deleted.toString())).with(admin()))
                .andExpect(status().isGone()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Pliku nie ma już na dysku");
        html = mvc.perform(get("/pliki/przebieg/" + run + "/" + paths.indexOf(outside.toString())).with(admin()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("nie leży w folderze wyników");
        html = mvc.perform(get("/pliki/przebieg/" + run + "/" + paths.indexOf(link.toString())).with(admin()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("nie leży w folderze wyników", "d-dowiazanie.txt");
        assertThat(audit("admin.pliki")).noneMatch(row -> row.startsWith("POBRANIE") && row.contains("nr " + run + ","));
        Files.deleteIfExists(outside);

        mvc.perform(get("/pliki/przebieg/" + run + "/5").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/pliki/przebieg/" + run + "/-1").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/pliki/przebieg/999999999/0").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/pliki/przebieg/abc/0").with(admin())).andExpect(status().isBadRequest());
        mvc.perform(get("/pliki/przebieg/" + run + "/x").with(admin())).andExpect(status().isBadRequest());
    }
}
