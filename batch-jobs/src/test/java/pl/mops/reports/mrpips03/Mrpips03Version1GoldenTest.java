package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.SharedPostgres;

/**
 * A version-1 export keeps giving the same 2025.1 return, byte for byte: the hand-made set {@code mrpips03/podstawowy}
 * (contract version 1) imported with {@code --stan-na 2025-12-31} on a fresh installation, returns P and R with layout
 * 2025.1. The SHA-256 of every document was recorded from the program before contract version 2 and layout 2025.2
 * (issue 12) were added; the snapshot's fingerprint too (it is printed in the documents). The four PDFs were
 * recorded again when their layout changed (issue 16: the return's signature block, a table's heading kept with its
 * first rows); the XML and the workbooks kept their recorded bytes through that change. The four workbooks were
 * recorded again when theirs changed (issue 16: page setup, print titles, footer, wrapped headers and labels in tall
 * rows, notes merged across the table); the XML and the PDFs kept their bytes through that change, and the workbooks'
 * numbers are read back cell by cell in Mrpips03ReturnTest and Mrpips03ControlRulesTest.
 *
 * <p>Issue 16 also changed one sentence of the annual return's control report, the R11 note naming the half-year
 * return it was compared with: "Porównano ze sprawozdaniem 2025-P (sprawozdanie pierwotne, jeszcze niezłożonym, …"
 * became "… ze sprawozdaniem za I półrocze 2025 (sprawozdaniem pierwotnym, jeszcze niezłożonym; …". The two hashes
 * of {@code mrpips03-2025-R-kontrola.*} were recorded again after it; with the old sentence put back, the program gave
 * the previous hashes of all ten files, so that sentence is the only change. The test also reads the new sentence
 * back from the workbook.
 *
 * <p>Last, the control rules' explanations of layout 2025.1 were put in plain words (what to check in the case
 * system, not export file names). An edited layout file is a different layout (its SHA-256 is printed in every
 * document), so the eight documents were recorded once more; the XMLs, which do not name the layout's hash, kept
 * their bytes. Before that edit, with the workbook and R11 changes above, the program gave the previous hashes of all
 * ten files except the annual control workbook (both changes at once: 0846ba2e…).
 */
class Mrpips03Version1GoldenTest {

    private static final String FINGERPRINT = "211b0f2c096eb801f1a3d81697ee151c0de36a09e88b16790d8c8ea9a8c59717";

    private static final Map<String, String> GOLDEN = new LinkedHashMap<>();

    static {
        GOLDEN.put("2025-P/mrpips03-2025-P.xml", "454c51e39b53e098b66e930d573e14018bd30fdf8256ecd1f6fea9836d7c1a49");
        GOLDEN.put("2025-P/mrpips03-2025-P.xlsx", "d451150fa228032a65b2cca01a7550a59b1eab854bc4b0b601307e314a3c3fb0");
        GOLDEN.put("2025-P/mrpips03-2025-P.pdf", "d435f386679153a81cd2f16ecb586cadd5ade24b65900a9c88611e9101eebc41");
        GOLDEN.put("2025-P/mrpips03-2025-P-kontrola.xlsx", "6588d7660c6662157260a017ee1e273e00f322425bbb8f608bd07f0ae2b0f990");
        GOLDEN.put("2025-P/mrpips03-2025-P-kontrola.pdf", "b7bea579de49bfdc3ddd839d704bfc2a99e8c9b8cc6ce598913edbeae16efecd");
        GOLDEN.put("2025-R/mrpips03-2025-R.xml", "490bbb35c4623e8c7ce692f2fc8c5d92d850a38346fdbf2872635de8484b52af");
        GOLDEN.put("2025-R/mrpips03-2025-R.xlsx", "67359784d972b07b714ac51e213611336bc67a9e3c02468a3a752858f1bc03eb");
        GOLDEN.put("2025-R/mrpips03-2025-R.pdf", "9a2c467428616371c6cfef9bf84586f4b320f952c1bcbe1f4d746004b7e02fae");
        GOLDEN.put("2025-R/mrpips03-2025-R-kontrola.xlsx", "8ec4d7f5d68ec6274af3abd8ce3797d769c8ccda2ce0ea3523f4f7bd4772fa39");
        GOLDEN.put("2025-R/mrpips03-2025-R-kontrola.pdf", "2c14e45c3e2f18ff52050717870b07cc4580dcfdd566e39f68a0300cda23c79b");
    }

    @Test
    void aVersionOneExportGivesTheSame2025Point1ReturnByteForByte() throws Exception {
        String url = SharedPostgres.freshDatabase("mrpips03_golden_v1");
        Path home = Files.createTempDirectory("mops-golden");
        Path fixture = Mrpips03Fixtures.resource("podstawowy");
        CommandLineRun.Outcome imported = CommandLineRun.launchOn(url, home, "import", "--dir", fixture.toString(),
                "--stan-na", "2025-12-31");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Odcisk:  " + FINGERPRINT);
        for (String period : new String[] {"2025-P", "2025-R"}) {
            CommandLineRun.Outcome run = CommandLineRun.launchOn(url, home, "run", "mrpips03", "--period", period,
                    "--layout", "2025.1");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        Path out = home.resolve("out").resolve("mrpips03");
        Map<String, String> actual = new LinkedHashMap<>();
        for (String file : GOLDEN.keySet()) {
            actual.put(file, ReportFileWriter.sha256(Files.readAllBytes(out.resolve(file))));
        }
        assertThat(actual).containsExactlyEntriesOf(GOLDEN);

        // the sentence issue 16 changed, as a clerk reads it in the workbook
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out.resolve("2025-R/mrpips03-2025-R-kontrola.xlsx")))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            })));
        }
        assertThat(texts).anyMatch(t -> t.contains("Porównano ze sprawozdaniem za I półrocze 2025 (sprawozdaniem "
                + "pierwotnym, jeszcze niezłożonym; migawka o odcisku " + FINGERPRINT.substring(0, 16) + "…, układ 2025.1)."));
    }
}
