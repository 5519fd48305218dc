package pl.mops.reports.assessment.resources;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a validated {@link ResourcesFile} as YAML in the form {@code run ozps} reads: what a run read from a
 * workbook, put beside the workbook in the auditors' package so that two runs' inputs can be compared as text
 * (diff). Reading this YAML gives the same values and sources as the file it was made from.
 */
public final class ResourcesYamlWriter {

    private ResourcesYamlWriter() {
    }

    /** the entry name of the rendering in the package: {@code zasoby-2025.xlsx} → {@code zasoby-2025-odczyt.yaml} */
    public static String fileName(String readFileName) {
        int dot = readFileName.lastIndexOf('.');
        return (dot > 0 ? readFileName.substring(0, dot) : readFileName) + "-odczyt.yaml";
    }

    public static byte[] bytes(ResourcesFile resources) {
        return text(resources).getBytes(StandardCharsets.UTF_8);
    }

    public static String text(ResourcesFile resources) {
        return text(resources, "# Odczyt pliku zasobów " + resources.fileName() + " (SHA-256 " + resources.sha256()
                + "),\n# zapisany przez program w postaci YAML, aby audytor mógł porównać dane dwóch przebiegów.\n"
                + "# Plik, który przebieg przeczytał, leży w paczce obok, bez zmian.\n");
    }

    /** @param header the comment lines that open the file (each starting with "# ", ending with a line break) */
    public static String text(ResourcesFile resources, String header) {
        StringBuilder out = new StringBuilder(header);
        out.append(ResourceCatalogue.YEAR).append(": ").append(resources.year()).append('\n');
        for (ResourceCatalogue.Chapter catalogued : ResourceCatalogue.CHAPTERS) { // the catalogue's order, as a template
            Map<String, Map<Integer, BigDecimal>> positions = resources.values().getOrDefault(catalogued.key(), Map.of());
            out.append('\n').append(catalogued.key()).append(":\n");
            for (Map.Entry<String, Map<Integer, BigDecimal>> position : positions.entrySet()) {
                out.append("  ").append(quoted(position.getKey())).append(":\n");
                int scale = catalogued.position(position.getKey()).map(p -> p.kind().scale)
                        .orElse(ResourceCatalogue.Kind.AMOUNT.scale);
                for (int y : resources.years()) {
                    BigDecimal value = position.getValue().get(y);
                    out.append("    ").append(y).append(": ").append(value == null ? ResourceCatalogue.NO_DATA
                            : value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString()).append('\n');
                }
            }
        }
        if (!resources.sources().isEmpty()) {
            out.append('\n').append(ResourceCatalogue.SOURCES).append(":\n");
            for (ResourceCatalogue.Chapter catalogued : ResourceCatalogue.CHAPTERS) {
                String source = resources.sources().get(catalogued.key());
                if (source != null) {
                    out.append("  ").append(catalogued.key()).append(": ").append(doubleQuoted(source)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** budget keys are digits: quoted, so that they stay text */
    private static String quoted(String key) {
        return key.chars().allMatch(Character::isDigit) ? "\"" + key + "\"" : key;
    }

    private static String doubleQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n")
                .replace("\t", "\\t") + "\"";
    }
}
