package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.mops.reports.users.Role;

/**
 * Signing in through the form with users of the database: success and failure in the audit log with the address,
 * the lockout after 5 failures and its end after 15 minutes (the movable clock), a disabled account.
 */
class SignInTest extends WebConsoleTest {

    private static final String PASSWORD = "zimowy-poranek-nad-wisla";

    /** the sign-in form as a browser posts it (with the CSRF token) */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String login,
                                                                                                 String password) {
        return post("/login").param("username", login).param("password", password).with(csrf());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aSuccessfulSignInGoesToThePulpitAndIsInTheAuditLogWithTheAddress() throws Exception {
        account("logowanie.ok", PASSWORD, Role.PLANOWANIE, Role.STRATEGIA);
        mvc.perform(signIn("logowanie.ok", PASSWORD).with(from("192.168.7.21")))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("logowanie.ok").withRoles("PLANOWANIE", "STRATEGIA"));
        // the login is case-insensitive and trimmed, as stored
        mvc.perform(signIn(" Logowanie.OK ", PASSWORD))
                .andExpect(authenticated().withUsername("logowanie.ok"));
        assertThat(audit("logowanie.ok")).containsSubsequence("LOGOWANIE 192.168.7.21 role: PLANOWANIE, STRATEGIA",
                "LOGOWANIE 127.0.0.1 role: PLANOWANIE, STRATEGIA");
    }

    @Test
    void aFailedSignInSaysSoInPolishAndIsInTheAuditLog() throws Exception {
        account("logowanie.zle", PASSWORD, Role.AUDYTOR);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(signIn("logowanie.zle", "nie-to-haslo").with(from("10.20.30.40"))
                        .session(session))
                .andExpect(redirectedUrl("/login?blad")).andExpect(unauthenticated());
        mvc.perform(get("/login").param("blad", "").session(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nieprawidłowy login lub hasło.")));
        assertThat(audit("logowanie.zle")).containsExactly("LOGOWANIE_NIEUDANE 10.20.30.40 Nieprawidłowy login lub hasło.");
        // a login that does not exist (here nor in the directory): the same answer, recorded as typed
        mvc.perform(signIn("nikt-taki", "cokolwiek-123")).andExpect(redirectedUrl("/login?blad"));
        assertThat(audit("nikt-taki")).containsExactly("LOGOWANIE_NIEUDANE 127.0.0.1 Nieprawidłowy login lub hasło.");
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() throws Exception {
        account("logowanie.blokada", PASSWORD, Role.PLANOWANIE);
        for (int i = 1; i <= 4; i++) {
            mvc.perform(signIn("logowanie.blokada", "zle-haslo-" + i))
                    .andExpect(unauthenticated());
            assertThat(accounts.find("logowanie.blokada").orElseThrow().failedAttempts()).isEqualTo(i);
        }
        MockHttpSession session = new MockHttpSession();
        mvc.perform(signIn("logowanie.blokada", "zle-haslo-5").session(session))
                .andExpect(unauthenticated());
        var locked = accounts.find("logowanie.blokada").orElseThrow();
        assertThat(locked.lockedUntil()).isEqualTo(START.plusMinutes(15).toInstant());
        MvcResult page = mvc.perform(get("/login").param("blad", "").session(session)).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains(
                "Konto jest zablokowane po 5 nieudanych próbach logowania — spróbuj ponownie po 04.04.2025 10:15");

        // while it waits, even the right password is refused (and does not extend the wait)
        CLOCK.advance(Duration.ofMinutes(14));
        mvc.perform(signIn("logowanie.blokada", PASSWORD)).andExpect(unauthenticated());
        assertThat(accounts.find("logowanie.blokada").orElseThrow().lockedUntil()).isEqualTo(locked.lockedUntil());

        // after the wait: the right password signs in and clears the count
        CLOCK.advance(Duration.ofMinutes(1));
        mvc.perform(signIn("logowanie.blokada", PASSWORD)).andExpect(authenticated());
        assertThat(accounts.find("logowanie.blokada").orElseThrow().failedAttempts()).isZero();

        assertThat(audit("logowanie.blokada")).containsExactly(
                "LOGOWANIE_NIEUDANE 127.0.0.1 Nieprawidłowy login lub hasło.",
                "LOGOWANIE_NIEUDANE 127.0.0.1 Nieprawidłowy login lub hasło.",
                "LOGOWANIE_NIEUDANE 127.0.0.1 Nieprawidłowy login lub hasło.",
                "LOGOWANIE_NIEUDANE 127.0.0.1 Nieprawidłowy login lub hasło.",
                "KONTO_ZABLOKOWANE 127.0.0.1 5 nieudanych logowań z rzędu — konto czeka do 04.04.2025 10:15",
                "LOGOWANIE_NIEUDANE 127.0.0.1 Konto jest zablokowane po 5 nieudanych próbach logowania — spróbuj "
                        + "ponownie po 04.04.2025 10:15 albo poproś administratora o nowe hasło.",
                "LOGOWANIE_NIEUDANE 127.0.0.1 Konto jest zablokowane po 5 nieudanych próbach logowania — spróbuj "
                        + "ponownie po 04.04.2025 10:15 albo poproś administratora o nowe hasło.",
                "LOGOWANIE 127.0.0.1 role: PLANOWANIE");
    }

    @Test
    void aNewPasswordEndsTheLockoutAtOnce() throws Exception {
        account("logowanie.odblokuj", PASSWORD, Role.STRATEGIA);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(signIn("logowanie.odblokuj", "zle-haslo-" + i));
        }
        assertThat(accounts.find("logowanie.odblokuj").orElseThrow().lockedAt(CLOCK.instant())).isTrue();
        accounts.changePassword("logowanie.odblokuj", "nowe-haslo-po-blokadzie", new pl.mops.reports.users.UserAccounts.Actor("admin", null));
        mvc.perform(signIn("logowanie.odblokuj", "nowe-haslo-po-blokadzie")).andExpect(authenticated());
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        account("logowanie.wylaczone", PASSWORD, Role.PLANOWANIE);
        accounts.disable("logowanie.wylaczone", new pl.mops.reports.users.UserAccounts.Actor("admin", null));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(signIn("logowanie.wylaczone", PASSWORD).session(session))
                .andExpect(unauthenticated());
        assertThat(mvc.perform(get("/login").param("blad", "").session(session)).andReturn().getResponse().getContentAsString())
                .contains("Konto jest wyłączone — skontaktuj się z administratorem.");
        // a wrong password of a disabled account says only that the password is wrong
        mvc.perform(signIn("logowanie.wylaczone", "zle")).andExpect(unauthenticated());
        assertThat(audit("logowanie.wylaczone")).containsExactly(
                "LOGOWANIE_NIEUDANE 127.0.0.1 Konto jest wyłączone — skontaktuj się z administratorem.",
                "LOGOWANIE_NIEUDANE 127.0.0.1 Nieprawidłowy login lub hasło.");
    }

    @Test
    void signingOutIsAPostAndIsRecorded() throws Exception {
        account("logowanie.wyjscie", PASSWORD, Role.AUDYTOR);
        MockHttpSession session = (MockHttpSession) mvc.perform(signIn("logowanie.wyjscie", PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/login?wylogowano"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
        assertThat(audit("logowanie.wyjscie")).containsExactly("LOGOWANIE 127.0.0.1 role: AUDYTOR",
                "WYLOGOWANIE 127.0.0.1 null");
    }

    @Test
    void directoryUsersSignInWithTheRolesOfTheirGroups() throws Exception {
        mvc.perform(signIn("anna", DIRECTORY_PASSWORD))
                .andExpect(authenticated().withUsername("anna").withRoles("PLANOWANIE", "STRATEGIA"));
        mvc.perform(signIn("ewa", DIRECTORY_PASSWORD))
                .andExpect(authenticated().withUsername("ewa").withRoles("AUDYTOR"));
        mvc.perform(signIn("anna", "nie-to-haslo")).andExpect(unauthenticated());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(signIn("piotr", DIRECTORY_PASSWORD).session(session))
                .andExpect(unauthenticated());
        assertThat(mvc.perform(get("/login").param("blad", "").session(session)).andReturn().getResponse().getContentAsString())
                .contains("Konto w katalogu nie należy do żadnej grupy uprawnionej do konsoli");
        assertThat(audit("anna")).containsExactly("LOGOWANIE 127.0.0.1 role: PLANOWANIE, STRATEGIA",
                "LOGOWANIE_NIEUDANE 127.0.0.1 Nieprawidłowy login lub hasło.");
        assertThat(audit("piotr")).hasSize(1).allMatch(row -> row.startsWith("LOGOWANIE_NIEUDANE 127.0.0.1 Konto w katalogu"));
    }
}
