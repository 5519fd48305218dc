package pl.mops.reports.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The aggregation queries kept as files under {@code sql/queries/} (packaged on the classpath). */
@Component
public class NamedQueries {

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** @param name file name without {@code .sql}, e.g. {@code monthly-statistics} */
    public String get(String name) {
        return cache.computeIfAbsent(name, NamedQueries::load);
    }

    /**
     * the statements of a multi-statement file, in order: the file is split at lines starting with {@code -- step}
     * (the text before the first such line is the file's description)
     */
    public List<String> steps(String name) {
        String[] parts = get(name).split("(?m)^-- step");
        return Arrays.stream(parts).skip(1).map(part -> part.substring(part.indexOf('\n') + 1).strip())
                .filter(statement -> !statement.isEmpty()).toList();
    }

    private static String load(String name) {
        ClassPathResource resource = new ClassPathResource("sql/queries/" + name + ".sql");
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Brak zapytania sql/queries/" + name + ".sql", e);
        }
    }
}
