package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.audit.Pseudonyms;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.DatabaseTest;

/**
 * Reconciliation with the case system's return. The hand-made set moved to 2005 (20 years back), its half-year
 * return computed; the "case system's" file is this return's own cells written as {@code dzial;wiersz;kolumna;wartosc}
 * with the rows addressed by their number, except three known cells (hand-worked in mrpips03/podstawowy/README.md):
 * <pre>
 *   1B w. 5 ZASILEK_OKRESOWY RODZINY            2 (F1, F2)               file: 3
 *   1B w. 5 ZASILEK_OKRESOWY KWOTA          1 000,00                     file: 1 000,50
 *   2  w. 1 OGOLEM OSOBY_W_RODZINACH           15 (F1, F2, F3, F4, F6)   file: 14
 * </pre>
 * plus one cell left out (1A/OGOLEM_1A/OSOBY) and one the layout does not have (1B row 99).
 */
class Mrpips03ReconciliationTest extends DatabaseTest {

    private static final ReturnPeriod P = ReturnPeriod.parse("2005-P");

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    Mrpips03Service service;

    @TempDir
    Path temp;

    @Test
    void threeDifferingCellsAMissingAndAnExtraOneWithThePseudonymsOfTheCountedFamilies() throws Exception {
        Snapshot snapshot = loader.load(Mrpips03Fixtures.shifted("podstawowy", -20, temp.resolve("dane")),
                "test:porownanie").snapshot();
        Path out = temp.resolve("out");
        Mrpips03Service.Result result = service.run(P, snapshot.id(), "2025.1", out, false, "test");
        Path other = temp.resolve("system-2005-P.csv");
        Files.writeString(other, caseSystemFile(out.resolve("mrpips03-2005-P-cas.csv")), StandardCharsets.UTF_8);

        CommandLineRun.Outcome compared = CommandLineRun.launch(home(), "porownaj", "--period", "2005-P", "--plik",
                other.toString());
        assertThat(compared.exitCode()).as(compared.err()).isZero();
        assertThat(compared.out()).contains("porównano komórek: " + (result.cells() - 1) + ", różnych: 3, brakujących w "
                + "pliku: 1, nadmiarowych w pliku: 1.");

        try (InputStream in = Files.newInputStream(out.resolve("mrpips03-2005-P-porownanie.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            // the differing cells in the order of the form: both values and the difference (this − file)
            assertThat(rows(workbook.getSheet("Różnice"))).containsExactly(
                    "1B/ZASILEK_OKRESOWY (w. 5)/KWOTA | 1000 | 1000.5 | -0.5",
                    "1B/ZASILEK_OKRESOWY (w. 5)/RODZINY | 2 | 3 | -1",
                    "2/OGOLEM (w. 1)/OSOBY_W_RODZINACH | 15 | 14 | 1");
            assertThat(rows(workbook.getSheet("Bez odpowiednika"))).containsExactly(
                    "1A/OGOLEM_1A (w. 1)/OSOBY | 1 | brak w pliku",
                    "1B/99/OSOBY (wiersz pliku 2) | nie ma w układzie 2025.1 | 4");
            // the families this return counted in the two differing counts (not in the amount)
            byte[] key = HexFormat.of().parseHex(Files.readString(home().resolve("sekret-pseudonimizacji")).strip());
            List<String> expected = new ArrayList<>();
            for (String family : sorted(key, "F1", "F2")) {
                expected.add("1B/ZASILEK_OKRESOWY (w. 5)/RODZINY | rodzina | " + family);
            }
            for (String family : sorted(key, "F1", "F2", "F3", "F4", "F6")) {
                expected.add("2/OGOLEM (w. 1)/OSOBY_W_RODZINACH | rodzina | " + family);
            }
            assertThat(rows(workbook.getSheet("Pseudonimy"))).containsExactlyElementsOf(expected);
        }
        // the run's auditors' package now holds the comparison and the compared file as read; it verifies
        Path pack = out.resolve("mrpips03-2005-P-paczka.zip");
        try (ZipFile zip = new ZipFile(pack.toFile())) {
            assertThat(zip.getEntry("mrpips03-2005-P-porownanie.xlsx")).isNotNull();
            assertThat(zip.getEntry("mrpips03-2005-P-porownanie.pdf")).isNotNull();
            assertThat(new String(zip.getInputStream(zip.getEntry("system-dziedzinowy-system-2005-P.csv")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo(Files.readString(other, StandardCharsets.UTF_8));
        }
        CommandLineRun.Outcome verified = CommandLineRun.launchExactly(List.of("verify", pack.toString()));
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(CommandLineRun.launch(home(), "runs", "--zadanie", "mrpips03", "--ostatnie", "1").out())
                .contains("mrpips03-2005-P-porownanie.pdf");
    }

    @Test
    void aMalformedFileGetsLineLevelMessagesAndNothingIsWritten() throws Exception {
        Snapshot snapshot = loader.load(Mrpips03Fixtures.shifted("podstawowy", -20, temp.resolve("dane")),
                "test:porownanie").snapshot();
        Path out = temp.resolve("zle");
        service.run(ReturnPeriod.parse("2005-R"), snapshot.id(), "2025.1", out, false, "test");
        Path other = temp.resolve("zly.csv");
        Files.writeString(other, "dzial;wiersz;kolumna;wartosc\n1B;5;OSOBY;dwa\n1B;5;RODZINY\n1B;5;OSOBY;2\n"
                + "1B;ZASILEK_OKRESOWY;OSOBY;2\n;5;KWOTA;1\n", StandardCharsets.UTF_8);
        CommandLineRun.Outcome refused = CommandLineRun.launch(home(), "porownaj", "--period", "2005-R", "--plik",
                other.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Plik zly.csv nie jest poprawnym sprawozdaniem do porównania (4 problemy):",
                "plik zly.csv, wiersz 2, kolumna wartosc, wartość „dwa”: wartość nie jest liczbą",
                "plik zly.csv, wiersz 3, kolumna —, wartość „1B;5;RODZINY”: wiersz ma 3 pola",
                "plik zly.csv, wiersz 5, kolumna wiersz, wartość „ZASILEK_OKRESOWY”: komórka 1B/ZASILEK_OKRESOWY/OSOBY "
                        + "podana drugi raz (pierwszy raz w wierszu 4)",
                "plik zly.csv, wiersz 6, kolumna dzial: pusty adres komórki");
        assertThat(out.resolve("mrpips03-2005-R-porownanie.xlsx")).doesNotExist();
    }

    /** this return's own CAS file as a case system would write it: rows by number, three cells changed, two edits */
    private static String caseSystemFile(Path cas) throws Exception {
        List<String> lines = Files.readAllLines(cas, StandardCharsets.UTF_8);
        StringBuilder file = new StringBuilder("dzial;wiersz;kolumna;wartosc\n");
        file.append("1B;99;OSOBY;4\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            String cell = f[0] + "/" + f[2] + "/" + f[3];
            String value = switch (cell) {
                case "1B/ZASILEK_OKRESOWY/RODZINY" -> "3";
                case "1B/ZASILEK_OKRESOWY/KWOTA" -> "1 000,50";
                case "2/OGOLEM/OSOBY_W_RODZINACH" -> "14";
                case "1A/OGOLEM_1A/OSOBY" -> null;
                default -> f[4];
            };
            if (value != null) {
                file.append(f[0]).append(';').append(f[1]).append(';').append(f[3]).append(';').append(value).append('\n');
            }
        }
        return file.toString();
    }

    private static List<String> sorted(byte[] key, String... families) {
        List<String> pseudonyms = new ArrayList<>();
        for (String family : families) {
            pseudonyms.add(Pseudonyms.pseudonym(key, Pseudonyms.Kind.RODZINA, family));
        }
        pseudonyms.sort(null);
        return pseudonyms;
    }

    /** the data rows of a table sheet: every cell as text (numbers without trailing zeros) joined by " | " */
    private static List<String> rows(Sheet sheet) {
        List<String> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() < 3 || row.getCell(1) == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell.getCellType() == CellType.NUMERIC ? new java.math.BigDecimal(String.valueOf(
                        cell.getNumericCellValue())).stripTrailingZeros().toPlainString() : cell.getStringCellValue());
            }
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }
}
