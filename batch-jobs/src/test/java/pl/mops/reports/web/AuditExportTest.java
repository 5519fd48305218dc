package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.mops.reports.users.AuditLog;

/**
 * {@code /admin/dziennik/eksport}: the runs and the audit log of chosen days as a ZIP of two CSV files, with a known
 * run and two known log rows on 17 April 2025 (a day no other test writes to), a formula-like detail neutralised and a
 * semicolon quoted; the export is itself recorded; only the administrator may export.
 */
class AuditExportTest extends WebConsoleTest {

    private static final String BOM = "\uFEFF";

    @Autowired
    private AuditLog auditLog;

    private static RequestPostProcessor admin() {
        return user("admin.eksport").roles("ADMIN");
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void theExportHoldsTheRunsAndTheLogOfTheChosenDays() throws Exception {
        Path file = Files.writeString(Files.createDirectories(HOME.resolve("out/eksport-test")).resolve("wynik.txt"),
                "wynik\n");
        long run = SyntheticRuns.insert(jdbc, "eksportTestowy", ZonedDateTime.of(2025, 4, 17, 9, 30, 0, 0, WARSAW),
                Map.of("month", "2025-03", "snapshot", "7"), "=2+3", List.of(file));
        CLOCK.set(ZonedDateTime.of(2025, 4, 17, 12, 0, 0, 0, WARSAW));
        auditLog.record("eksport.a", AuditLog.Action.LOGOWANIE, "10.1.2.3", "=HYPERLINK(\"http://zly.example\")");
        CLOCK.set(ZonedDateTime.of(2025, 4, 17, 23, 59, 59, 0, WARSAW));
        auditLog.record("eksport.b", AuditLog.Action.POBRANIE, "10.1.2.4", "przebieg nr 5; plik a.csv");
        CLOCK.set(ZonedDateTime.of(2025, 4, 18, 0, 0, 0, 0, WARSAW)); // the next day: not in the export
        auditLog.record("eksport.c", AuditLog.Action.WYLOGOWANIE, "10.1.2.5", null);

        MockHttpServletResponse response = mvc.perform(get("/admin/dziennik/eksport?od=2025-04-17&do=2025-04-17")
                .with(admin())).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).contains("dziennik-2025-04-17-2025-04-17.zip");
        Map<String, String> entries = unzip(response.getContentAsByteArray());
        assertThat(new ArrayList<>(entries.keySet())).containsExactly("przebiegi.csv", "dziennik-zdarzen.csv");

        assertThat(entries.get("przebiegi.csv")).isEqualTo(BOM
                + "nr;zadanie;parametry;status;start;koniec;uruchomił\r\n"
                + run + ";eksportTestowy;miesiąc 2025-03, migawka 7;zakończone;17.04.2025 09:30:00;17.04.2025 09:30:09;'=2+3\r\n");
        assertThat(entries.get("dziennik-zdarzen.csv")).isEqualTo(BOM
                + "kiedy;kto;czynność;adres;szczegóły\r\n"
                + "17.04.2025 12:00:00;eksport.a;zalogowanie;10.1.2.3;\"'=HYPERLINK(\"\"http://zly.example\"\")\"\r\n"
                + "17.04.2025 23:59:59;eksport.b;pobranie pliku przebiegu;10.1.2.4;\"przebieg nr 5; plik a.csv\"\r\n");
        assertThat(audit("admin.eksport")).containsExactly(
                "EKSPORT_DZIENNIKA 127.0.0.1 dni 2025-04-17 – 2025-04-17: przebiegów 1, wpisów dziennika 2");

        // the same days again: the same bytes
        byte[] again = mvc.perform(get("/admin/dziennik/eksport?od=2025-04-17&do=2025-04-17").with(admin()))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(response.getContentAsByteArray());
    }

    @Test
    void onlyTheAdministratorExportsAndTheDaysMustMakeSense() throws Exception {
        for (String role : List.of("PLANOWANIE", "STRATEGIA", "AUDYTOR")) {
            mvc.perform(get("/admin/dziennik/eksport?od=2025-04-01&do=2025-04-30").with(user("eksport.rola").roles(role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/dziennik/eksport?od=2025-04-30&do=2025-04-01").with(admin()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/dziennik/eksport?od=kwiecień&do=2025-04-01").with(admin()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/dziennik/eksport").with(admin())).andExpect(status().isBadRequest());
        // the log page links the export with this month's days by the clock (4 April 2025)
        assertThat(mvc.perform(get("/admin/dziennik").with(admin())).andReturn().getResponse().getContentAsString())
                .contains("action=\"/admin/dziennik/eksport\"", "value=\"2025-04-01\"", "value=\"2025-04-04\"");
    }
}
