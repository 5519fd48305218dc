package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.DatabaseTest;

/**
 * Drafts before a submission, corrections after it. The hand-made set moved to 2009 (16 years back); S111 is F1's
 * periodic allowance (10 II): 600.00 in snapshot A, 650.00 in B, 700.00 in C; D is B plus a benefit in the second half
 * of the year (the half-year's cells are B's). Hand-worked: a change of S111 changes exactly the three KWOTA cells
 * 1B/OGOLEM_1B, 1B/ZASILEK_OKRESOWY and 1B/ZASILEK_OKRESOWY_BEZROBOCIE by the difference.
 */
class Mrpips03SubmissionTest extends DatabaseTest {

    private static final ReturnPeriod P = ReturnPeriod.parse("2009-P");

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    Mrpips03Service service;
    @Autowired
    Submissions submissions;
    @Autowired
    ReturnRepository returns;

    @TempDir
    Path temp;

    @Test
    void draftsBeforeTheSubmissionAndACorrectionOfTheSubmittedVersionAfterIt() throws Exception {
        Path a = Mrpips03Fixtures.shifted("podstawowy", -16, temp.resolve("a"));
        Snapshot snapshotA = loader.load(a, "test:zloz-a").snapshot();
        Snapshot snapshotB = loader.load(amount(a, "650.00", "b"), "test:zloz-b").snapshot();
        Snapshot snapshotC = loader.load(amount(a, "700.00", "c"), "test:zloz-c").snapshot();
        Path d = Mrpips03Fixtures.edited(amount(a, "650.00", "d0"), temp.resolve("d"), "swiadczenia.csv",
                line -> line.startsWith("S111;") ? line + "\nS199;D11;;ZASILEK_OKRESOWY;BEZROBOCIE;;2009-09-10;1;650.00;DOTACJA"
                        : line);
        Snapshot snapshotD = loader.load(d, "test:zloz-d").snapshot();
        Path out = temp.resolve("out");

        // before any submission: the first return, then a new snapshot gives a new draft of it, not a correction
        Mrpips03Service.Result first = service.run(P, snapshotA.id(), "2025.1", out, false, "test");
        assertThat(first.stored().correction()).isZero();
        assertThat(first.stored().draft()).isEqualTo(1);
        String firstXml = sha256(out.resolve("mrpips03-2009-P.xml"));
        Mrpips03Service.Result second = service.run(P, snapshotB.id(), "2025.1", out, false, "test");
        assertThat(second.stored().correction()).isZero();
        assertThat(second.stored().draft()).isEqualTo(2);
        assertThat(names(second)).containsExactlyInAnyOrder("mrpips03-2009-P-v2.xml", "mrpips03-2009-P-v2.xlsx",
                "mrpips03-2009-P-v2.pdf", "mrpips03-2009-P-v2-kontrola.xlsx", "mrpips03-2009-P-v2-kontrola.pdf",
                "mrpips03-2009-P-v2-cas.csv", "mrpips03-2009-P-v2-paczka.zip");
        assertThat(sha256(out.resolve("mrpips03-2009-P.xml"))).isEqualTo(firstXml); // the first draft's files untouched
        assertThat(Files.readString(out.resolve("mrpips03-2009-P-v2.xml"))).contains("korekta=\"0\"");

        // submitted from the command line: the newest complete version, draft 2; who, when, which run
        CommandLineRun.Outcome zloz = CommandLineRun.launch(home(), "zloz", "--period", "2009-P");
        assertThat(zloz.exitCode()).as(zloz.err()).isZero();
        assertThat(zloz.out()).contains("Oznaczono jako złożone: sprawozdanie MRPiPS-03 za I półrocze 2009 (1 stycznia – "
                + "30 czerwca) (sprawozdanie pierwotne, wersja robocza 2, pliki mrpips03-2009-P-v2.*)", "złożone ",
                "przez użytkownik ", "przebieg nr ", "Gotowość w chwili złożenia: gotowe do wysłania.");
        ReturnRepository.Submission submission = returns.latestSubmission(P).orElseThrow();
        assertThat(submission.returnId()).isEqualTo(second.stored().id());
        assertThat(submission.correction()).isZero();
        assertThat(CommandLineRun.launch(home(), "zloz", "--period", "2009-P").out()).contains("było już oznaczone jako "
                + "złożone");
        // runs says which version each run computed and which was submitted
        String runs = CommandLineRun.launch(home(), "runs", "--zadanie", "mrpips03", "--ostatnie", "2").out();
        assertThat(runs).contains("wersja: sprawozdanie pierwotne, wersja robocza 2; gotowe do wysłania; ZŁOŻONE ",
                "wersja: sprawozdanie pierwotne; gotowe do wysłania\n");
        // the older draft can no longer be submitted
        long firstExecution = returns.lastExecutionOf(first.stored());
        assertThatThrownBy(() -> submissions.submit(P, firstExecution, false, "test"))
                .isInstanceOf(UserError.class).hasMessageContaining("złożona jest już wersja „sprawozdanie pierwotne, "
                        + "wersja robocza 2”").hasMessageContaining("korektę nr 1");

        // after the submission: changed cells are correction 1 against the submitted version (650 → 700)
        Mrpips03Service.Result k1 = service.run(P, snapshotC.id(), "2025.1", out, false, "test");
        assertThat(k1.stored().correction()).isEqualTo(1);
        assertThat(k1.stored().draft()).isEqualTo(1);
        assertThat(names(k1)).contains("mrpips03-2009-P-k1.xml", "mrpips03-2009-P-k1-zmiany.xlsx");
        assertThat(changes(out.resolve("mrpips03-2009-P-k1-zmiany.xlsx"))).containsExactly(
                "1B/OGOLEM_1B (w. 1)/KWOTA | 4798.5 -> 4848.5 (50.0)",
                "1B/ZASILEK_OKRESOWY (w. 5)/KWOTA | 1050.0 -> 1100.0 (50.0)",
                "1B/ZASILEK_OKRESOWY_BEZROBOCIE (w. 6)/KWOTA | 650.0 -> 700.0 (50.0)");
        assertThat(pdfText(out.resolve("mrpips03-2009-P-k1.pdf"))).contains("Korekta: nr 1.",
                "sprawozdanie za I półrocze 2009 (korekta nr 1)");
        assertThat(Files.readString(out.resolve("mrpips03-2009-P-k1.xml"))).contains("korekta=\"1\"");

        // a newer snapshot whose half-year cells equal the submitted ones corrects nothing: a draft of the submitted one
        Mrpips03Service.Result same = service.run(P, snapshotD.id(), "2025.1", out, false, "test");
        assertThat(same.stored().correction()).isZero();
        assertThat(same.stored().draft()).isEqualTo(3);
        assertThat(names(same)).contains("mrpips03-2009-P-v3.xml").noneMatch(n -> n.contains("zmiany"));
        assertThatThrownBy(() -> submissions.submit(P, returns.lastExecutionOf(same.stored()), false, "test"))
                .isInstanceOf(UserError.class).hasMessageContaining("ma te same komórki");

        // the old snapshot A again: its draft was made before the submission and differs from it, so it is not reused
        // but computed as a correction of the submitted version (600 against 650)
        Mrpips03Service.Result stale = service.run(P, snapshotA.id(), "2025.1", out, false, "test");
        assertThat(stale.reused()).isFalse();
        assertThat(stale.stored().correction()).isEqualTo(1);
        assertThat(stale.stored().draft()).isEqualTo(2);
        assertThat(changes(out.resolve("mrpips03-2009-P-k1-v2-zmiany.xlsx"))).contains(
                "1B/ZASILEK_OKRESOWY_BEZROBOCIE (w. 6)/KWOTA | 650.0 -> 600.0 (-50.0)");
        // and B, the submitted one, is reused as it is
        Mrpips03Service.Result sent = service.run(P, snapshotB.id(), "2025.1", out, false, "test");
        assertThat(sent.reused()).isTrue();
        assertThat(sent.stored().id()).isEqualTo(second.stored().id());

        // submitting correction 1: then the next change is correction 2 against it
        Submissions.Outcome k1Sent = submissions.submit(P, returns.lastExecutionOf(k1.stored()), false, "test");
        assertThat(k1Sent.stored().correction()).isEqualTo(1);
        Mrpips03Service.Result k2 = service.run(P, snapshotB.id(), "2025.1", out, true, "test");
        assertThat(k2.stored().correction()).isEqualTo(2);
        assertThat(changes(out.resolve("mrpips03-2009-P-k2-zmiany.xlsx"))).contains(
                "1B/ZASILEK_OKRESOWY_BEZROBOCIE (w. 6)/KWOTA | 700.0 -> 650.0 (-50.0)");
    }

    private Path amount(Path source, String amount, String name) {
        return Mrpips03Fixtures.edited(source, temp.resolve(name), "swiadczenia.csv",
                line -> line.startsWith("S111;") ? line.replace(";600.00;", ";" + amount + ";") : line);
    }

    private static List<String> names(Mrpips03Service.Result result) {
        return result.files().stream().map(f -> f.path().getFileName().toString()).toList();
    }

    private static String sha256(Path file) throws Exception {
        return ReportFileWriter.sha256(Files.readAllBytes(file));
    }

    /** the changed cells of a "zmiany" workbook: cell | before -> after (difference) */
    private static List<String> changes(Path xlsx) throws Exception {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Zmiany");
            List<String> lines = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 2 && row.getCell(1) != null && row.getCell(1).getCellType() == CellType.NUMERIC) {
                    lines.add(row.getCell(0).getStringCellValue() + " | " + row.getCell(1).getNumericCellValue() + " -> "
                            + row.getCell(2).getNumericCellValue() + " (" + row.getCell(3).getNumericCellValue() + ")");
                }
            }
            return lines;
        }
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ').replaceAll("\\s*\\n\\s*", " ");
        }
    }
}
