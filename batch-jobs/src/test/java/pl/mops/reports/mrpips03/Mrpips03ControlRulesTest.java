package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.mrpips03.ReturnRepository.Failure;
import pl.mops.reports.support.DatabaseTest;

/**
 * A failing control rule: the hand-made set moved to 2021; the half-year return on it, then the annual
 * return on a newer snapshot without S111 (F1's periodic allowance of 600.00 on 10 II). The year then has
 * fewer periodic-allowance recipients, families and złoty than the half-year already reported: R11
 * (R ≥ P) fails in 7 cells, the job still completes, and the return is not ready to send.
 */
class Mrpips03ControlRulesTest extends DatabaseTest {

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    Mrpips03Service service;
    @Autowired
    ReturnRepository returns;

    @TempDir
    Path temp;

    @Test
    void annualSmallerThanHalfYearIsReportedAndNotReadyToSend() throws Exception {
        Path full = Mrpips03Fixtures.shifted("podstawowy", -4, temp.resolve("a"));
        Path fewer = Mrpips03Fixtures.edited(full, temp.resolve("b"), "swiadczenia.csv",
                line -> line.startsWith("S111;") ? null : line);
        Snapshot a = loader.load(full, "test:mrpips03-reguly-a").snapshot();
        Snapshot b = loader.load(fewer, "test:mrpips03-reguly-b").snapshot();

        Mrpips03Service.Result half = service.run(ReturnPeriod.parse("2021-P"), a.id(), "2025.1", temp.resolve("p"), false, "test");
        assertThat(half.stored().readyToSend()).isTrue();
        Mrpips03Service.Result year = service.run(ReturnPeriod.parse("2021-R"), b.id(), "2025.1", temp.resolve("r"), false, "test");

        assertThat(year.stored().readyToSend()).isFalse();
        assertThat(year.stored().checksFailed()).isEqualTo(7);
        assertThat(returns.failures(year.stored().id())).extracting(Failure::ruleCode).containsOnly("R11");
        assertThat(returns.failures(year.stored().id()))
                .extracting(f -> f.leftCells() + " " + f.relation() + " " + f.rightCells() + ": " + f.left().stripTrailingZeros().toPlainString()
                        + " vs " + f.right().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(
                        "R: 1B/ZASILEK_OKRESOWY/RODZINY >= P: 1B/ZASILEK_OKRESOWY/RODZINY: 1 vs 2",
                        "R: 1B/ZASILEK_OKRESOWY/OSOBY >= P: 1B/ZASILEK_OKRESOWY/OSOBY: 1 vs 2",
                        "R: 1B/ZASILEK_OKRESOWY/KWOTA >= P: 1B/ZASILEK_OKRESOWY/KWOTA: 800 vs 1000",
                        "R: 1B/ZASILEK_OKRESOWY_BEZROBOCIE/RODZINY >= P: 1B/ZASILEK_OKRESOWY_BEZROBOCIE/RODZINY: 0 vs 1",
                        "R: 1B/ZASILEK_OKRESOWY_BEZROBOCIE/OSOBY >= P: 1B/ZASILEK_OKRESOWY_BEZROBOCIE/OSOBY: 0 vs 1",
                        "R: 1B/ZASILEK_OKRESOWY_BEZROBOCIE/SWIADCZENIA >= P: 1B/ZASILEK_OKRESOWY_BEZROBOCIE/SWIADCZENIA: 0 vs 1",
                        "R: 1B/ZASILEK_OKRESOWY_BEZROBOCIE/KWOTA >= P: 1B/ZASILEK_OKRESOWY_BEZROBOCIE/KWOTA: 0 vs 600");
        // the half-year return named in the instrumental the sentence needs, not "ze sprawozdaniem 2021-P (sprawozdanie
        // pierwotne, …"; it was not submitted
        assertThat(returns.ruleResults(year.stored().id())).filteredOn(r -> r.ruleCode().equals("R11")).singleElement()
                .satisfies(r -> assertThat(r.note()).startsWith("Porównano ze sprawozdaniem za I półrocze 2021 "
                        + "(sprawozdaniem pierwotnym, jeszcze niezłożonym; migawka o odcisku " + a.shortFingerprint()
                        + "…, układ 2025.1)."));
        // the other rules still hold on the smaller data
        assertThat(returns.ruleResults(year.stored().id())).filteredOn(r -> !r.ruleCode().equals("R11"))
                .allSatisfy(r -> assertThat(r.failed()).isZero());

        try (InputStream in = Files.newInputStream(Mrpips03ReturnTest.file(year, "mrpips03-2021-R-kontrola.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet r11 = workbook.getSheet("R11");
            assertThat(r11).isNotNull();
            var row = Mrpips03ReturnTest.rowLabelled(r11,
                    "R: 1B/ZASILEK_OKRESOWY (w. 5)/KWOTA \u2265 P: 1B/ZASILEK_OKRESOWY (w. 5)/KWOTA");
            assertThat(Mrpips03ReturnTest.numbers(row, 3)).containsExactly(800.0, 1000.0, -200.0);
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            var sum = Mrpips03ReturnTest.rowLabelled(workbook.getSheet("Reguły"), "Razem");
            assertThat(sum.getCell(2).getNumericCellValue()).isEqualTo(7.0);
        }
        try (PDDocument pdf = Loader.loadPDF(Mrpips03ReturnTest.file(year, "mrpips03-2021-R-kontrola.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ');
            assertThat(text).contains("NIE jest gotowe do wysłania", "niespełnione warunki: 7", "Wyjaśnienie:",
                    "1 000,00", "Porównano ze sprawozdaniem za I półrocze 2021");
        }
        try (PDDocument pdf = Loader.loadPDF(Mrpips03ReturnTest.file(year, "mrpips03-2021-R.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf).replace('\u00A0', ' ')).contains("NIE jest gotowe do wysłania");
        }
        assertThat(returns.cells(year.stored().id()))
                .containsEntry(new ReturnRepository.CellKey("1B", "OGOLEM_1B", "KWOTA"), new BigDecimal("6248.50"));
    }
}
