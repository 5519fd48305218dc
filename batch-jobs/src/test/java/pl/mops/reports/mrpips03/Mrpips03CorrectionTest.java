package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.mops.reports.mrpips03.Mrpips03Fixtures.assertRow;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.support.DatabaseTest;

/**
 * Corrections: the hand-made set moved to 2017 (8 years back), its return submitted ({@code zloz}), then a newer
 * snapshot in which S111 (F1's periodic allowance for unemployment, 10 II) is 650.00 instead of 600.00. The period run
 * again gives korekta 1 whose "zmiany" lists exactly the three cells that contain S111's amount.
 */
class Mrpips03CorrectionTest extends DatabaseTest {

    private static final ReturnPeriod P = ReturnPeriod.parse("2017-P");

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    Mrpips03Service service;
    @Autowired
    Submissions submissions;
    @Autowired
    ReturnRepository returns;
    @Autowired
    Layouts layouts;

    @TempDir
    Path temp;

    @Test
    void newerSnapshotMakesCorrectionOneWithTheChangedCells() throws Exception {
        Path original = Mrpips03Fixtures.shifted("podstawowy", -8, temp.resolve("a"));
        Path changed = Mrpips03Fixtures.edited(original, temp.resolve("c"), "swiadczenia.csv",
                line -> line.startsWith("S111;") ? line.replace(";600.00;", ";650.00;") : line);
        Snapshot first = loader.load(original, "test:mrpips03-korekta-a").snapshot();
        Snapshot second = loader.load(changed, "test:mrpips03-korekta-c").snapshot();
        Layout layout = layouts.resolve("2025.1", P.year());

        Mrpips03Service.Result k0 = service.run(P, first.id(), "2025.1", temp.resolve("out"), false, "test");
        assertThat(k0.stored().correction()).isZero();
        submissions.submit(P, null, false, "test");
        Mrpips03Service.Result k1 = service.run(P, second.id(), "2025.1", temp.resolve("out"), false, "test");
        assertThat(k1.stored().correction()).isEqualTo(1);
        assertThat(k1.files()).extracting(f -> f.path().getFileName().toString()).containsExactlyInAnyOrder(
                "mrpips03-2017-P-k1.xml", "mrpips03-2017-P-k1.xlsx", "mrpips03-2017-P-k1.pdf",
                "mrpips03-2017-P-k1-kontrola.xlsx", "mrpips03-2017-P-k1-kontrola.pdf", "mrpips03-2017-P-k1-zmiany.xlsx",
                "mrpips03-2017-P-k1-cas.csv", "mrpips03-2017-P-k1-paczka.zip");
        // the files of the return itself stay as they were
        assertThat(temp.resolve("out").resolve("mrpips03-2017-P.xml")).exists();
        assertRow(returns.cells(k1.stored().id()), layout, "1B", "OGOLEM_1B", "8 77 4798.50 5 15");
        assertThat(Files.readString(Mrpips03ReturnTest.file(k1, "mrpips03-2017-P-k1.xml"), StandardCharsets.UTF_8))
                .contains("korekta=\"1\"", "snapshot=\"" + second.fingerprint() + "\"");

        try (InputStream in = Files.newInputStream(Mrpips03ReturnTest.file(k1, "mrpips03-2017-P-k1-zmiany.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet changes = workbook.getSheet("Zmiany");
            // the submitted version in the genitive "względem" needs (not "względem … (sprawozdanie pierwotne)")
            List<String> texts = new ArrayList<>();
            for (Row row : changes) {
                row.forEach(cell -> {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                        texts.add(cell.getStringCellValue());
                    }
                });
            }
            assertThat(texts).contains("Komórki zmienione względem sprawozdania pierwotnego (wersji złożonej)");
            List<String> lines = new ArrayList<>();
            for (Row row : changes) {
                if (row.getRowNum() > 2 && row.getCell(1) != null && row.getCell(1).getCellType()
                        == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    lines.add(row.getCell(0).getStringCellValue() + " | " + row.getCell(1).getNumericCellValue() + " -> "
                            + row.getCell(2).getNumericCellValue() + " (" + row.getCell(3).getNumericCellValue() + ")");
                }
            }
            assertThat(lines).containsExactly(
                    "1B/OGOLEM_1B (w. 1)/KWOTA | 4748.5 -> 4798.5 (50.0)",
                    "1B/ZASILEK_OKRESOWY (w. 5)/KWOTA | 1000.0 -> 1050.0 (50.0)",
                    "1B/ZASILEK_OKRESOWY_BEZROBOCIE (w. 6)/KWOTA | 600.0 -> 650.0 (50.0)");
        }

        // the same period, snapshot and layout: nothing is computed again
        Mrpips03Service.Result again = service.run(P, second.id(), "2025.1", null, false, "test");
        assertThat(again.reused()).isTrue();
        assertThat(again.stored().correction()).isEqualTo(1);
        Mrpips03Service.Result old = service.run(P, first.id(), "2025.1", null, false, "test");
        assertThat(old.reused()).isTrue();
        assertThat(old.stored().correction()).isZero();
        assertThat(old.laterCorrection()).hasValueSatisfying(later -> assertThat(later.correction()).isEqualTo(1));
    }
}
