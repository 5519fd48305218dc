package pl.mops.reports.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Actuator, health, metrics, Spring Security and Thymeleaf are configured only for {@code serve}: the other commands
 * start without them (no health endpoint, no filter chain, no template engine, no default user with a generated
 * password).
 */
class ServeOnlyAutoConfigurationsTest {

    private static final String[] CANDIDATES = {
            "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"};

    private static boolean[] match(String webApplicationType) {
        ServeOnlyAutoConfigurations filter = new ServeOnlyAutoConfigurations();
        MockEnvironment environment = new MockEnvironment();
        if (webApplicationType != null) {
            environment.setProperty("spring.main.web-application-type", webApplicationType);
        }
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES, null);
    }

    @Test
    void withoutTheWebServerOnlyTheDatabaseAndBatchAutoConfigurationsRemain() {
        boolean[] expected = {false, false, false, false, false, false, false, false, false, false, true, true, true};
        assertThat(match("none")).containsExactly(expected);
        assertThat(match(null)).containsExactly(expected);
    }

    @Test
    void serveKeepsThemAll() {
        assertThat(match("servlet")).containsOnly(true);
    }

    @Test
    void theFilterIsRegistered() throws Exception {
        String factories = new String(getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(factories).contains("pl.mops.reports.system.ServeOnlyAutoConfigurations");
    }
}
