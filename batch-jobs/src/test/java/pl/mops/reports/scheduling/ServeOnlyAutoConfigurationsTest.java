package pl.mops.reports.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Actuator, health and metrics auto-configurations are left out of every command but {@code serve}. */
class ServeOnlyAutoConfigurationsTest {

    private static final String[] CANDIDATES = {
            "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
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
        assertThat(match("none")).containsExactly(false, false, false, false, false, false, true, true, true);
        assertThat(match(null)).containsExactly(false, false, false, false, false, false, true, true, true);
    }

    @Test
    void serveKeepsThemAll() {
        assertThat(match("servlet")).containsOnly(true);
    }
}
