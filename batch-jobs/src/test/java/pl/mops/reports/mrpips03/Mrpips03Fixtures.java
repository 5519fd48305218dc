package pl.mops.reports.mrpips03;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

import pl.mops.reports.mrpips03.ReturnRepository.CellKey;

/**
 * The hand-made interchange files under {@code src/test/resources/mrpips03/}. The returns of a period are
 * one series in the database (corrections, R against P), so test classes that must not see each other's
 * returns use the same files moved back by whole multiples of 4 years ({@link #shifted}): the same
 * calendar (leap years included), the same ages, the same hand-computed numbers, another period.
 */
final class Mrpips03Fixtures {

    private static final Pattern DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private Mrpips03Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Mrpips03Fixtures.class.getResource("/mrpips03/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** a copy of a fixture with every date moved by {@code years} (a multiple of 4) */
    static Path shifted(String name, int years, Path target) {
        if (years % 4 != 0) {
            throw new IllegalArgumentException("shift by whole leap cycles only");
        }
        return copy(resource(name), target, line -> {
            Matcher m = DATE.matcher(line);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, (Integer.parseInt(m.group(1)) + years) + "-" + m.group(2) + "-" + m.group(3));
            }
            m.appendTail(out);
            return out.toString();
        });
    }

    /**
     * a copy of a fixture with every date moved by {@code years}, any number of them: only for a fixture without
     * 29 February (then the calendar of its dates, the ages and the periods they fall in are the same)
     */
    static Path shiftedWithoutLeapDays(String name, int years, Path target) {
        try (Stream<Path> files = Files.list(resource(name))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains("-02-29")) {
                    throw new IllegalArgumentException(file + " has 29 February: shift by whole leap cycles only");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy(resource(name), target, line -> shiftLine(line, years));
    }

    private static String shiftLine(String line, int years) {
        Matcher m = DATE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, (Integer.parseInt(m.group(1)) + years) + "-" + m.group(2) + "-" + m.group(3));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** a copy of a fixture folder with one file's lines changed ({@code null} from the editor drops the line) */
    static Path edited(Path source, Path target, String file, UnaryOperator<String> editor) {
        copy(source, target, UnaryOperator.identity());
        try {
            Path path = target.resolve(file);
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8).stream().map(editor)
                    .filter(java.util.Objects::nonNull).toList();
            Files.write(path, lines, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path source, Path target, UnaryOperator<String> lineEditor) {
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(lineEditor).toList();
                Files.write(target.resolve(file.getFileName()), lines, StandardCharsets.UTF_8);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts a row's cells in the order of its columns (a row has its own columns in layout 2025.2), e.g.
     * {@code "8 77 4748.50 5 15"} for OSOBY, SWIADCZENIA, KWOTA, RODZINY, OSOBY_W_RODZINACH.
     */
    static void assertRow(Map<CellKey, BigDecimal> cells, Layout layout, String section, String row, String expected) {
        List<String> columns = columns(layout, section, row);
        String[] values = expected.trim().split("\\s+");
        assertThat(values).as("test data: values for %s/%s", section, row).hasSize(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            CellKey key = new CellKey(section, row, columns.get(i));
            assertThat(cells).as("cell %s", key).containsKey(key);
            assertThat(cells.get(key)).as("cell %s", key).isEqualByComparingTo(new BigDecimal(values[i]));
        }
    }

    /** every cell of the row is 0 */
    static void assertZeroRow(Map<CellKey, BigDecimal> cells, Layout layout, String section, String row) {
        int columns = columns(layout, section, row).size();
        assertRow(cells, layout, section, row, String.join(" ", java.util.Collections.nCopies(columns, "0")));
    }

    /** the row has no cells at all (its file was not supplied): not 0 */
    static void assertNoCells(Map<CellKey, BigDecimal> cells, Layout layout, String section, String row) {
        for (String column : columns(layout, section, row)) {
            assertThat(cells).as("cell %s/%s/%s", section, row, column).doesNotContainKey(new CellKey(section, row, column));
        }
    }

    private static List<String> columns(Layout layout, String section, String row) {
        return layout.section(section).orElseThrow().row(row).orElseThrow(() -> new AssertionError("no row " + section
                + "/" + row + " in layout " + layout.version())).columns().stream().map(Layout.Column::code).toList();
    }
}
