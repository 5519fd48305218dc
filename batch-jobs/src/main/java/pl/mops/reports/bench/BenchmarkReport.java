package pl.mops.reports.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one section of {@code docs/benchmarks.md} between the markers
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}, keeping the rest of the file.
 */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static void replaceSection(Path file, String name, String content) {
        String begin = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Wydajność\n";
            String block = begin + "\n" + content.strip() + "\n" + end;
            int a = text.indexOf(begin);
            int b = text.indexOf(end);
            if (a >= 0 && b > a) {
                text = text.substring(0, a) + block + text.substring(b + end.length());
            } else {
                text = text.stripTrailing() + "\n\n" + block + "\n";
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
