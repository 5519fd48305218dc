package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Spring Security and Thymeleaf are configured only for {@code serve}: the other commands start without them (no
 * filter chain, no template engine, no default user with a generated password).
 */
class WebOnlyAutoConfigurationsTest {

    private static final String[] CANDIDATES = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration"};

    private static boolean[] match(String webApplicationType) {
        WebOnlyAutoConfigurations filter = new WebOnlyAutoConfigurations();
        MockEnvironment environment = new MockEnvironment();
        if (webApplicationType != null) {
            environment.setProperty("spring.main.web-application-type", webApplicationType);
        }
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES, null);
    }

    @Test
    void withoutTheWebServerNeitherSecurityNorTemplates() {
        assertThat(match("none")).containsExactly(false, false, false, false, true, true);
        assertThat(match(null)).containsExactly(false, false, false, false, true, true);
    }

    @Test
    void serveKeepsThemAll() {
        assertThat(match("servlet")).containsOnly(true);
    }

    @Test
    void theFilterIsRegistered() throws Exception {
        String factories = new String(getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(factories).contains("pl.mops.reports.web.WebOnlyAutoConfigurations",
                "pl.mops.reports.scheduling.ServeOnlyAutoConfigurations");
    }
}
