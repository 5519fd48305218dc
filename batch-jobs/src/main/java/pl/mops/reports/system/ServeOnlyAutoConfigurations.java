package pl.mops.reports.system;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out what only {@code serve} needs unless the program runs as a web application (the launcher starts
 * {@code serve} with {@code spring.main.web-application-type=servlet}): the actuator, health, metrics and web support
 * (the health endpoint), Spring Security and Thymeleaf (the console). The other commands start as fast as before
 * either existed, and no default user or generated password appears outside {@code serve}. Registered in
 * {@code META-INF/spring.factories}.
 */
public class ServeOnlyAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

    /** package prefixes of the auto-configurations only {@code serve} gets */
    static final List<String> SERVE_ONLY = List.of(
            // the health endpoint
            "org.springframework.boot.actuate.",
            "org.springframework.boot.health.",
            "org.springframework.boot.micrometer.",
            "org.springframework.boot.jackson.",
            "org.springframework.boot.http.converter.",
            // the console
            "org.springframework.boot.security.",
            "org.springframework.boot.thymeleaf.");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean web = environment != null
                && "servlet".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type"));
        boolean[] keep = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < keep.length; i++) {
            String name = autoConfigurationClasses[i];
            keep[i] = web || name == null || !serveOnly(name);
        }
        return keep;
    }

    static boolean serveOnly(String autoConfiguration) {
        return SERVE_ONLY.stream().anyMatch(autoConfiguration::startsWith)
                || autoConfiguration.contains(".autoconfigure.health.") || autoConfiguration.contains(".autoconfigure.metrics.");
    }
}
