package pl.mops.reports.cli;

import java.util.List;

/** Decides whether the user configured a database server, in which case none is started. */
final class DatabaseSettings {

    private DatabaseSettings() {
    }

    static boolean externalDatabaseConfigured(List<String> springArguments) {
        String env = System.getenv("SPRING_DATASOURCE_URL");
        if (env != null && !env.isBlank()) {
            return true;
        }
        if (System.getProperty("spring.datasource.url") != null) {
            return true;
        }
        return springArguments.stream().anyMatch(a -> a.startsWith("--spring.datasource.url="));
    }
}
