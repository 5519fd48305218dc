package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.mops.reports.users.Role;

/**
 * Who may open which page, checked on the server: every page for every role, signed out, the CSRF token, the
 * security headers, the actuator kept local.
 */
class WebAccessTest extends WebConsoleTest {

    private static final List<String> PAGES = List.of("/", "/admin/uzytkownicy", "/admin/dziennik");

    private static RequestPostProcessor as(Role role) {
        return user("rola-" + role.name().toLowerCase()).roles(role.name());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void signedOutEveryPageLeadsToTheSignInPage() throws Exception {
        for (String page : List.of("/", "/admin/uzytkownicy", "/admin/dziennik", "/nie-ma-takiej")) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/css/konsola.css")).andExpect(status().isOk());
        mvc.perform(get("/js/konsola.js")).andExpect(status().isOk());
    }

    @Test
    void thePulpitIsForEveryRoleTheAdministratorsPagesOnlyForAdmin() throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(get("/").with(as(role))).andExpect(status().isOk());
            for (String admin : PAGES.subList(1, PAGES.size())) {
                mvc.perform(get(admin).with(as(role)))
                        .andExpect(role == Role.ADMIN ? status().isOk() : status().isForbidden());
            }
        }
        // a signed-in user without any role of the console (e.g. from a directory group not mapped) sees nothing
        mvc.perform(get("/").with(user("bez-roli").roles())).andExpect(status().isForbidden());
    }

    @Test
    void changesOfUsersOnlyForAdminAndOnlyWithTheCsrfToken() throws Exception {
        for (Role role : List.of(Role.PLANOWANIE, Role.STRATEGIA, Role.AUDYTOR)) {
            mvc.perform(post("/admin/uzytkownicy").with(as(role)).with(csrf()).param("login", "intruz")
                    .param("role", "ADMIN").param("haslo", "dlugie-haslo-intruza").param("haslo2", "dlugie-haslo-intruza"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/uzytkownicy/intruz/wylacz").with(as(role)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(accounts.find("intruz")).isEmpty();
        // the administrator without the token: refused as well
        mvc.perform(post("/admin/uzytkownicy").with(as(Role.ADMIN)).param("login", "bez-tokenu")
                .param("role", "PLANOWANIE").param("haslo", "dlugie-haslo-bez-tokenu").param("haslo2", "dlugie-haslo-bez-tokenu"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/uzytkownicy").with(as(Role.ADMIN)).with(csrf().useInvalidToken()).param("login", "bez-tokenu")
                .param("role", "PLANOWANIE").param("haslo", "dlugie-haslo-bez-tokenu").param("haslo2", "dlugie-haslo-bez-tokenu"))
                .andExpect(status().isForbidden());
        assertThat(accounts.find("bez-tokenu")).isEmpty();
        // signing in and out are forms too
        mvc.perform(post("/login").param("username", "x").param("password", "y")).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as(Role.PLANOWANIE))).andExpect(status().isForbidden());
        mvc.perform(get("/logout").with(as(Role.PLANOWANIE))).andExpect(status().isNotFound());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (var request : List.of(get("/login"), get("/").with(as(Role.AUDYTOR)), get("/admin/dziennik").with(as(Role.ADMIN)))) {
            mvc.perform(request)
                    .andExpect(header().string("Content-Security-Policy", WebSecurityConfiguration.CONTENT_SECURITY_POLICY))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        }
        assertThat(WebSecurityConfiguration.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "script-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void healthOnlyFromThisComputerTheRestOfTheActuatorClosed() throws Exception {
        int local = mvc.perform(get("/actuator/health").with(from("127.0.0.1"))).andReturn().getResponse().getStatus();
        assertThat(local).isIn(200, 503); // 503: DOWN (a test elsewhere in this JVM may leave a failure) — but answered
        int ipv6 = mvc.perform(get("/actuator/health").with(from("0:0:0:0:0:0:0:1"))).andReturn().getResponse().getStatus();
        assertThat(ipv6).isIn(200, 503);
        mvc.perform(get("/actuator/health").with(from("192.168.7.21"))).andExpect(status().isForbidden());
        // a signed-in administrator from the network does not see it either
        mvc.perform(get("/actuator/health").with(from("192.168.7.21")).with(as(Role.ADMIN))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env").with(from("127.0.0.1"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env").with(from("127.0.0.1")).with(as(Role.ADMIN))).andExpect(status().isForbidden());
    }

    @Test
    void theLoopbackCheck() {
        assertThat(WebSecurityConfiguration.isLoopback("127.0.0.1")).isTrue();
        assertThat(WebSecurityConfiguration.isLoopback("127.8.9.10")).isTrue();
        assertThat(WebSecurityConfiguration.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(WebSecurityConfiguration.isLoopback("::1")).isTrue();
        assertThat(WebSecurityConfiguration.isLoopback("10.0.0.1")).isFalse();
        assertThat(WebSecurityConfiguration.isLoopback("localhost")).as("no name lookup").isFalse();
        assertThat(WebSecurityConfiguration.isLoopback("")).isFalse();
        assertThat(WebSecurityConfiguration.isLoopback(null)).isFalse();
    }
}
