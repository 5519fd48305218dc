package pl.mops.reports.cli;

import java.util.List;
import java.util.Map;

import org.springframework.core.SpringProperties;

import pl.mops.reports.MopsReportsApplication;

/**
 * Spring's ahead-of-time processing for the one-shot commands (issue 17: the start-up of a command).
 *
 * <p>The build ({@code process-aot} in {@code batch-jobs/pom.xml}) runs {@link MopsReportsApplication#main} with
 * {@code -D}{@value #PROCESSING}: {@link #process} starts the same application a one-shot command starts
 * ({@link Launcher#application}: no web server), the plugin stops it before any bean is created and writes its bean
 * definitions as code into the jar ({@code MopsReportsApplication__ApplicationContextInitializer}). A command started
 * with {@code -D}{@value #REQUESTED}{@code =true} (the {@code mops-reports} script does that) then skips scanning the
 * configuration classes and evaluating the auto-configuration's conditions: Spring starts in ~1.0 s instead of ~1.5 s
 * (with the class data archive; docs/benchmarks.md, session 14).
 *
 * <p>The conditions were evaluated once, at build time, for that application, so the definitions are used only by a
 * command whose beans are the same ({@link #usable}): not {@code serve} (a web application: other beans), and not when
 * the user passes Spring settings other than the database's and logging's ({@code --spring.…}, {@code SPRING_…},
 * {@code -Dspring.…}: one of them could switch a bean on or off). Those start as before, scanning. A command reading
 * through another process's database differs from the others only in values (database.SchemaMigration skips Flyway
 * for it at run time), so it uses them too. Tests in the build run before the processing, so they
 * always scan; {@code AheadOfTimeJarIT} runs the packaged jar both ways and compares the documents.
 */
public final class AheadOfTime {

    /** the system property of the build's processing run (set by {@code process-aot}'s {@code jvmArguments}) */
    public static final String PROCESSING = "mops.aot.processing";
    /** the system property that asks for the processed definitions ({@code -Dmops.aot=true}; false = scan as before) */
    static final String REQUESTED = "mops.aot";
    private static final String SPRING_FLAG = "spring.aot.enabled";
    private static final String INITIALIZER = MopsReportsApplication.class.getName() + "__ApplicationContextInitializer";

    private AheadOfTime() {
    }

    /** the build's processing run: the one-shot application, without a database (no bean is created) */
    public static void process(String[] args) {
        Launcher.application(false, Map.of("mops.home", System.getProperty("java.io.tmpdir"), "mops.process", "aot",
                "spring.datasource.url", "jdbc:postgresql://localhost/przetwarzanie-aot")).run(args);
    }

    /** whether this command may start from the processed definitions */
    static boolean usable(boolean serve, List<String> springArguments) {
        return Boolean.getBoolean(REQUESTED) && !serve
                && springArguments.stream().allMatch(AheadOfTime::onlyValues)
                && System.getenv().keySet().stream().allMatch(AheadOfTime::environmentOnlyValues)
                && System.getProperties().stringPropertyNames().stream().allMatch(AheadOfTime::systemPropertyOnlyValues)
                && processed();
    }

    /**
     * {@code --spring.datasource.…}, {@code --logging.…} and Spring's start-up line ({@code bench} asks for it) give
     * values; any other Spring argument may switch beans
     */
    static boolean onlyValues(String springArgument) {
        return springArgument.startsWith("--spring.datasource.") || springArgument.startsWith("--logging.")
                || springArgument.startsWith("--spring.main.log-startup-info=");
    }

    static boolean environmentOnlyValues(String name) {
        return !name.startsWith("SPRING_") || name.startsWith("SPRING_DATASOURCE_");
    }

    static boolean systemPropertyOnlyValues(String name) {
        return !name.startsWith("spring.") || name.startsWith("spring.datasource.") || name.equals(SPRING_FLAG)
                || name.equals("spring.backgroundpreinitializer.ignore");
    }

    /** whether the jar holds the processed definitions (a build from the IDE or the test classes does not) */
    static boolean processed() {
        try {
            Class.forName(INITIALIZER, false, AheadOfTime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * for this process's Spring start ({@link SpringProperties}, read when the application starts; set either way, so a
     * {@code -Dspring.aot.enabled=true} given by hand cannot reach a command the definitions do not fit)
     */
    static void use(boolean use) {
        SpringProperties.setProperty(SPRING_FLAG, Boolean.toString(use));
    }
}
