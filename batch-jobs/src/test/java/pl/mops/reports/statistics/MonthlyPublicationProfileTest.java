package pl.mops.reports.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.publication.PublicationProfile;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.PublishedValuesAttack;
import pl.mops.reports.support.PublishedWorkbook;
import pl.mops.reports.support.PublishedWorkbook.Table;

/**
 * {@code run monthly --profil publikacja} on the hand-made set of {@code statistics/monthly-small} (2025-03; four
 * families, so many cells are 1 or 2). The published XLSX is read back and attacked with the relations a reader sees
 * in the tables' layout ({@link PublishedValuesAttack}, independent of the program's planner): no hidden cell may be
 * pinned down. Every 1–2 count must be shown as {@code <3} and every published number must equal the full run's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyPublicationProfileTest extends DatabaseTest {

    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final String T1 = "1 Miasto";
    private static final String T2 = "2 Dzielnice";
    private static final String T3 = "3 Filie";
    private static final String T5 = "5 Formy x dzielnice";
    private static final String T6 = "6 Trend";
    private static final String T7 = "7 Wykonanie planu";
    private static final String OGOLEM = "Ogółem (bez powtórzeń)";
    private static final List<String> UNIT_ROWS_T1 = List.of("Rodziny", "Osoby w rodzinach", "Świadczeniobiorcy");

    @Autowired
    TrustedCsvLoader loader;
    @Autowired
    MonthlyStatisticsService service;

    MonthlyStatisticsService.Result full;
    MonthlyStatisticsService.Result published;
    PublishedWorkbook fullBook;
    PublishedWorkbook publishedBook;

    @BeforeAll
    void runBothProfiles() throws Exception {
        Path fixture = Path.of(getClass().getResource("/statistics/monthly-small").toURI());
        long snapshot = loader.load(fixture, "test:monthly-small").snapshot().id();
        full = service.run(MARCH, snapshot, Files.createTempDirectory("monthly-full"), true, "test");
        published = service.run(MARCH, snapshot, Files.createTempDirectory("monthly-pub"), false, "test",
                PublicationProfile.PUBLICATION);
        fullBook = new PublishedWorkbook(file(full, ".xlsx"));
        publishedBook = new PublishedWorkbook(file(published, ".xlsx"));
    }

    @Test
    void publicationRunIsItsOwnInstanceWithSuffixedFilesAndAuditorsPackage() {
        assertThat(published.reused()).isFalse();
        assertThat(published.jobInstanceId()).isNotEqualTo(full.jobInstanceId());
        assertThat(published.parameters().profile()).isEqualTo(PublicationProfile.PUBLICATION);
        assertThat(published.parameters().toJobParameters().getString("profile")).isEqualTo("publikacja");
        // a full run keeps the parameters it had before the profile existed (same instances, same files)
        assertThat(full.parameters().toJobParameters().getString("profile")).isNull();
        assertThat(full.files()).extracting(f -> f.path().getFileName().toString()).allMatch(n -> !n.contains("publikacja"));
        assertThat(published.files()).extracting(f -> f.path().getFileName().toString()).containsExactlyInAnyOrder(
                "statystyka-2025-03-publikacja.xlsx", "statystyka-2025-03-publikacja.pdf",
                "statystyka-2025-03-publikacja.csv", "statystyka-2025-03-publikacja-paczka.zip");
        MonthlyStatisticsService.Result again = service.run(MARCH, published.parameters().snapshotId(), null, false,
                "test", PublicationProfile.PUBLICATION);
        // the latest publication run of the month and snapshot is reused (this one, or its rerun if that ran first)
        assertThat(again.reused()).isTrue();
        assertThat(again.parameters().profile()).isEqualTo(PublicationProfile.PUBLICATION);
        assertThat(again.jobInstanceId()).isNotEqualTo(full.jobInstanceId());
    }

    @Test
    void rerunOfThePublicationIsVersionTwoWithTheSameProtectedNumbers() throws Exception {
        MonthlyStatisticsService.Result rerun = service.run(MARCH, published.parameters().snapshotId(),
                Files.createTempDirectory("monthly-pub-v2"), true, "test", PublicationProfile.PUBLICATION);
        assertThat(rerun.parameters().version()).isEqualTo(2);
        assertThat(rerun.files()).extracting(f -> f.path().getFileName().toString())
                .contains("statystyka-2025-03-publikacja-v2.csv");
        assertThat(Files.readAllBytes(file(rerun, ".csv"))).isEqualTo(Files.readAllBytes(file(published, ".csv")));
    }

    @Test
    void smallCountsAreShownAsLessThanThreeAndEveryPublishedNumberIsTheFullOne() {
        int small = 0;
        int hidden = 0;
        for (Table fullTable : fullBook.tables().values()) {
            Table pub = publishedBook.table(fullTable.sheet());
            assertThat(pub.labels()).isEqualTo(fullTable.labels());
            for (int r = 0; r < fullTable.labels().size(); r++) {
                for (int c = 1; c <= fullTable.columnCount(); c++) {
                    Object before = fullTable.cell(r, c);
                    Object after = pub.cell(r, c);
                    String where = pub.id(r, c) + " " + fullTable.labels().get(r) + " / " + fullTable.headers().get(c - 1);
                    if (after instanceof Double) {
                        assertThat(after).as(where).isEqualTo(before);
                    } else if ("<3".equals(after)) {
                        small++;
                        assertThat((Double) before).as(where).isBetween(1.0, 2.0);
                    } else if ("x".equals(after)) {
                        hidden++;
                        assertThat(before).as(where).isInstanceOf(Double.class);
                    } else {
                        assertThat(after).as(where).isEqualTo(before); // the en dash of a value that does not exist
                    }
                    if (isUnitCount(fullTable, r, c) && before instanceof Double d && d >= 1 && d <= 2) {
                        assertThat(after).as(where).isEqualTo("<3");
                    }
                }
            }
        }
        // by hand: district I has 2 families in III, II and XIV one each; III 2024 had 1 family in the city
        assertThat(publishedBook.table(T2).cell(publishedBook.table(T2).row("I Stare Miasto"), 1)).isEqualTo("<3");
        assertThat(publishedBook.table(T1).cell(publishedBook.table(T1).row("Rodziny"), 2)).isEqualTo("<3");
        // the city's 4 families of III 2025 are published in table 1, but the change against the hidden 1 is not
        assertThat(publishedBook.table(T1).cell(0, 1)).isEqualTo(4.0);
        assertThat(publishedBook.table(T1).cell(0, 3)).isEqualTo("x");
        assertThat(publishedBook.table(T1).cell(0, 4)).isEqualTo("x");
        assertThat(small).isGreaterThan(20);
        assertThat(hidden).isGreaterThan(0);
    }

    @Test
    void amountsOfSmallGroupsAreHidden() {
        for (String sheet : List.of(T2, T3)) {
            Table t = publishedBook.table(sheet);
            for (int r = 0; r < t.labels().size(); r++) {
                for (int[] familiesAndAmount : new int[][] {{1, 5}, {7, 11}}) {
                    if ("<3".equals(t.cell(r, familiesAndAmount[0]))) {
                        assertThat(t.cell(r, familiesAndAmount[1])).as(t.id(r, familiesAndAmount[1])).isEqualTo("x");
                    }
                }
            }
        }
        Table forms = publishedBook.table(T5);
        for (int r = 0; r < forms.labels().size(); r++) {
            for (int[] recipientsAndAmount : new int[][] {{1, 2}, {3, 4}}) {
                if ("<3".equals(forms.cell(r, recipientsAndAmount[0]))) {
                    assertThat(forms.cell(r, recipientsAndAmount[1])).as(forms.id(r, recipientsAndAmount[1])).isEqualTo("x");
                }
            }
        }
    }

    @Test
    void noHiddenCellCanBeComputedFromThePublishedTables() {
        PublishedValuesAttack attack = attack(publishedBook);
        assertThat(attack.relationCount()).isGreaterThan(100);
        Set<String> pinned = attack.pinnedDown();
        assertThat(pinned).as("hidden cells a reader can compute").isEmpty();
    }

    /**
     * The hidden cells of a published monthly statistics workbook and the relations a reader sees in its layout;
     * also asserts that derived cells are shown only with their inputs.
     */
    static PublishedValuesAttack attack(PublishedWorkbook publishedBook) {
        PublishedValuesAttack attack = new PublishedValuesAttack();
        for (Table t : publishedBook.tables().values()) {
            for (int r = 0; r < t.labels().size(); r++) {
                for (int c = 1; c <= t.columnCount(); c++) {
                    if ("<3".equals(t.cell(r, c)) || "x".equals(t.cell(r, c))) {
                        attack.hidden(t.id(r, c));
                    }
                }
            }
        }
        Table t1 = publishedBook.table(T1);
        Table t2 = publishedBook.table(T2);
        Table t3 = publishedBook.table(T3);
        // table 1: change = this year − last year; its columns are the city total row of table 2
        for (int r = 0; r < t1.labels().size(); r++) {
            attack.difference(t1.id(r, 3), t1.id(r, 1), t1.id(r, 2));
            attack.difference(t1.id(r, 7), t1.id(r, 5), t1.id(r, 6));
            attack.equal(t1.id(r, 1), t2.id(t2.row(OGOLEM), 1 + r));
            attack.equal(t1.id(r, 5), t2.id(t2.row(OGOLEM), 7 + r));
            derivedHiddenWithInputs(t1, r, 4, 1, 2);
            derivedHiddenWithInputs(t1, r, 8, 5, 6);
        }
        // tables 2 and 3: the total row is the sum of the rows; a branch is the sum of the districts in its label
        for (Table t : List.of(t2, t3)) {
            for (int c = 1; c <= t.columnCount(); c++) {
                if (t.headers().get(c - 1).contains("na 1000")) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (int r = 0; r < t.labels().size(); r++) {
                    if (r != t.row(OGOLEM)) {
                        parts.add(t.id(r, c));
                    }
                }
                attack.sum(t.id(t.row(OGOLEM), c), parts);
                attack.equal(t.id(t.row(OGOLEM), c), t2.id(t2.row(OGOLEM), c));
            }
            for (int r = 0; r < t.labels().size(); r++) {
                derivedHiddenWithInputs(t, r, 6, 3);
                derivedHiddenWithInputs(t, r, 12, 9);
            }
        }
        for (int r = 0; r < t3.labels().size(); r++) {
            String label = t3.labels().get(r);
            if (label.equals(OGOLEM)) {
                continue;
            }
            String served = label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')'));
            for (int c = 1; c <= t3.columnCount(); c++) {
                if (t3.headers().get(c - 1).contains("na 1000")) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (String district : served.split(", ")) {
                    parts.add(t2.id(districtRow(t2, district), c));
                }
                attack.sum(t3.id(r, c), parts);
            }
        }
        // tables 4 and 4a: the Ogółem column is the sum of the district columns
        for (String sheet : List.of("4 Powody x dzielnice", "4a Powody x dzielnice narast.")) {
            Table t = publishedBook.table(sheet);
            for (int r = 0; r < t.labels().size(); r++) {
                List<String> parts = new ArrayList<>();
                for (int c = 1; c < t.columnCount(); c++) {
                    parts.add(t.id(r, c));
                }
                attack.sum(t.id(r, t.columnCount()), parts);
            }
        }
        // table 5: blocks headed by the city and the districts (the rows of table 2), the forms under them
        Table t5 = publishedBook.table(T5);
        Map<String, List<Integer>> formRowsByName = new LinkedHashMap<>();
        int head = -1;
        List<Integer> block = new ArrayList<>();
        List<Integer> cityForms = new ArrayList<>();
        for (int r = 0; r <= t5.labels().size(); r++) {
            boolean isHead = r == t5.labels().size() || t5.labels().get(r).equals("Miasto ogółem")
                    || t2.labels().contains(t5.labels().get(r));
            if (isHead) {
                if (head >= 0) {
                    for (int c = 1; c <= 4; c++) {
                        int column = c;
                        attack.sum(t5.id(head, c), block.stream().map(b -> t5.id(b, column)).toList());
                    }
                }
                if (r == t5.labels().size()) {
                    break;
                }
                head = r;
                block = new ArrayList<>();
                String label = t5.labels().get(r);
                int t2Row = label.equals("Miasto ogółem") ? t2.row(OGOLEM) : t2.row(label);
                int[] t2Columns = {3, 5, 9, 11};
                for (int c = 1; c <= 4; c++) {
                    attack.equal(t5.id(r, c), t2.id(t2Row, t2Columns[c - 1]));
                }
            } else {
                block.add(r);
                if (t5.labels().get(head).equals("Miasto ogółem")) {
                    cityForms.add(r);
                } else {
                    formRowsByName.computeIfAbsent(t5.labels().get(r), k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (int cityForm : cityForms) {
            List<Integer> inDistricts = formRowsByName.getOrDefault(t5.labels().get(cityForm), List.of());
            for (int c = 1; c <= 4; c++) {
                int column = c;
                attack.sum(t5.id(cityForm, c), inDistricts.stream().map(d -> t5.id(d, column)).toList());
            }
        }
        // table 6: the year-to-date amounts are the sums of the months; the last month is the month of table 1
        Table t6 = publishedBook.table(T6);
        int last = t6.labels().size() - 1;
        for (int c = 5; c <= 6; c++) {
            List<String> months = new ArrayList<>();
            for (int r = 0; r <= last; r++) {
                months.add(t6.id(r, c));
            }
            attack.sum(t1.id(t1.row("Kwota świadczeń (zł)"), c == 5 ? 5 : 6), months);
        }
        String[] t1Rows = {"Rodziny", "Świadczeniobiorcy", "Kwota świadczeń (zł)"};
        for (int c = 1; c <= 6; c++) {
            attack.equal(t6.id(last, c), t1.id(t1.row(t1Rows[(c - 1) / 2]), c % 2 == 1 ? 1 : 2));
        }
        // table 7: executed amount of each form is table 5's year-to-date amount; the total is their sum and the city's
        Table t7 = publishedBook.table(T7);
        List<String> executed = new ArrayList<>();
        for (int r = 0; r < t7.labels().size(); r++) {
            derivedHiddenWithInputs(t7, r, 3, 2);
            if (t7.labels().get(r).equals("Ogółem")) {
                continue;
            }
            executed.add(t7.id(r, 2));
            for (int cityForm : cityForms) {
                if (t5.labels().get(cityForm).equals(t7.labels().get(r))) {
                    attack.equal(t7.id(r, 2), t5.id(cityForm, 4));
                }
            }
        }
        attack.sum(t7.id(t7.row("Ogółem"), 2), executed);
        attack.equal(t7.id(t7.row("Ogółem"), 2), t2.id(t2.row(OGOLEM), 11));
        return attack;
    }

    @Test
    void footnoteIsInTheWorkbookThePdfAndTheCsvHasNoHiddenNumber() throws Exception {
        String note = "Zastosowano ochronę tajemnicy statystycznej";
        assertThat(publishedBook.description()).anyMatch(line -> line.startsWith(note));
        assertThat(publishedBook.notes(T2)).anyMatch(line -> line.startsWith(note));
        assertThat(fullBook.description()).noneMatch(line -> line.contains(note));
        try (PDDocument pdf = Loader.loadPDF(file(published, ".pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ').replaceAll("\\s+", " ");
            assertThat(text).contains(note, "„<3”", "„x”");
        }
        List<String> lines = List.of(new String(Files.readAllBytes(file(published, ".csv")), StandardCharsets.UTF_8)
                .substring(1).split("\r\n"));
        assertThat(lines).contains("2025-03;T2;dzielnica;I;rodziny_m;<3", "2025-03;T1;miara;rodziny;miesiac;4",
                "2025-03;T1;miara;rodziny;miesiac_zmiana;x");
        // district I's 2 650,00 zł of III (2 families) is not in the published CSV
        assertThat(lines).noneMatch(line -> line.startsWith("2025-03;T2;dzielnica;I;kwota_m;"
                + new BigDecimal("2650.00").toPlainString().replace('.', ',')));
        long marks = lines.stream().filter(l -> l.endsWith(";<3") || l.endsWith(";x")).count();
        long marked = publishedBook.tables().values().stream().flatMap(t -> t.cells().stream()).flatMap(List::stream)
                .filter(v -> "<3".equals(v) || "x".equals(v)).count();
        assertThat(marks).isEqualTo(marked);
    }

    /** families, persons in families and recipients: the cells primary suppression applies to */
    private static boolean isUnitCount(Table t, int r, int c) {
        String header = t.headers().get(c - 1);
        return switch (t.sheet()) {
            case T1 -> UNIT_ROWS_T1.contains(t.labels().get(r)) && c % 4 != 3 && c % 4 != 0;
            case T2, T3 -> header.startsWith("Rodziny") || header.startsWith("Osoby")
                    || (header.startsWith("Świadczeniobiorcy") && !header.contains("na 1000"));
            case "4 Powody x dzielnice", "4a Powody x dzielnice narast." -> true;
            case T5 -> header.startsWith("Świadczeniobiorcy");
            case T6 -> c <= 4;
            default -> false;
        };
    }

    /** a derived cell (change %, per 1 000, % of plan) is published only when all its inputs are */
    private static void derivedHiddenWithInputs(Table t, int r, int derived, int... inputs) {
        if (t.cell(r, derived) instanceof Double) {
            for (int input : inputs) {
                assertThat(t.cell(r, input)).as(t.id(r, derived) + " shown, so its input " + t.id(r, input))
                        .isInstanceOf(Double.class);
            }
        }
    }

    private static int districtRow(Table t2, String code) {
        for (int r = 0; r < t2.labels().size(); r++) {
            if (t2.labels().get(r).startsWith(code + " ")) {
                return r;
            }
        }
        throw new AssertionError("no district " + code);
    }

    private static Path file(MonthlyStatisticsService.Result result, String extension) {
        return result.files().stream().map(f -> f.path()).filter(p -> p.toString().endsWith(extension))
                .findFirst().orElseThrow(() -> new AssertionError("no " + extension + " file in " + result.files()));
    }
}
