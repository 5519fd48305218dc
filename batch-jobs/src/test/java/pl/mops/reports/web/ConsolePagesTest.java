package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.mops.reports.users.Role;

/**
 * What the pages show: the Pulpit with the newest snapshot, the runs, the schedule and the returns; the menu by role;
 * the administrator's pages (adding, disabling, a new password, the audit log, paged); the Polish error pages
 * (rendered by the server's error dispatch, so over real HTTP).
 */
class ConsolePagesTest extends WebConsoleTest {

    private static final String PASSWORD = "jesienne-liscie-na-plantach";

    private static RequestPostProcessor admin() {
        return user("admin.strony").roles("ADMIN");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void thePulpitShowsTheNewestSnapshotTheRunsTheScheduleAndTheReturns() throws Exception {
        String html = page("/", user("planista").roles("PLANOWANIE"));
        assertThat(html).contains("<h1>Pulpit</h1>", "Stan na <span>04.04.2025 10:00</span>",
                "Najnowsza migawka danych", "nr <span>" + snapshotId + "</span>", "test:konsola",
                "Podsumowanie importu: wiersze każdego pliku", "<th scope=\"row\">osoby.csv</th>",
                "<th scope=\"row\">swiadczenia.csv</th>", "Razem");
        // the last run of each job: the statistics of March 2025, the other two never ran in this database
        assertThat(html).contains("<th scope=\"row\">statystyka miesięczna</th>", "zakończone",
                "miesiąc 2025-03, migawka " + snapshotId + ", wersja 1", "jeszcze nie uruchamiano");
        // the schedule (config/harmonogram.yml) with next firings by the clock
        assertThat(html).contains("co miesiąc, 3. dnia o 02:00", "03.05.2025 02:00", "2025-04",
                "Harmonogram liczy okresy od 2024-01 na migawce nr " + snapshotId);
        assertThat(html).contains("Zaległe okresy", "statystyka miesięczna: 2024-01, 2024-02", "2025-02",
                "Okresy czekające na ponowienie po błędzie");
        // MRPiPS-03 returns of last year and this year with their deadlines
        // (2025-P is computed by ReturnFormPageTest in the same context, so its state depends on the order of the
        // classes; 2025-R is computed by none: its own row says it is not computed)
        assertThat(html).containsPattern("<th scope=\"row\">2025-P</th>\\s*<td>termin 21\\.07\\.2025 \\(za 108 dni\\)</td>");
        assertThat(html).containsPattern("<th scope=\"row\">2025-R</th>\\s*<td>[^<]*</td>\\s*<td><span>nie policzono</span>");
        // the menu shows only what the role may open
        assertThat(html).contains(">Pulpit</a>").doesNotContain("Użytkownicy</a>", "Dziennik zdarzeń</a>");
        assertThat(page("/", admin())).contains(">Pulpit</a>", ">Użytkownicy</a>", ">Dziennik zdarzeń</a>");
        // accessible markup: every table header has its scope, the page its language, a skip link
        assertThat(html).contains("<html lang=\"pl\">", "href=\"#tresc\"").doesNotContain("<th>");
        assertThat(html).doesNotContain("style=", "<script>", "onclick");
    }

    @Test
    void theAdministratorAddsAUserWhoCanSignIn() throws Exception {
        mvc.perform(post("/admin/uzytkownicy").with(admin()).with(csrf()).with(from("192.168.7.5"))
                        .param("login", "Nowa.Osoba").param("role", "PLANOWANIE").param("role", "STRATEGIA")
                        .param("haslo", PASSWORD).param("haslo2", PASSWORD))
                .andExpect(redirectedUrl("/admin/uzytkownicy"))
                .andExpect(flash().attribute("komunikat", "Dodano użytkownika nowa.osoba (role: PLANOWANIE, STRATEGIA)."));
        assertThat(accounts.find("nowa.osoba").orElseThrow().roles()).containsExactlyInAnyOrder(Role.PLANOWANIE, Role.STRATEGIA);
        assertThat(audit("admin.strony")).contains("UZYTKOWNIK_DODANY 192.168.7.5 użytkownik nowa.osoba, role: PLANOWANIE, STRATEGIA");
        assertThat(page("/admin/uzytkownicy", admin())).contains("<th scope=\"row\">nowa.osoba</th>", "PLANOWANIE, STRATEGIA",
                "aktywne", "name=\"_csrf\"");
        // refusals are shown on the page, nothing changes
        mvc.perform(post("/admin/uzytkownicy").with(admin()).with(csrf()).param("login", "druga.osoba")
                        .param("role", "AUDYTOR").param("haslo", PASSWORD).param("haslo2", PASSWORD + "x"))
                .andExpect(flash().attribute("blad", "Hasła się różnią — wpisz to samo hasło dwa razy."));
        mvc.perform(post("/admin/uzytkownicy").with(admin()).with(csrf()).param("login", "druga.osoba")
                        .param("role", "AUDYTOR").param("haslo", "krotkie").param("haslo2", "krotkie"))
                .andExpect(flash().attribute("blad", "Hasło jest za krótkie: musi mieć co najmniej 12 znaków (najlepiej kilka słów)."));
        mvc.perform(post("/admin/uzytkownicy").with(admin()).with(csrf()).param("login", "druga.osoba")
                        .param("haslo", PASSWORD).param("haslo2", PASSWORD))
                .andExpect(flash().attribute("blad", "Podaj co najmniej jedną rolę. Dozwolone role: PLANOWANIE, STRATEGIA, AUDYTOR, ADMIN."));
        mvc.perform(post("/admin/uzytkownicy").with(admin()).with(csrf()).param("login", "nowa.osoba")
                        .param("role", "AUDYTOR").param("haslo", PASSWORD).param("haslo2", PASSWORD))
                .andExpect(flash().attribute("blad", org.hamcrest.Matchers.startsWith("Użytkownik nowa.osoba już istnieje")));
        assertThat(accounts.find("druga.osoba")).isEmpty();
    }

    @Test
    void theAdministratorDisablesEnablesAndSetsANewPassword() throws Exception {
        account("do.zmian", PASSWORD, Role.AUDYTOR);
        mvc.perform(post("/admin/uzytkownicy/do.zmian/wylacz").with(admin()).with(csrf()))
                .andExpect(flash().attribute("komunikat", "Wyłączono konto do.zmian."));
        assertThat(accounts.find("do.zmian").orElseThrow().enabled()).isFalse();
        assertThat(page("/admin/uzytkownicy", admin())).contains("wyłączone");
        mvc.perform(post("/admin/uzytkownicy/do.zmian/wlacz").with(admin()).with(csrf()));
        assertThat(accounts.find("do.zmian").orElseThrow().enabled()).isTrue();
        mvc.perform(post("/admin/uzytkownicy/do.zmian/haslo").with(admin()).with(csrf())
                        .param("haslo", "zupelnie-nowe-haslo-1").param("haslo2", "zupelnie-nowe-haslo-1"))
                .andExpect(flash().attribute("komunikat", org.hamcrest.Matchers.startsWith("Ustawiono nowe hasło użytkownika do.zmian")));
        assertThat(audit("admin.strony")).contains("UZYTKOWNIK_WYLACZONY 127.0.0.1 użytkownik do.zmian",
                "UZYTKOWNIK_WLACZONY 127.0.0.1 użytkownik do.zmian", "HASLO_ZMIENIONE 127.0.0.1 użytkownik do.zmian");
        // an administrator cannot disable the account they are signed in with
        account("admin.sam", PASSWORD, Role.ADMIN);
        mvc.perform(post("/admin/uzytkownicy/admin.sam/wylacz").with(user("admin.sam").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("blad", "Nie można wyłączyć własnego konta."));
    }

    @Test
    void theAuditLogIsPagedNewestFirst() throws Exception {
        for (int i = 0; i < 60; i++) {
            jdbc.update("INSERT INTO audit_log (at, actor, action, address, details) VALUES (now() + make_interval(secs => ?), "
                    + "'dziennik.test', 'LOGOWANIE', '10.0.0.9', ?)", 100000 + i, "wpis " + i);
        }
        String first = page("/admin/dziennik", admin());
        assertThat(first).contains("Dziennik zdarzeń", "strona <span>1</span> z", "wpis 59", "zalogowanie", "10.0.0.9",
                "starsze →");
        assertThat(first.indexOf("wpis 59")).isLessThan(first.indexOf("wpis 58"));
        assertThat(first).doesNotContain("wpis 9<");
        String second = page("/admin/dziennik?strona=2", admin());
        assertThat(second).contains("wpis 9<", "← nowsze");
    }

    @Test
    void errorPagesArePolishWithoutAStackTrace() throws Exception {
        account("bledy.planista", PASSWORD, Role.PLANOWANIE);
        account("bledy.admin", PASSWORD, Role.ADMIN);
        Browserless clerk = new Browserless(baseUrl());
        assertThat(clerk.signIn("bledy.planista", PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/");

        HttpResponse<String> missing = clerk.get("/nie-ma-takiej-strony");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Nie ma takiej strony (404)", "/nie-ma-takiej-strony", "Wróć na Pulpit");

        HttpResponse<String> forbidden = clerk.get("/admin/uzytkownicy");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Brak uprawnień (403)", "nie ma roli").doesNotContain("znacznika");

        HttpResponse<String> failure = clerk.get("/test/awaria");
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.body()).contains("Błąd programu (500)", "mops-reports.log");

        Browserless admin = new Browserless(baseUrl());
        admin.signIn("bledy.admin", PASSWORD);
        HttpResponse<String> malformed = admin.get("/admin/dziennik?strona=abc");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Nieprawidłowe żądanie (400)");
        assertThat(admin.get("/admin/dziennik?strona=0").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/dziennik?strona=99999").statusCode()).isEqualTo(400);

        HttpResponse<String> noToken = admin.post("/admin/uzytkownicy", null, Map.of("login", "bez.tokenu",
                "role", "ADMIN", "haslo", PASSWORD, "haslo2", PASSWORD));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("Brak uprawnień (403)", "brakuje w nim znacznika bezpieczeństwa");
        assertThat(accounts.find("bez.tokenu")).isEmpty();

        for (HttpResponse<String> response : new HttpResponse[] {missing, forbidden, failure, malformed, noToken}) {
            assertThat(response.body()).as(response.uri().toString()).contains("<html lang=\"pl\">")
                    .doesNotContain("Whitelabel", "Exception", "\tat ", "java.", "awaria testowa", "85031212345");
            assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        }
    }
}
