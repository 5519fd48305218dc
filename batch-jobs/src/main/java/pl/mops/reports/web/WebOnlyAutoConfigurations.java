package pl.mops.reports.web;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out Spring Security's and Thymeleaf's auto-configurations unless the program runs as a web application
 * ({@code serve}): the other commands start as fast as before the console existed, and no default user or generated
 * password appears outside {@code serve}. Registered in {@code META-INF/spring.factories}, next to
 * {@code scheduling.ServeOnlyAutoConfigurations}.
 */
public class WebOnlyAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

    static final List<String> WEB_ONLY = List.of(
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
            keep[i] = web || name == null || WEB_ONLY.stream().noneMatch(name::startsWith);
        }
        return keep;
    }
}
