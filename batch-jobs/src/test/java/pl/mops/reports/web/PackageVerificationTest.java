package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.HtmlUtils;

import pl.mops.reports.audit.PackageVerifier;

/**
 * {@code /weryfikacja}: the fixture's own package is "zgodna" with the very lines of {@code verify}; the same package
 * with one byte of one entry changed (and zipped again) is "niezgodna"; a file that is not a ZIP gets a Polish
 * message; a form without the CSRF token is refused; an upload over the limit gets the Polish 413 page.
 */
class PackageVerificationTest extends WebConsoleTest {

    private static RequestPostProcessor auditor() {
        return user("audytor.weryfikacja").roles("AUDYTOR");
    }

    private Path fixturesPackage() throws Exception {
        try (var files = Files.walk(HOME.resolve("out"))) {
            return files.filter(f -> f.getFileName().toString().equals("statystyka-2025-03-paczka.zip")).findFirst()
                    .orElseThrow();
        }
    }

    /** uploads the file and checks that nothing of it stays in the temporary folder */
    private String upload(String name, byte[] content) throws Exception {
        String html = mvc.perform(multipart("/weryfikacja").file(new MockMultipartFile("paczka", name,
                        "application/zip", content)).with(auditor()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("mops-weryfikacja-"));
        }
        return html;
    }

    @Test
    void theFixturesPackageIsIntactWithTheLinesOfVerify() throws Exception {
        Path zip = fixturesPackage();
        PackageVerifier.Outcome expected = PackageVerifier.verify(zip);
        assertThat(expected.exitCode()).isZero();
        String html = upload("statystyka-2025-03-paczka.zip", Files.readAllBytes(zip));
        assertThat(html).contains("<p class=\"werdykt werdykt-zgodna\">Paczka <span>zgodna</span></p>");
        for (String line : expected.lines()) {
            assertThat(html).contains(HtmlUtils.htmlEscape(line, "UTF-8"));
        }
        assertThat(audit("audytor.weryfikacja")).contains(
                "WERYFIKACJA 127.0.0.1 plik statystyka-2025-03-paczka.zip: zgodna");
        // the form: a file field in a multipart form with the CSRF token
        assertThat(mvc.perform(get("/weryfikacja").with(auditor())).andReturn().getResponse().getContentAsString())
                .contains("enctype=\"multipart/form-data\"", "type=\"file\"", "name=\"_csrf\"");
    }

    @Test
    void aPackageWithOneByteChangedIsRefused() throws Exception {
        byte[] tampered = rezippedWithOneByteChanged(Files.readAllBytes(fixturesPackage()), "statystyka-2025-03.csv");
        String html = upload("zmieniona-paczka.zip", tampered);
        assertThat(html).contains("werdykt-niezgodna", "Paczka <span>niezgodna</span>",
                "Paczka naruszona: 1 niezgodności z manifestem",
                "Zmieniony: plik statystyka-2025-03.csv — SHA-256 niezgodny z manifestem (rozmiar bez zmian).");
        assertThat(audit("audytor.weryfikacja")).contains("WERYFIKACJA 127.0.0.1 plik zmieniona-paczka.zip: niezgodna");
    }

    @Test
    void aFileThatIsNotAZipGetsAPolishMessage() throws Exception {
        String html = upload("paczka.zip", "to nie jest archiwum\n".getBytes(StandardCharsets.UTF_8));
        assertThat(html).contains("Paczka <span>nie można sprawdzić</span>",
                "Plik paczka.zip nie jest archiwum ZIP.");
        // no file at all
        assertThat(mvc.perform(multipart("/weryfikacja").with(auditor()).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Wybierz plik paczki dla audytorów");
        // a folder in the name the browser sent is not shown
        assertThat(upload("C:\\Users\\ewa\\paczka-2.zip", new byte[] {1, 2, 3})).contains("Plik paczka-2.zip nie jest");
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(multipart("/weryfikacja").file(new MockMultipartFile("paczka", "p.zip", "application/zip",
                new byte[] {'P', 'K', 3, 4})).with(auditor())).andExpect(status().isForbidden());
        assertThat(audit("audytor.weryfikacja")).noneMatch(row -> row.contains("p.zip"));
    }

    @Test
    void anUploadOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        UploadSizeLimit limit = new UploadSizeLimit(DataSize.ofBytes(100));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/weryfikacja");
        request.setContent(new byte[101]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        limit.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
        MockHttpServletRequest small = new MockHttpServletRequest("POST", "/weryfikacja");
        small.setContent(new byte[100]);
        MockFilterChain passed = new MockFilterChain();
        limit.doFilter(small, new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).isSameAs(small);
    }

    /** over real HTTP (the container's error page): a body declared larger than the tests' limit, 16 MB */
    @Test
    void theBrowserGetsThePolishPageForAnUploadOverTheLimit() throws Exception {
        long declared = DataSize.ofMegabytes(16).toBytes() + 1;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/weryfikacja"))
                .header("Content-Type", "multipart/form-data; boundary=granica").header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ZerosStream(declared)), declared)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Przesłanie odrzucone (413)", "razem najwyżej 16 MB",
                "./mops-reports verify PACZKA.zip").doesNotContain("Exception");
    }

    /** a body of zeros of the given length (also for {@link ReturnActionsPageTest}) */
    static final class ZerosStream extends InputStream {
        private long left;

        ZerosStream(long length) {
            left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    /** every entry copied in order; in {@code entry} the first byte that is a digit becomes another digit */
    static byte[] rezippedWithOneByteChanged(byte[] zip, String entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8);
             ZipOutputStream copy = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    for (int i = 0; i < content.length && !changed; i++) {
                        if (content[i] >= '0' && content[i] <= '9') {
                            content[i] = (byte) (content[i] == '9' ? '8' : content[i] + 1);
                            changed = true;
                        }
                    }
                }
                copy.putNextEntry(new ZipEntry(e.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        assertThat(changed).as("a digit in " + entry).isTrue();
        return out.toByteArray();
    }
}
