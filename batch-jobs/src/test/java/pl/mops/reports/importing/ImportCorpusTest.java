package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.validation.RowLoss;
import pl.mops.reports.system.UserError;
import pl.mops.reports.support.DatabaseTest;

/**
 * The validating import against the corpus of {@code src/test/resources/import}: a valid base set
 * ({@code base/}, described in its README) and cases ({@code cases/NN-name/}) that each replace a
 * few of its files. Every expected reject, warning and file-level error was worked out by hand
 * from the contract ({@code interchange.md}); the input is counted here independently of the
 * importer, so that a row that is neither loaded nor rejected fails the case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCorpusTest extends DatabaseTest {

    /**
     * each set imported here is its own data set, not a later export of the newest snapshot (which another test may
     * have imported): only the checks within the export apply (RowLoss); the comparison is tested in RowLossTest
     */
    static final RowLoss.Check UNRELATED_SET = RowLoss.Check.WITHIN_EXPORT;

    static final List<String> FILES = List.of(ContractFile.fileNamesInOrder());
    /** the files of the base set: the version-1 files (a case may add kontrakty.csv, wsparcie.csv) */
    static final List<String> BASE_FILES = Arrays.stream(InterchangeFile.values()).map(InterchangeFile::fileName).toList();
    static final List<String> REJECT_HEADER = List.of("plik", "wiersz", "kolumna", "wartosc", "komunikat");
    static final CSVFormat SEMICOLON = CSVFormat.DEFAULT.builder().setDelimiter(';').get();
    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    static final String INCOME_SOURCES = "EMERYTURA, RENTA, PRACA, ZASILEK, BRAK, INNE";

    @Autowired
    SnapshotImporter importer;
    @Autowired
    TrustedCsvLoader trustedLoader;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MopsProperties properties;

    /** every input and output folder of this class, removed after it */
    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ the stored corpus

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<Path> cases;
        try (Stream<Path> list = Files.list(resource("import/cases"))) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(),
                () -> runCase(dir)));
    }

    @Test
    void baseIsValidAndLoadedWithTheContractDefaults() throws IOException {
        Path in = prepare(null);
        ImportResult result = importSet(in, "test:base", Files.createTempDirectory(tmp, "import-out"));
        long id = result.snapshot().id();
        if (!result.reused()) {
            verifyLoaded(in, result, List.of(), Map.of());
        }
        assertThat(jdbc.queryForObject("SELECT sum(rows_rejected) FROM snapshot_file WHERE snapshot_id = ?", Long.class, id))
                .isZero();
        assertThat(string("SELECT string_agg(rodzina_id || ':' || dzielnica || ':' || filia || ':' || teren, ',' "
                + "ORDER BY rodzina_id) FROM rodziny WHERE snapshot_id = ?", id))
                .isEqualTo("R1:I:F6:MIASTO,R2:XIV:F1:MIASTO,R3:III:F1:WIES,R4:XVIII:F4:MIASTO");
        assertThat(string("SELECT obywatelstwo || ':' || coalesce(pesel, '-') FROM osoby WHERE snapshot_id = ? AND osoba_id = 'P06'", id))
                .isEqualTo("PL:-");
        assertThat(string("SELECT string_agg(powod, '|' ORDER BY powod) FROM decyzje_powody WHERE snapshot_id = ? "
                + "AND decyzja_id = 'D3'", id)).isEqualTo("BEZRADNOSC|UBOSTWO");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decyzje_powody WHERE snapshot_id = ? AND decyzja_id IN ('D5', 'D6')",
                Long.class, id)).isZero();
        // recipient defaults to the decision's person, task to the form's
        assertThat(string("SELECT string_agg(swiadczenie_id || ':' || osoba_id || ':' || zadanie, ',' ORDER BY swiadczenie_id) "
                + "FROM swiadczenia WHERE snapshot_id = ?", id)).isEqualTo("S01:P01:WLASNE,S02:P03:WLASNE,S03:P04:WLASNE,"
                + "S04:P04:WLASNE,S05:P06:WLASNE,S06:P05:WLASNE,S07:P08:ZLECONE,S08:P08:WLASNE");
        assertThat(string("SELECT string_agg(kontrakt::text, ',' ORDER BY data) FROM praca_socjalna WHERE snapshot_id = ?", id))
                .isEqualTo("false,true,false");
        assertThat(string("SELECT coalesce(data_do::text, '-') FROM czlonkowie WHERE snapshot_id = ? AND rodzina_id = 'R2' "
                + "AND osoba_id = 'P09'", id)).isEqualTo("2025-03-31");
    }

    private void runCase(Path caseDir) throws IOException {
        Path in = prepare(caseDir);
        Path out = Files.createTempDirectory(tmp, "import-out");
        String source = "test:" + caseDir.getFileName();
        Path fileError = caseDir.resolve("expected-file-error.txt");
        if (Files.exists(fileError)) {
            expectFileError(in, out, source, Files.readString(fileError, StandardCharsets.UTF_8).replaceAll("\\R+$", ""));
            return;
        }
        List<List<String>> expected = readExpected(caseDir.resolve("expected.csv"));
        RowLoss.Check check = UNRELATED_SET;
        Path refusal = caseDir.resolve("expected-refusal.txt");
        if (Files.exists(refusal)) {
            // refused as an incomplete export; imported as expected once confirmed (--potwierdz-ubytek)
            expectFileError(in, out, source, Files.readString(refusal, StandardCharsets.UTF_8).replaceAll("\\R+$", ""));
            check = RowLoss.Check.CONFIRMED;
        }
        ImportResult result = importer.importDirectory(in, source, out, SnapshotImporter.Progress.NONE, false, null, check);
        assertThat(result.reused()).as("a case must differ from every other imported set").isFalse();
        verifyRejectsFile(result, expected);
        verifyLoaded(in, result, expected, expectedWarnings(caseDir.resolve("expected-warnings.txt")));
        Path db = caseDir.resolve("expected-db.sql");
        if (Files.exists(db)) {
            for (String line : Files.readAllLines(db, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("--")) {
                    continue;
                }
                String sql = line.strip().replaceAll(";$", "").replace("{snapshot}", Long.toString(result.snapshot().id()));
                assertThat(jdbc.queryForObject(sql, Boolean.class)).as(sql).isTrue();
            }
        }
    }

    // ------------------------------------------------------------------ generated cases

    @Test
    void binaryJunkIsAFileLevelError() throws IOException {
        Path in = prepare(null);
        byte[] junk = new byte[4096];
        new java.util.Random(42).nextBytes(junk);
        byte[] zip = {'P', 'K', 3, 4};
        System.arraycopy(zip, 0, junk, 0, zip.length);
        Files.write(in.resolve("osoby.csv"), junk);
        expectFileError(in, Files.createTempDirectory(tmp, "import-out"), "test:binary",
                "plik osoby.csv: plik zawiera dane binarne (bajt 0x03 w wierszu 1) — to nie jest plik tekstowy CSV."
                        + " Nic nie zostało zapisane.");
    }

    @Test
    void bytesThatAreNeitherUtf8NorWindows1250AreAFileLevelError() throws IOException {
        Path in = prepare(null);
        byte[] head = (String.join("\n", lines(in.resolve("rodziny.csv"))) + "\nR5;").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ";;\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + 2 + tail.length);
        all[head.length] = (byte) 0x81; // invalid as UTF-8 and undefined in Windows-1250
        all[head.length + 1] = (byte) 0x81;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        Files.write(in.resolve("rodziny.csv"), all);
        expectFileError(in, Files.createTempDirectory(tmp, "import-out"), "test:neither",
                "plik rodziny.csv: plik nie jest tekstem w kodowaniu UTF-8 ani Windows-1250 (błędna sekwencja bajtów"
                        + " w wierszu 6). Nic nie zostało zapisane.");
    }

    @Test
    void windows1250IsDetectedAndItsPolishLettersRead() throws IOException {
        Path in = prepare(null);
        Path out = Files.createTempDirectory(tmp, "import-out");
        rewrite(in, "rodziny.csv", WINDOWS_1250, Map.of(4, "R3;3;;Wieś"), List.of());
        rewrite(in, "czlonkowie.csv", WINDOWS_1250, Map.of(3, "R1;P02;Małżonek;2025-01-01;"), List.of());
        rewrite(in, "decyzje.csv", WINDOWS_1250, Map.of(2, "D1;R1;P01;2025-01-10;przyznanie;ubóstwo|BEZROBOCIE"), List.of());
        rewrite(in, "osoby.csv", WINDOWS_1250, Map.of(), List.of("P10;;1990-01-01;K;;Zasiłek rodzinny", uniquePerson()));
        ImportResult result = importSet(in, "test:cp1250", out);
        List<List<String>> expected = List.of(List.of("osoby.csv", "11", "zrodlo_dochodu", "Zasiłek rodzinny",
                "nieznany kod źródła dochodu „Zasiłek rodzinny” (dozwolone: " + INCOME_SOURCES + ")"));
        verifyRejectsFile(result, expected);
        verifyLoaded(in, result, expected, Map.of());
        long id = result.snapshot().id();
        assertThat(string("SELECT string_agg(file_name || '=' || encoding, ',' ORDER BY file_name) FROM snapshot_file "
                + "WHERE snapshot_id = ?", id)).isEqualTo("czlonkowie.csv=Windows-1250,decyzje.csv=Windows-1250,"
                + "osoby.csv=Windows-1250,plan.csv=UTF-8,praca_socjalna.csv=UTF-8,rodziny.csv=Windows-1250,swiadczenia.csv=UTF-8");
        assertThat(string("SELECT teren FROM rodziny WHERE snapshot_id = ? AND rodzina_id = 'R3'", id)).isEqualTo("WIES");
        assertThat(string("SELECT rola FROM czlonkowie WHERE snapshot_id = ? AND osoba_id = 'P02'", id)).isEqualTo("MALZONEK");
        assertThat(Files.readString(result.summaryFile(), StandardCharsets.UTF_8)).contains("Windows-1250");
    }

    @Test
    void aTenMegabyteFieldIsARejectedRowAndStaysFast() throws IOException {
        Path in = prepare(null);
        Path out = Files.createTempDirectory(tmp, "import-out");
        String huge = "P10;" + "9".repeat(10 * 1024 * 1024) + ";1990-01-01;K;;";
        rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(), List.of(huge, uniquePerson()));
        long start = System.nanoTime();
        ImportResult result = importSet(in, "test:10MB", out);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        List<List<String>> expected = List.of(List.of("osoby.csv", "11", "", "", "wiersz jest za długi (" + huge.length()
                + " znaków, najwięcej 100000) — nie został odczytany"));
        verifyRejectsFile(result, expected);
        verifyLoaded(in, result, expected, Map.of());
        assertThat(seconds).as("seconds for a 10 MB line").isLessThan(30);
        assertThat(Files.size(result.rejectsFile())).isLessThan(10_000);
    }

    @Test
    void aTooLongLineStillNamesItsIdForTheRowsReferringToIt() throws IOException {
        Path in = prepare(null);
        Path out = Files.createTempDirectory(tmp, "import-out");
        // P04 (line 5) with a 100 000-character income source: the line is not read, but its beginning names P04
        String tooLong = "P04;50011503133;1950-01-15;M;PL;" + "X".repeat(100_000);
        rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(5, tooLong), List.of(uniquePerson()));
        ImportResult result = importSet(in, "test:long-id", out);
        List<List<String>> expected = List.of(
                List.of("osoby.csv", "5", "", "", "wiersz jest za długi (100032 znaków, najwięcej 100000) — nie został "
                        + "odczytany"),
                // P04 was the applicant of R2: its membership, its two decisions, their realisations name line 5
                List.of("czlonkowie.csv", "5", "osoba_id", "P04", "osoba P04 została odrzucona (osoby.csv, wiersz 5)"),
                List.of("czlonkowie.csv", "6", "rola", "INNY", "rodzina R2 nie ma wnioskodawcy w dniu 2025-01-01 — członek "
                        + "rodziny wymaga wnioskodawcy w całym okresie członkostwa"),
                List.of("decyzje.csv", "3", "osoba_id", "P04", "osoba P04 została odrzucona (osoby.csv, wiersz 5)"),
                List.of("decyzje.csv", "6", "osoba_id", "P04", "osoba P04 została odrzucona (osoby.csv, wiersz 5)"),
                List.of("swiadczenia.csv", "4", "decyzja_id", "D2", "decyzja D2 została odrzucona (decyzje.csv, wiersz 3)"),
                List.of("swiadczenia.csv", "5", "decyzja_id", "D5", "decyzja D5 została odrzucona (decyzje.csv, wiersz 6)"));
        verifyRejectsFile(result, expected);
        verifyLoaded(in, result, expected, Map.of());
    }

    @Test
    void aQuotedFieldWithALineBreakIsOneRejectedRecordNamingItsLines() throws IOException {
        Path in = prepare(null);
        Path out = Files.createTempDirectory(tmp, "import-out");
        // praca_socjalna.csv: lines 5–6 are one record (3 fields) whose date holds a line break; line 7 is fine
        rewrite(in, "praca_socjalna.csv", StandardCharsets.UTF_8, Map.of(), List.of("R2;\"2025-05-05", "\";0",
                "R3;2025-06-01;1"));
        // plan.csv: lines 5–7 (a blank line inside the quotes) are one record; line 8 is fine
        rewrite(in, "plan.csv", StandardCharsets.UTF_8, Map.of(), List.of("2025;\"UBRANIE", "", "\";100", "2026;POSILEK;10"));
        // osoby.csv: a quote that is simply not closed (the next line does not close it into a record) rejects only
        // its own line, and the next line is read as a record of its own
        rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(), List.of("P10;\"88080812345;1988-08-08;M;;",
                uniquePerson()));
        ImportResult result = importSet(in, "test:multi-line", out);
        String broken = " — żadna wartość kontraktu nie zawiera końca wiersza, więc rekord jest odrzucony w całości";
        verifyRejectsFile(result, List.of(
                List.of("osoby.csv", "11", "pesel", "", "niezamknięty cudzysłów (pole zaczyna się w kolumnie nr 2)"),
                List.of("praca_socjalna.csv", "5", "data", "", "pole w cudzysłowie obejmuje kilka wierszy (wiersze 5–6)"
                        + broken),
                List.of("plan.csv", "5", "forma", "", "pole w cudzysłowie obejmuje kilka wierszy (wiersze 5–7)" + broken)));
        // records, not lines: read = loaded + rejected per file, and no blank line counted inside the quotes
        assertThat(jdbc.queryForList("SELECT file_name || ' ' || rows_read || ' ' || rows_loaded || ' ' || rows_rejected "
                + "|| ' ' || blank_lines FROM snapshot_file WHERE snapshot_id = ? AND file_name IN ('osoby.csv', "
                + "'praca_socjalna.csv', 'plan.csv') ORDER BY file_name", String.class, result.snapshot().id()))
                .containsExactly("osoby.csv 11 10 1 0", "plan.csv 5 4 1 0", "praca_socjalna.csv 5 4 1 0");
    }

    @Test
    void longLinesAndLongFields() throws IOException {
        Path in = prepare(null);
        Path out = Files.createTempDirectory(tmp, "import-out");
        String tooLong = "P10;;1990-01-01;K;;" + "x".repeat(100_001 - "P10;;1990-01-01;K;;".length());
        String prefix = "P11;;1990-01-01;K;;";
        String atLimit = prefix + "E".repeat(100_000 - prefix.length()); // exactly 100 000 characters: read, field too long
        int atLimitField = 100_000 - prefix.length();
        assertThat(tooLong).hasSize(100_001);
        assertThat(atLimit).hasSize(100_000);
        rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(), List.of(tooLong, atLimit, uniquePerson()));
        String branch = "F".repeat(2000);
        rewrite(in, "rodziny.csv", StandardCharsets.UTF_8, Map.of(), List.of("R5;II;" + branch + ";"));
        String task = "Z".repeat(1001);
        rewrite(in, "swiadczenia.csv", StandardCharsets.UTF_8, Map.of(),
                List.of("S09;D1;;POSILEK;;" + task + ";2025-03-31;5;50.00;"));
        // CRLF: the CR counts neither to the line nor to its length
        String crlfPrefix = "R2;2025-05-05;";
        String crlfAtLimit = crlfPrefix + "1".repeat(100_000 - crlfPrefix.length());
        String crlfTooLong = crlfAtLimit + "1";
        List<String> socialWork = new ArrayList<>(lines(in.resolve("praca_socjalna.csv")));
        socialWork.add(crlfAtLimit);
        socialWork.add(crlfTooLong);
        Files.writeString(in.resolve("praca_socjalna.csv"), String.join("\r\n", socialWork) + "\r\n", StandardCharsets.UTF_8);
        int contract = 100_000 - crlfPrefix.length();
        ImportResult result = importSet(in, "test:long", out);
        List<List<String>> expected = List.of(
                List.of("osoby.csv", "11", "", "", "wiersz jest za długi (100001 znaków, najwięcej 100000) — nie został odczytany"),
                List.of("osoby.csv", "12", "zrodlo_dochodu", "E".repeat(100) + "… (" + atLimitField + " znaków)",
                        "wartość jest za długa (" + atLimitField + " znaków, najwięcej 1000)"),
                List.of("rodziny.csv", "6", "filia", "F".repeat(100) + "… (2000 znaków)",
                        "wartość jest za długa (2000 znaków, najwięcej 1000)"),
                List.of("swiadczenia.csv", "10", "zadanie", "Z".repeat(100) + "… (1001 znaków)",
                        "wartość jest za długa (1001 znaków, najwięcej 1000)"),
                List.of("praca_socjalna.csv", "5", "kontrakt", "1".repeat(100) + "… (" + contract + " znaków)",
                        "wartość jest za długa (" + contract + " znaków, najwięcej 1000)"),
                List.of("praca_socjalna.csv", "6", "", "", "wiersz jest za długi (100001 znaków, najwięcej 100000) — nie został odczytany"));
        verifyRejectsFile(result, expected);
        verifyLoaded(in, result, expected, Map.of());
    }

    @Test
    void aFileWithOnlyABomOrBlankLinesIsEmpty() throws IOException {
        for (byte[] content : List.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "\uFEFF\r\n  \r\n\r\n".getBytes(StandardCharsets.UTF_8), " \n".getBytes(StandardCharsets.UTF_8))) {
            Path in = prepare(null);
            Files.write(in.resolve("plan.csv"), content);
            expectFileError(in, Files.createTempDirectory(tmp, "import-out"), "test:empty",
                    "plik plan.csv: plik jest pusty — brak wiersza nagłówka z nazwami kolumn. Nic nie zostało zapisane.");
        }
    }

    @Test
    void aFolderOrALinkInPlaceOfAFileSaysWhatItIs() throws IOException {
        Path folder = prepare(null);
        Files.delete(folder.resolve("osoby.csv"));
        Files.createDirectory(folder.resolve("osoby.csv"));
        expectFileError(folder, Files.createTempDirectory(tmp, "import-out"), "test:folder", "plik osoby.csv: w miejscu "
                + "pliku jest katalog " + folder.resolve("osoby.csv") + " — oczekiwano pliku CSV. Nic nie zostało zapisane.");

        Path brokenLink = prepare(null);
        Files.delete(brokenLink.resolve("rodziny.csv"));
        Files.createSymbolicLink(brokenLink.resolve("rodziny.csv"), brokenLink.resolve("nie-ma.csv"));
        expectFileError(brokenLink, Files.createTempDirectory(tmp, "import-out"), "test:broken-link", "plik rodziny.csv: "
                + "w miejscu pliku jest dowiązanie symboliczne do " + brokenLink.resolve("nie-ma.csv") + ", którego nie ma"
                + " — oczekiwano pliku CSV. Nic nie zostało zapisane.");

        // the optional plan.csv: a link to a folder is not an absent file
        Path folderLink = prepare(null);
        Path elsewhere = Files.createTempDirectory(tmp, "folder");
        Files.delete(folderLink.resolve("plan.csv"));
        Files.createSymbolicLink(folderLink.resolve("plan.csv"), elsewhere);
        expectFileError(folderLink, Files.createTempDirectory(tmp, "import-out"), "test:folder-link", "plik plan.csv: "
                + "w miejscu pliku jest dowiązanie symboliczne do katalogu " + elsewhere + " — oczekiwano pliku CSV. Nic "
                + "nie zostało zapisane.");

        // a link to a regular file is read like the file
        Path fileLink = prepare(null);
        rewrite(fileLink, "osoby.csv", StandardCharsets.UTF_8, Map.of(), List.of(uniquePerson()));
        Path real = Files.createTempDirectory(tmp, "real").resolve("osoby.csv");
        Files.move(fileLink.resolve("osoby.csv"), real);
        Files.createSymbolicLink(fileLink.resolve("osoby.csv"), real);
        ImportResult linked = importSet(fileLink, "test:file-link", Files.createTempDirectory(tmp, "import-out"));
        assertThat(linked.reused()).isFalse();
        assertThat(linked.files().get(0).loaded()).isEqualTo(10);
    }

    // ------------------------------------------------------------------ the import as a whole

    @Test
    void aMissingDirectoryIsAUserError() {
        Path missing = Path.of("/nonexistent/mops-import-" + System.nanoTime());
        assertThatThrownBy(() -> importSet(missing, "test:missing", missing.resolve("out")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("Katalog " + missing + " nie istnieje albo nie jest katalogiem (--dir: katalog z plikami CSV "
                        + "migawki). Nic nie zostało zapisane.");
    }

    @Test
    void identicalFilesImportedTwiceGiveTheSameSnapshot() throws IOException {
        Path in = prepare(null);
        rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(), List.of(uniquePerson()));
        ImportResult first = importSet(in, "test:twice", Files.createTempDirectory(tmp, "import-out"));
        long snapshots = count("snapshot");
        Path copy = Files.createTempDirectory(tmp, "import-copy");
        for (String file : BASE_FILES) {
            Files.copy(in.resolve(file), copy.resolve(file));
        }
        Path out = Files.createTempDirectory(tmp, "import-out");
        ImportResult second = importSet(copy, "test:twice-again", out);
        assertThat(first.reused()).isFalse();
        assertThat(second.reused()).isTrue();
        assertThat(second.snapshot().id()).isEqualTo(first.snapshot().id());
        assertThat(count("snapshot")).isEqualTo(snapshots);
        assertThat(second.snapshot().source()).isEqualTo("test:twice");

        rewrite(copy, "plan.csv", StandardCharsets.UTF_8, Map.of(), List.of("2025;UBRANIE;100"));
        ImportResult changed = importSet(copy, "test:changed", out);
        assertThat(changed.reused()).isFalse();
        assertThat(changed.snapshot().id()).isNotEqualTo(first.snapshot().id());
    }

    @Test
    void summaryNamesEncodingSeparatorAndCounts() throws IOException {
        Path in = prepare(resource("import/cases/01-pesel-checksum"));
        rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(), List.of(uniquePerson()));
        Path out = Files.createTempDirectory(tmp, "import-out");
        ImportResult result = importSet(in, "test:summary", out);
        Path summary = out.resolve("import-" + result.snapshot().id() + ".txt");
        assertThat(result.summaryFile()).isEqualTo(summary);
        assertThat(summary).exists();
        String text = Files.readString(summary, StandardCharsets.UTF_8);
        assertThat(text).contains("kodowanie", "separator", "przeczytano", "wczytano", "odrzucono", "UTF-8", "  ;",
                "odrzucone-" + result.snapshot().id() + ".csv");
        // osoby.csv: 11 records read, 10 loaded, 1 rejected
        assertThat(text).containsPattern("osoby\\.csv\\s+UTF-8\\s+;\\s+11\\s+10\\s+1");
        assertThat(text).containsPattern("razem\\s+46\\s+45\\s+1");
        assertThat(string("SELECT summary FROM snapshot WHERE id = ?", result.snapshot().id())).isEqualTo(text);
    }

    @Test
    void peselIsMaskedInTheRejectsFile() throws IOException {
        Path in = prepare(null);
        List<String> persons = lines(in.resolve("osoby.csv"));
        String valid = persons.get(1).split(";")[1];
        String wrongChecksum = valid.substring(0, 10) + (char) ('0' + (valid.charAt(10) - '0' + 1) % 10);
        rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(2, persons.get(1).replace(valid, wrongChecksum),
                3, persons.get(2).replace("1978-02-11", "1978-02-12")), List.of(uniquePerson()));
        ImportResult result = importSet(in, "test:mask", Files.createTempDirectory(tmp, "import-out"));
        String text = Files.readString(result.rejectsFile(), StandardCharsets.UTF_8);
        String secondPesel = persons.get(2).split(";")[1];
        assertThat(text).doesNotContain(wrongChecksum, valid, secondPesel, secondPesel.substring(6))
                .contains(valid.substring(0, 6) + "*****", secondPesel.substring(0, 6) + "*****");
    }

    @Test
    void aFailedImportLeavesNoSnapshotAndNoFiles() throws IOException {
        // the error is found in the last file, after the others were staged inside the transaction
        Path in = prepare(resource("import/cases/65-missing-required-column-last-file"));
        rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(2, "P01;12345;1980-05-01;K;PL;PRACA"), List.of());
        Path out = Files.createTempDirectory(tmp, "import-out");
        long snapshots = count("snapshot");
        long files = count("snapshot_file");
        long rejects = count("snapshot_reject");
        long persons = count("osoby");
        assertThatThrownBy(() -> importSet(in, "test:failed", out))
                .isInstanceOf(UserError.class);
        assertThat(count("snapshot")).isEqualTo(snapshots);
        assertThat(count("snapshot_file")).isEqualTo(files);
        assertThat(count("snapshot_reject")).isEqualTo(rejects);
        assertThat(count("osoby")).isEqualTo(persons);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void strictImportRefusesRejectedRowsEvenWhenTheFilesWereImportedBefore() throws IOException {
        Path in = prepare(resource("import/cases/03-pesel-sex"));
        rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(), List.of(uniquePerson()));
        long snapshots = count("snapshot");
        String message = "Dane muszą być w całości poprawne, a odrzucono wiersze; pierwszy: osoby.csv, wiersz 11, kolumna pesel: "
                + "PESEL niezgodny z płcią K (z numeru PESEL wynika M). Nic nie zostało zapisane.";
        assertThatThrownBy(() -> trustedLoader.load(in, "test:strict"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage(message);
        assertThat(count("snapshot")).isEqualTo(snapshots);
        // the same files imported leniently first: a strict import must not take that snapshot as valid
        importSet(in, "test:lenient", Files.createTempDirectory(tmp, "import-out"));
        assertThatThrownBy(() -> trustedLoader.load(in, "test:strict-again"))
                .isInstanceOf(UserError.class).hasMessageStartingWith("Dane muszą być w całości poprawne");
    }

    // ------------------------------------------------------------------ verification

    private void expectFileError(Path in, Path out, String source, String expected) throws IOException {
        long snapshots = count("snapshot");
        long files = count("snapshot_file");
        Throwable thrown = null;
        try {
            importSet(in, source, out);
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as("file-level error expected").isInstanceOf(UserError.class);
        UserError error = (UserError) thrown;
        assertThat(error.exitCode()).isEqualTo(2);
        if (expected.startsWith("fragment: ")) {
            assertThat(error.getMessage()).contains(expected.substring("fragment: ".length()));
        } else {
            assertThat(error.getMessage()).isEqualTo(expected);
        }
        assertThat(count("snapshot")).isEqualTo(snapshots);
        assertThat(count("snapshot_file")).isEqualTo(files);
        try (Stream<Path> left = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertThat(left).as("files left in the output folder").isEmpty();
        }
    }

    /** the rejects file: BOM, header, then exactly the expected records in order */
    private void verifyRejectsFile(ImportResult result, List<List<String>> expected) throws IOException {
        Path file = result.rejectsFile();
        assertThat(file.getFileName().toString()).isEqualTo("odrzucone-" + result.snapshot().id() + ".csv");
        assertThat(file).exists();
        assertThat(result.summaryFile()).exists();
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as("the rejects file holds case data: owner only").isEqualTo("rw-------");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> records = parse(text.substring(1));
        assertThat(records).isNotEmpty();
        assertThat(records.get(0)).isEqualTo(REJECT_HEADER);
        List<List<String>> actual = records.subList(1, records.size());
        assertThat(render(actual)).isEqualTo(render(expected));
        assertThat(result.rejectLines()).isEqualTo(expected.size());
    }

    /**
     * Every record of every file either loaded or rejected: the records counted here from the
     * input, minus the distinct rejected lines, are the rows in the snapshot's table.
     */
    private void verifyLoaded(Path in, ImportResult result, List<List<String>> expectedRejects,
            Map<String, List<String>> expectedWarnings) throws IOException {
        long id = result.snapshot().id();
        Map<String, Set<Long>> rejectedLines = new LinkedHashMap<>();
        for (List<String> reject : expectedRejects) {
            rejectedLines.computeIfAbsent(reject.get(0), f -> new HashSet<>()).add(Long.parseLong(reject.get(1)));
        }
        Map<String, ImportResult.FileOutcome> outcomes = result.files().stream()
                .collect(Collectors.toMap(o -> o.stats().file().fileName(), o -> o));
        for (String file : FILES) {
            Path path = in.resolve(file);
            long table = jdbc.queryForObject("SELECT count(*) FROM " + table(file) + " WHERE snapshot_id = ?", Long.class, id);
            if (!Files.exists(path)) {
                assertThat(table).as(file + " absent: rows").isZero();
                assertThat(outcomes).doesNotContainKey(file);
                continue;
            }
            long records = records(path);
            long rejected = rejectedLines.getOrDefault(file, Set.of()).size();
            long loaded = records - rejected;
            Map<String, Object> row = jdbc.queryForMap("SELECT rows_read, rows_loaded, rows_rejected, warnings "
                    + "FROM snapshot_file WHERE snapshot_id = ? AND file_name = ?", id, file);
            assertThat(List.of(((Number) row.get("rows_read")).longValue(), ((Number) row.get("rows_loaded")).longValue(),
                    ((Number) row.get("rows_rejected")).longValue(), table))
                    .as(file + ": read, loaded, rejected (snapshot_file) and rows in the table")
                    .containsExactly(records, loaded, rejected, loaded);
            ImportResult.FileOutcome outcome = outcomes.get(file);
            assertThat(outcome.stats().read()).isEqualTo(outcome.loaded() + outcome.rejected()).isEqualTo(records);
            String warnings = (String) row.get("warnings");
            assertThat(warnings == null ? List.of() : List.of(warnings.split("\n")))
                    .as(file + ": warnings").isEqualTo(expectedWarnings.getOrDefault(file, List.of()));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** imports a set of this class: its own data set, not compared with the newest snapshot */
    private ImportResult importSet(Path in, String source, Path out) {
        return importer.importDirectory(in, source, out, SnapshotImporter.Progress.NONE, false, null, UNRELATED_SET);
    }

    /** a copy of the base set with the case's files applied (null: the base set alone) */
    private Path prepare(Path caseDir) throws IOException {
        Path in = Files.createTempDirectory(tmp, "import-in");
        for (String file : BASE_FILES) {
            Files.copy(resource("import/base").resolve(file), in.resolve(file));
        }
        if (caseDir != null) {
            try (Stream<Path> files = Files.list(caseDir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".csv.delete")) {
                        String target = name.substring(0, name.length() - ".delete".length());
                        assertThat(FILES).contains(target);
                        Files.delete(in.resolve(target));
                    } else if (FILES.contains(name)) {
                        Files.copy(file, in.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } else if (!Set.of("README", "expected.csv", "expected-file-error.txt", "expected-warnings.txt",
                            "expected-db.sql", "expected-refusal.txt").contains(name)) {
                        fail("unexpected file in case " + caseDir.getFileName() + ": " + name);
                    }
                }
            }
        }
        return in;
    }

    /**
     * data records of a file: its non-blank lines except the header (no value of the contract spans lines); LF, CRLF
     * and a lone CR each end a line
     */
    static long records(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long nonBlank = 0;
        boolean blank = true;
        for (int i = 0; i <= bytes.length; i++) {
            boolean crlf = i < bytes.length && bytes[i] == '\n' && i > 0 && bytes[i - 1] == '\r';
            if (i == bytes.length || bytes[i] == '\r' || (bytes[i] == '\n' && !crlf)) {
                if (!blank) {
                    nonBlank++;
                }
                blank = true;
            } else if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\n') {
                blank = false;
            }
        }
        return Math.max(0, nonBlank - 1);
    }

    private List<List<String>> readExpected(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(records.get(0)).isEqualTo(REJECT_HEADER);
        String today = LocalDate.now(properties.timeZone()).toString();
        List<List<String>> expected = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            expected.add(record.stream().map(v -> v.replace("{today}", today)).toList());
        }
        return expected;
    }

    private static Map<String, List<String>> expectedWarnings(Path file) throws IOException {
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    int colon = line.indexOf(": ");
                    warnings.computeIfAbsent(line.substring(0, colon), f -> new ArrayList<>()).add(line.substring(colon + 2));
                }
            }
        }
        return warnings;
    }

    static List<List<String>> parse(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : SEMICOLON.parse(new StringReader(csv))) {
            rows.add(record.toList());
        }
        return rows;
    }

    private static String render(List<List<String>> rows) {
        return rows.stream().map(r -> String.join(" | ", r)).collect(Collectors.joining("\n"));
    }

    private static String table(String file) {
        return file.equals("plan.csv") ? "plan_finansowy" : file.substring(0, file.length() - 4);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** rewrites a file of the set: lines replaced (1-based, header = 1) and appended, in the given encoding */
    static void rewrite(Path dir, String file, Charset charset, Map<Integer, String> replaced, List<String> appended)
            throws IOException {
        Path path = dir.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        replaced.forEach((n, text) -> lines.set(n - 1, text));
        lines.addAll(appended);
        Files.write(path, (String.join("\n", lines) + "\n").getBytes(charset));
    }

    /** a person row no other test imports, so that a set containing it is a new snapshot */
    static String uniquePerson() {
        return "U" + System.nanoTime() + ";;1990-01-01;M;;";
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private String string(String sql, Object... args) {
        return jdbc.queryForObject(sql, String.class, args);
    }

    static Path resource(String path) {
        try {
            return Path.of(ImportCorpusTest.class.getClassLoader().getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
