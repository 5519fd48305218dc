package pl.mops.reports.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/** Reads a {@code ;}-separated file with a header from {@code config/} on the classpath. */
public final class ConfigCsv {

    private ConfigCsv() {
    }

    public static List<CSVRecord> read(String pathUnderConfig) {
        ClassPathResource resource = new ClassPathResource("config/" + pathUnderConfig);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(';').setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (InputStream in = resource.getInputStream();
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new ArrayList<>(format.parse(reader).getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException("Nie można odczytać pliku konfiguracji config/" + pathUnderConfig, e);
        }
    }
}
