package pl.mops.reports.web;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import pl.mops.reports.users.AuditLog;
import pl.mops.reports.users.LockoutSettings;
import pl.mops.reports.users.Role;
import pl.mops.reports.users.UserRepository;

/**
 * Who may open what in the console of {@code serve} (only a web application has it: the other commands start
 * without Spring Security).
 * <ul>
 * <li>Sign-in form ({@code username}, {@code password}, {@code _csrf} posted to {@code /login}), sign-out by POST to
 *     {@code /logout}; every sign-in, failed sign-in and sign-out goes to the audit log with the remote address.</li>
 * <li>Every URL by role on the server: {@code /admin/**} (also the audit log export) — ADMIN; the Pulpit, the Files
 *     page with its downloads ({@code /pliki/**}; which file a role may download: {@link DownloadRules}), the package
 *     check ({@code /weryfikacja}) and any run's page ({@code /przebiegi/**}; stopping and resuming: the roles that
 *     may launch the job, checked by the controller) — any role; {@code /import} — PLANOWANIE, ADMIN;
 *     {@code /uruchom} — PLANOWANIE, STRATEGIA, ADMIN, its monthly and MRPiPS-03 forms PLANOWANIE, ADMIN, its OZPS
 *     form STRATEGIA, ADMIN; {@code /sprawozdania/**} — any role, marking a return as submitted
 *     ({@code /sprawozdania/{nr}/zlozenie}) and comparing it ({@code …/porownanie}) PLANOWANIE, ADMIN;
 *     {@code /zasoby/**} (the OZPS resources form) — STRATEGIA, ADMIN;
 *     {@code /uruchomienia/**} (a launch's follow page) — PLANOWANIE, STRATEGIA, ADMIN, an
 *     import's rejects file PLANOWANIE, ADMIN; everything else signed in. The controllers check again
 *     ({@code @PreAuthorize}).</li>
 * <li>CSRF token on every form (a POST without it: 403 with a Polish page).</li>
 * <li>Headers: a Content-Security-Policy that allows only the program's own files (no inline script or style),
 *     no framing, no MIME sniffing, referrer only to the same origin.</li>
 * <li>{@code /actuator/health} answers only requests from this computer (127.0.0.1, ::1, or its own address),
 *     also when the console serves the network ({@code --host}); the rest of the actuator is closed.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class WebSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** set on the request when a form came without a valid CSRF token: the 403 page says so */
    static final String CSRF_REFUSED = "mops.csrfRefused";

    static final String VERIFICATION = "/weryfikacja";

    private static final String PLANOWANIE = Role.PLANOWANIE.name();
    private static final String STRATEGIA = Role.STRATEGIA.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String[] ANY_ROLE = java.util.Arrays.stream(Role.values()).map(Role::name)
            .toArray(String[]::new);

    @Bean
    public ConsoleAuthenticationProvider consoleAuthenticationProvider(UserRepository users, PasswordEncoder encoder,
            Clock clock, LockoutSettings lockout, AuditLog audit, LdapSettings ldap) {
        return new ConsoleAuthenticationProvider(users, encoder, clock, lockout, audit,
                ldap.enabled() ? new DirectorySignIn(ldap) : null);
    }

    /** every upload's size check, ahead of Spring Security (see {@link UploadSizeLimit}) */
    @Bean
    public FilterRegistrationBean<UploadSizeLimit> uploadSizeLimit(
            @Value("${mops.web.przesylanie.limit:512MB}") DataSize limit) {
        FilterRegistrationBean<UploadSizeLimit> registration = new FilterRegistrationBean<>(new UploadSizeLimit(limit));
        // (a servlet URL pattern has no wildcard in the middle: every POST under /sprawozdania/, the comparison's upload
        // among them)
        registration.addUrlPatterns(VERIFICATION, "/import", "/uruchom/ozps", "/sprawozdania/*", "/zasoby/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    public AuthenticationManager authenticationManager(ConsoleAuthenticationProvider provider) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    public SecurityFilterChain consoleSecurity(HttpSecurity http, AuthenticationManager manager, AuditLog audit)
            throws Exception {
        PathPatternRequestMatcher health = PathPatternRequestMatcher.pathPattern("/actuator/health/**");
        PathPatternRequestMatcher actuator = PathPatternRequestMatcher.pathPattern("/actuator/**");
        http.authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(health).access(fromThisComputer())
                        .requestMatchers(actuator).denyAll()
                        .requestMatchers("/login").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/", "/pliki", "/pliki/**", VERIFICATION, "/pomoc", "/pomoc/**").hasAnyRole(ANY_ROLE)
                        .requestMatchers("/import", "/import/**").hasAnyRole(PLANOWANIE, ADMIN)
                        .requestMatchers("/uruchom/statystyka", "/uruchom/mrpips03").hasAnyRole(PLANOWANIE, ADMIN)
                        .requestMatchers("/uruchom/ozps").hasAnyRole(STRATEGIA, ADMIN)
                        .requestMatchers("/uruchom", "/uruchom/**").hasAnyRole(PLANOWANIE, STRATEGIA, ADMIN)
                        .requestMatchers("/zasoby", "/zasoby/**").hasAnyRole(STRATEGIA, ADMIN)
                        .requestMatchers("/uruchomienia/*/odrzucone").hasAnyRole(PLANOWANIE, ADMIN)
                        .requestMatchers("/uruchomienia/**").hasAnyRole(PLANOWANIE, STRATEGIA, ADMIN)
                        .requestMatchers("/przebiegi/**").hasAnyRole(ANY_ROLE)
                        .requestMatchers("/sprawozdania/*/zlozenie", "/sprawozdania/*/porownanie")
                        .hasAnyRole(PLANOWANIE, ADMIN)
                        .requestMatchers("/sprawozdania", "/sprawozdania/**").hasAnyRole(ANY_ROLE)
                        // who sees which run's document is decided per run (DownloadRules), in the controller
                        .requestMatchers("/statystyka", "/statystyka/**", "/ocena", "/ocena/**").hasAnyRole(ANY_ROLE)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("username").passwordParameter("password")
                        .successHandler(signedIn(audit)).failureHandler(refused(audit)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut(audit))
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN), actuator)
                        // every other page sends a browser (or any client) that has not signed in to the sign-in page
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(accessDenied()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Health from this computer only: the connection comes from a loopback address, or from the very address it
     * reached (this computer calling its own network address, when {@code --host} binds one). Forwarded headers
     * are not trusted: a reverse proxy on this computer would make every request local — see the README.
     */
    static AuthorizationManager<RequestAuthorizationContext> fromThisComputer() {
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            String remote = request.getRemoteAddr();
            return new AuthorizationDecision(isLoopback(remote) || (remote != null && remote.equals(request.getLocalAddr())));
        };
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // an IP literal (what getRemoteAddr gives): no name lookup
            return address.matches("[0-9a-fA-F:.]+") && InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static SavedRequestAwareAuthenticationSuccessHandler signedIn(AuditLog audit) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException,
                    jakarta.servlet.ServletException {
                audit.record(authentication.getName(), AuditLog.Action.LOGOWANIE, request.getRemoteAddr(),
                        "role: " + String.join(", ", authentication.getAuthorities().stream()
                                .map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList()));
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    private static SimpleUrlAuthenticationFailureHandler refused(AuditLog audit) {
        return new SimpleUrlAuthenticationFailureHandler("/login?blad") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                                AuthenticationException exception) throws IOException,
                    jakarta.servlet.ServletException {
                String login = request.getParameter("username");
                String shown = login == null ? "" : login.strip();
                if (shown.length() > 64) {
                    shown = shown.substring(0, 64) + "…";
                }
                audit.record(shown.isEmpty() ? "(pusty login)" : shown, AuditLog.Action.LOGOWANIE_NIEUDANE,
                        request.getRemoteAddr(), SignInMessages.of(exception));
                super.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    private static SimpleUrlLogoutSuccessHandler signedOut(AuditLog audit) {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler() {
            @Override
            public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException,
                    jakarta.servlet.ServletException {
                if (authentication != null) {
                    audit.record(authentication.getName(), AuditLog.Action.WYLOGOWANIE, request.getRemoteAddr(), null);
                }
                super.onLogoutSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/login?wylogowano");
        return handler;
    }

    /** 403 through the error page (Polish); a missing or stale CSRF token is named as such */
    private static AccessDeniedHandler accessDenied() {
        AccessDeniedHandlerImpl delegate = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (denied instanceof CsrfException) {
                request.setAttribute(CSRF_REFUSED, Boolean.TRUE);
            }
            delegate.handle(request, response, denied);
        };
    }
}
