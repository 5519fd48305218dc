package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.mops.reports.runs.BackgroundLaunches;
import pl.mops.reports.users.Role;

/**
 * The Import page: the fixture's export uploaded as CSV files and as a ZIP, imported in the background exactly as
 * {@code import} does, followed to its summary; the refusals (a missing file, a file that is not the export's, a
 * ".zip" that is not a ZIP, a binary ".csv", an upload over the limit) in Polish with nothing imported; the rejects
 * file for PLANOWANIE and ADMIN only, audited.
 */
class ImportPageTest extends WebConsoleTest {

    private static final String PASSWORD = "przesylanie-eksportu-do-konsoli";
    private static final Path FIXTURE = fixture();

    @Autowired
    private UploadedExport uploads;

    private static RequestPostProcessor planner() {
        return user("import.planista").roles("PLANOWANIE");
    }

    private static Path fixture() {
        try {
            return Path.of(ImportPageTest.class.getResource("/statistics/monthly-small").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fixtureFiles() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURE)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
    }

    /** the data rows of a fixture file, counted here: its non-blank lines without the header */
    private static long dataRows(String file) throws IOException {
        return Files.readAllLines(FIXTURE.resolve(file), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).count() - 1;
    }

    private static MockMultipartFile part(String name, byte[] content) {
        return new MockMultipartFile("pliki", name, "application/octet-stream", content);
    }

    private MockMultipartHttpServletRequestBuilder upload(List<String> names) throws IOException {
        MockMultipartHttpServletRequestBuilder request = multipart("/import");
        for (String name : names) {
            request.file(part(name, Files.readAllBytes(FIXTURE.resolve(name))));
        }
        return request;
    }

    private long snapshots() {
        return jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class);
    }

    /** posts the upload, follows the redirect's ticket and waits (at most a minute) for the import to end */
    private BackgroundLaunches.Launch importAndAwait(MockMultipartHttpServletRequestBuilder request) throws Exception {
        MvcResult posted = mvc.perform(request.with(planner()).with(csrf())).andExpect(status().isFound()).andReturn();
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/uruchomienia/");
        return awaitLaunch(location.substring("/uruchomienia/".length()));
    }


    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theSixRequiredFilesBecomeANewSnapshotWithTheirCountsAndTheRejectsFileIsForPlannersOnly() throws Exception {
        // the fixture without its optional plan.csv: a new export (another fingerprint), so a new snapshot
        List<String> six = fixtureFiles().stream().filter(n -> !n.equals("plan.csv")).toList();
        assertThat(six).hasSize(6);
        long before = snapshots();
        // a required-looking file gone: the import stops unless the loss is confirmed (--potwierdz-ubytek)
        BackgroundLaunches.Launch refused = importAndAwait(upload(six));
        assertThat(refused.state()).isEqualTo(BackgroundLaunches.State.FAILED);
        assertThat(refused.message()).contains("eksport wygląda na niepełny", "plan.csv");
        assertThat(page("/uruchomienia/" + refused.ticket(), planner())).contains("Potwierdzam ubytek danych");
        assertThat(snapshots()).isEqualTo(before);
        long kept = uploadFolders(); // the refused import keeps its upload (for a resume)
        BackgroundLaunches.Launch launch = importAndAwait(upload(six).param("potwierdzUbytek", "true"));
        long created = -1;
        try {
            assertThat(launch.state()).as(launch.message()).isEqualTo(BackgroundLaunches.State.DONE);
            assertThat(snapshots()).isEqualTo(before + 1);
            created = jdbc.queryForObject("SELECT max(id) FROM snapshot", Long.class);
            assertThat(launch.launchedBy()).isEqualTo("import.planista (konsola)");
            assertThat(launch.executionIds()).hasSize(1);

            String html = page("/uruchomienia/" + launch.ticket(), planner());
            assertThat(html).contains("Podsumowanie importu — migawka nr <span>" + created + "</span>", "zakończone",
                    "wczytanie plików jako nowej migawki (jedna transakcja)");
            long total = 0;
            for (String file : six) {
                long rows = dataRows(file);
                total += rows;
                assertThat(html).contains("<th scope=\"row\">" + file + "</th>\n          <td>" + rows + "</td>\n"
                        + "          <td>" + rows + "</td>\n          <td>0</td>");
            }
            assertThat(html).contains("<th scope=\"row\">Razem</th>\n          <td>" + total + "</td>");
            assertThat(html).contains("/uruchomienia/" + launch.ticket() + "/odrzucone").doesNotContain("style=");
            // the uploaded copy of the case data is removed once imported
            assertThat(uploadFolders()).isEqualTo(kept);
            assertThat(Files.getPosixFilePermissions(uploads.root())).isEqualTo(PosixFilePermissions.fromString("rwx------"));

            // the rejects file: PLANOWANIE and ADMIN, recorded; not for STRATEGIA or AUDYTOR
            String csv = mvc.perform(get("/uruchomienia/" + launch.ticket() + "/odrzucone").with(planner()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).contains("plik;wiersz;kolumna;wartosc;komunikat");
            mvc.perform(get("/uruchomienia/" + launch.ticket() + "/odrzucone").with(user("import.strategia")
                    .roles("STRATEGIA"))).andExpect(status().isForbidden());
            mvc.perform(get("/uruchomienia/" + launch.ticket() + "/odrzucone").with(user("import.audytor")
                    .roles("AUDYTOR"))).andExpect(status().isForbidden());
            long snapshot = created;
            assertThat(audit("import.planista")).anySatisfy(row -> assertThat(row).startsWith("PRZESLANIE 127.0.0.1 pliki: ")
                            .contains("osoby.csv (", "swiadczenia.csv (", "potwierdzony ubytek: tak", launch.ticket())
                            .doesNotContain("P1;"))
                    .anySatisfy(row -> assertThat(row).isEqualTo("POBRANIE_ODRZUCONYCH 127.0.0.1 migawka nr " + snapshot
                            + ", plik odrzucone-" + snapshot + ".csv (odrzuconych wierszy: 0)"));
        } finally {
            if (created > 0) {
                removeSnapshot(created); // the other web tests expect the fixture's snapshot to be the newest
            }
        }
    }

    private long uploadFolders() throws IOException {
        try (Stream<Path> folders = Files.list(uploads.root())) {
            return folders.filter(ImportPageTest::hasFiles).count();
        }
    }

    private static boolean hasFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void theFixtureAlreadyImportedIsTheSameSnapshotAlsoAsAZip() throws Exception {
        long before = snapshots();
        BackgroundLaunches.Launch csv = importAndAwait(upload(fixtureFiles()));
        assertThat(csv.state()).as(csv.message()).isEqualTo(BackgroundLaunches.State.DONE);
        String html = page("/uruchomienia/" + csv.ticket(), planner());
        assertThat(html).contains("Pliki są identyczne z migawką nr " + snapshotId + " (odcisk ",
                "— nie utworzono nowej migawki.");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String name : fixtureFiles()) {
                out.putNextEntry(new ZipEntry("eksport/" + name)); // zipped as a folder, as people do
                out.write(Files.readAllBytes(FIXTURE.resolve(name)));
                out.closeEntry();
            }
        }
        BackgroundLaunches.Launch zipped = importAndAwait(multipart("/import").file(part("eksport.zip", zip.toByteArray()))
                .param("potwierdzUbytek", "true"));
        assertThat(zipped.state()).as(zipped.message()).isEqualTo(BackgroundLaunches.State.DONE);
        assertThat(page("/uruchomienia/" + zipped.ticket(), planner()))
                .contains("Pliki są identyczne z migawką nr " + snapshotId + " (odcisk ");
        assertThat(snapshots()).isEqualTo(before);
        assertThat(audit("import.planista")).anySatisfy(row -> assertThat(row).contains("pliki: eksport.zip (",
                "potwierdzony ubytek: tak"));
    }

    @Test
    void anExportWithoutARequiredFileIsRefusedAsAWholeAndNothingIsLoaded() throws Exception {
        long before = snapshots();
        List<String> withoutPersons = new ArrayList<>(fixtureFiles());
        withoutPersons.remove("osoby.csv");
        BackgroundLaunches.Launch launch = importAndAwait(upload(withoutPersons));
        assertThat(launch.state()).isEqualTo(BackgroundLaunches.State.FAILED);
        assertThat(launch.message()).contains("osoby.csv", "brak pliku");
        String html = page("/uruchomienia/" + launch.ticket(), planner());
        assertThat(html).contains("nieudane", "osoby.csv").doesNotContain("Exception", "\tat ");
        assertThat(snapshots()).isEqualTo(before);
        // a wrong header: refused as a whole too
        MockMultipartHttpServletRequestBuilder wrongHeader = multipart("/import");
        for (String name : fixtureFiles()) {
            byte[] content = Files.readAllBytes(FIXTURE.resolve(name));
            if (name.equals("rodziny.csv")) {
                content = new String(content, StandardCharsets.UTF_8).replaceFirst("rodzina_id", "id_rodziny")
                        .getBytes(StandardCharsets.UTF_8);
            }
            wrongHeader.file(part(name, content));
        }
        BackgroundLaunches.Launch header = importAndAwait(wrongHeader);
        assertThat(header.state()).isEqualTo(BackgroundLaunches.State.FAILED);
        assertThat(header.message()).contains("rodziny.csv", "rodzina_id");
        assertThat(snapshots()).isEqualTo(before);
    }

    @Test
    void filesThatAreNotTheExportAreRefusedWithTheirNames() throws Exception {
        long before = snapshots();
        String other = mvc.perform(multipart("/import").file(part("dane.txt", "a;b\n".getBytes(StandardCharsets.UTF_8)))
                        .with(planner()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).contains("Plik „dane.txt” nie należy do eksportu.");
        String notZip = mvc.perform(multipart("/import").file(part("eksport.zip", "osoba_id;pesel\n".getBytes(StandardCharsets.UTF_8)))
                        .with(planner()).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notZip).contains("Plik „eksport.zip” nie jest archiwum ZIP");
        String binary = mvc.perform(multipart("/import").file(part("osoby.csv", new byte[] {'o', 0, 1, 2, 0}))
                        .with(planner()).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(binary).contains("Plik „osoby.csv” nie jest plikiem tekstowym CSV (zawiera dane binarne)");
        String twoKinds = mvc.perform(upload(List.of("osoby.csv")).file(part("eksport.zip", new byte[] {'P', 'K', 3, 4}))
                        .with(planner()).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(twoKinds).contains("Wybierz albo jeden plik ZIP, albo same pliki CSV");
        String badDate = mvc.perform(upload(List.of("osoby.csv")).param("stanNa", "31.03.2025").with(planner()).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badDate).contains("Nieprawidłowa wartość „31.03.2025”: oczekiwano data stanu danych w postaci RRRR-MM-DD");
        assertThat(snapshots()).isEqualTo(before);
        // a path in the name is cut to its last part: nothing is written outside the upload's folder
        assertThat(UploadedExport.baseName("../../etc/osoby.csv")).isEqualTo("osoby.csv");
        assertThat(UploadedExport.baseName("C:\\Users\\jan\\osoby.csv")).isEqualTo("osoby.csv");
        // the page itself: the form for PLANOWANIE and ADMIN only
        assertThat(page("/import", planner())).contains("enctype=\"multipart/form-data\"", "name=\"_csrf\"",
                "Potwierdzam ubytek danych", "Razem najwyżej <span>16 MB</span>");
        mvc.perform(get("/import").with(user("import.audytor").roles("AUDYTOR"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/import").file(part("osoby.csv", new byte[] {'a'})).with(user("import.strategia")
                .roles("STRATEGIA")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(upload(fixtureFiles()).with(planner())).andExpect(status().isForbidden()); // no CSRF token
    }

    @Test
    void anUploadOverTheLimitGetsAPolishPage() throws Exception {
        account("import.duzy", PASSWORD, Role.PLANOWANIE);
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=import.duzy&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(Browserless.csrf(login), StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String token = Browserless.csrf(client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/import")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        // 16 MB and a half (the test's limit is 16 MB): the form's action carries the token, as the page's does
        String boundary = "----granica" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"pliki\"; filename=\"swiadczenia.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] line = "S1;D1;P1;ZASILEK_OKRESOWY;;WLASNE;2025-03-01;1;100.00\n".getBytes(StandardCharsets.UTF_8);
        while (body.size() < 16 * 1024 * 1024 + 512 * 1024) {
            body.write(line);
        }
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/import?_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("<html lang=\"pl\">", "Przesłanie odrzucone",
                "Przesyłane pliki są za duże: razem najwyżej 16 MB (ustawienie mops.web.przesylanie.limit)")
                .doesNotContain("Exception", "\tat ");
    }

    /** the snapshot and its rows (the data tables keep no foreign key to it) */
    private void removeSnapshot(long id) {
        List<String> tables = jdbc.queryForList("SELECT DISTINCT table_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND column_name = 'snapshot_id'", String.class);
        for (String table : tables) {
            jdbc.update("DELETE FROM " + table + " WHERE snapshot_id = ?", id);
        }
        jdbc.update("DELETE FROM snapshot WHERE id = ?", id);
    }
}
