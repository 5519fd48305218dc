package pl.mops.reports.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the tests that need the application context on a real PostgreSQL. */
@SpringBootTest
public abstract class DatabaseTest {

    private static final Path HOME = createHome();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SharedPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("mops.home", HOME::toString);
    }

    public static Path home() {
        return HOME;
    }

    private static Path createHome() {
        try {
            return Files.createTempDirectory("mops-test-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
