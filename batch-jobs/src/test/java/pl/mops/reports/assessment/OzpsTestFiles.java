package pl.mops.reports.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import pl.mops.reports.rendering.WrittenFile;

/** Reading the files of an assessment run in tests: XLSX cells, PDF text, findings lines. */
public final class OzpsTestFiles {

    private OzpsTestFiles() {
    }

    static Path file(List<WrittenFile> files, String suffix) {
        return files.stream().map(WrittenFile::path).filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no file *" + suffix + " in " + files));
    }

    public static Path copyResource(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = OzpsTestFiles.class.getResourceAsStream("/ozps/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    static XSSFWorkbook workbook(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    static Row row(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && label.equals(first.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row \"" + label + "\" in sheet " + sheet.getSheetName());
    }

    /** the five year cells of a row: numbers as Double, texts as String */
    static List<Object> cells(Row row) {
        List<Object> values = new ArrayList<>();
        for (int c = 1; c <= 5; c++) {
            Cell cell = row.getCell(c);
            values.add(cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.getStringCellValue());
        }
        return values;
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ');
        }
    }

    /** the findings file as lines, with no-break spaces as plain spaces; checks the BOM and CRLF line ends */
    static List<String> findings(Path txt) throws IOException {
        byte[] bytes = Files.readAllBytes(txt);
        if ((bytes[0] & 0xff) != 0xEF || (bytes[1] & 0xff) != 0xBB || (bytes[2] & 0xff) != 0xBF) {
            throw new AssertionError("no UTF-8 BOM in " + txt);
        }
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        if (text.replace("\r\n", "").contains("\n")) {
            throw new AssertionError("a line end other than CRLF in " + txt);
        }
        return List.of(text.replace('\u00A0', ' ').split("\r\n"));
    }
}
