package pl.mops.reports.rendering.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * A workbook of the renderer (every document's workbook is one: monthly, yearly, OZPS, MRPiPS-03) with percentages,
 * amounts, texts in place of numbers, a note and charts, opened and saved again by LibreOffice (headless, as a clerk's
 * office suite would): the conversion succeeds (no repair) and every number and text comes back unchanged, sheet by
 * sheet and cell by cell. Where
 * LibreOffice is not installed the test is skipped with a message, not failed.
 */
class LibreOfficeRoundTripTest {

    @TempDir
    Path work;

    @Test
    void aDocumentWorkbookComesBackFromLibreOfficeUnchanged() throws Exception {
        String office = officeOnPath();
        Assumptions.assumeTrue(office != null, "LibreOffice nie jest zainstalowany — test pominięty");
        Path document = Files.write(work.resolve("statystyka-przyklad.xlsx"),
                XlsxRendererTest.render(XlsxRendererTest.document()));
        for (Path original : List.of(document)) {
            Path converted = convert(office, original);
            try (XSSFWorkbook before = new XSSFWorkbook(original.toFile());
                 XSSFWorkbook after = new XSSFWorkbook(converted.toFile())) {
                assertThat(sheetNames(after)).isEqualTo(sheetNames(before));
                for (Sheet sheet : before) {
                    Sheet again = after.getSheet(sheet.getSheetName());
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            Cell other = again.getRow(row.getRowNum()) == null ? null
                                    : again.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
                            String where = original.getFileName() + " " + sheet.getSheetName() + "!"
                                    + cell.getAddress();
                            if (cell.getCellType() == CellType.NUMERIC) {
                                assertThat(other).as(where).isNotNull();
                                assertThat(other.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                                assertThat(other.getNumericCellValue()).as(where).isEqualTo(cell.getNumericCellValue());
                            } else if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()) {
                                assertThat(other).as(where).isNotNull();
                                assertThat(other.getStringCellValue()).as(where).isEqualTo(cell.getStringCellValue());
                            }
                        }
                    }
                }
            }
        }
    }

    /** LibreOffice saves the workbook again as XLSX, with its own profile (no lock on a user's profile) */
    private Path convert(String office, Path original) throws IOException, InterruptedException {
        Path out = Files.createDirectories(work.resolve("lo-" + original.getFileName()));
        Process process = new ProcessBuilder(office, "-env:UserInstallation=" + work.resolve("lo-profil").toUri(),
                "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out.toString(),
                original.toString()).redirectErrorStream(true).redirectOutput(work.resolve("lo.log").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("lo.log"))).isZero();
        Path converted = out.resolve(original.getFileName());
        assertThat(converted).as(Files.readString(work.resolve("lo.log"))).isRegularFile();
        return converted;
    }

    private static String officeOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }
}
