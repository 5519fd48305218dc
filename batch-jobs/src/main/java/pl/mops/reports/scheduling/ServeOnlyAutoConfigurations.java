package pl.mops.reports.scheduling;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out the actuator, health, metrics and web-support auto-configurations unless the program runs as a web
 * application ({@code serve}, which the launcher starts with {@code spring.main.web-application-type=servlet}):
 * the other commands start as fast as before the health endpoint existed. Registered in
 * {@code META-INF/spring.factories}.
 */
public class ServeOnlyAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

    static final List<String> SERVE_ONLY = List.of(
            "org.springframework.boot.actuate.",
            "org.springframework.boot.health.",
            "org.springframework.boot.micrometer.",
            "org.springframework.boot.jackson.",
            "org.springframework.boot.http.converter.");

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
