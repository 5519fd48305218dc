package pl.mops.reports.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pl.mops.reports.database.Dictionaries;
import pl.mops.reports.database.DictionarySynchronizer;
import pl.mops.reports.importing.validation.ImportDictionaries;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.importing.validation.RowLoss;

/**
 * Contract version 2 (interchange.md, "Additions"): which exports are version 2 and why, the dictionaries of version 2
 * as {@link Dictionaries} exposes them, and the fingerprint rule — a version-1 export is fingerprinted with the
 * version-1 dictionaries serialised exactly as before version 2 existed (so it keeps its fingerprint, and a change
 * that only concerns version 2 does not make it a new snapshot), a version-2 export with every dictionary entry.
 */
class ContractVersionTest extends DatabaseTest {

    /**
     * each set imported here is its own data set, not a later export of the newest snapshot (which another test may
     * have imported): only the checks within the export apply (RowLoss); the comparison is tested in RowLossTest
     */
    static final RowLoss.Check UNRELATED_SET = RowLoss.Check.WITHIN_EXPORT;

    @Autowired
    SnapshotImporter importer;
    @Autowired
    Dictionaries dictionaries;
    @Autowired
    DictionarySynchronizer synchronizer;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ which version

    @Test
    void theBaseSetIsVersionOne() throws IOException {
        Path in = prepare(null);
        ImportResult result = importFrom(in, "test:v1");
        assertThat(result.contract()).isEqualTo(new ContractVersion(1, List.of()));
        assertThat(result.snapshot().contractVersion()).isEqualTo(1);
        assertThat(stored(result)).isEqualTo(1);
        assertThat(Files.readString(result.summaryFile(), StandardCharsets.UTF_8))
                .contains("\nWersja:  1 kontraktu wymiany danych\n");
    }

    @Test
    void theCechyColumnAloneMakesVersionTwoEvenWhenEmpty() throws IOException {
        Path in = prepare(null);
        List<String> lines = Files.readAllLines(in.resolve("swiadczenia.csv"), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append(line.startsWith("swiadczenie_id") ? ";cechy" : ";").append('\n');
        }
        Files.writeString(in.resolve("swiadczenia.csv"), text, StandardCharsets.UTF_8);
        ImportResult result = importFrom(in, "test:v2-column");
        assertThat(result.contract()).isEqualTo(new ContractVersion(2, List.of("kolumna cechy w swiadczenia.csv")));
        assertThat(stored(result)).isEqualTo(2);
        assertThat(result.totalRejected()).isZero();
    }

    @Test
    void aVersionTwoSubtypeInARealisationMakesVersionTwo() throws IOException {
        Path in = prepare(null);
        // line 10; lower case and a Polish letter are folded as for every code
        ImportCorpusTest.rewrite(in, "swiadczenia.csv", StandardCharsets.UTF_8, Map.of(),
                List.of("S09;D2;;zasiłek_stały;samotnie;;2025-03-05;1;719.00;DOTACJA"));
        ImportResult result = importFrom(in, "test:v2-subtype");
        assertThat(result.contract().number()).isEqualTo(2);
        assertThat(result.contract().reasons()).containsExactly("podtyp ZASILEK_STALY/SAMOTNIE (swiadczenia.csv, wiersz 10)");
        // S03 of the same decision has no sub-type (line 4): the version is decided by the files, whatever is loaded
        assertThat(result.totalRejected()).isEqualTo(1);
        assertThat(stored(result)).isEqualTo(2);
    }

    @Test
    void aVersionTwoCodeInARejectedRowOrInThePlanStillMakesVersionTwo() throws IOException {
        Path rejected = prepare(null);
        ImportCorpusTest.rewrite(rejected, "swiadczenia.csv", StandardCharsets.UTF_8, Map.of(),
                List.of("S09;D1;;POMOC_RZECZOWA;;;2025-02-30;1;150.00;"));
        ImportResult first = importFrom(rejected, "test:v2-rejected-row");
        assertThat(first.contract().reasons()).containsExactly("forma POMOC_RZECZOWA (swiadczenia.csv, wiersz 10)");
        assertThat(first.totalRejected()).isEqualTo(1);

        Path plan = prepare(null);
        ImportCorpusTest.rewrite(plan, "plan.csv", StandardCharsets.UTF_8, Map.of(), List.of("2025;Produkty_Żywnościowe;800"));
        ImportResult second = importFrom(plan, "test:v2-plan");
        assertThat(second.contract().reasons()).containsExactly("forma PRODUKTY_ZYWNOSCIOWE (plan.csv, wiersz 5)");
        assertThat(second.totalRejected()).isZero();
        assertThat(stored(second)).isEqualTo(2);
    }

    @Test
    void theSummaryListsTheNewFilesAndTheVersion() throws IOException {
        Path in = prepare(ImportCorpusTest.resource("import/cases/86-version-2-clean"));
        ImportResult result = importFrom(in, "test:v2-summary");
        String summary = Files.readString(result.summaryFile(), StandardCharsets.UTF_8);
        assertThat(summary).contains("\nWersja:  2 kontraktu wymiany danych (plik kontrakty.csv, plik wsparcie.csv, "
                + "kolumna cechy w swiadczenia.csv)\n");
        // read, loaded, rejected per file, counted by hand from the case's files
        assertThat(summary).containsPattern("swiadczenia\\.csv\\s+UTF-8\\s+;\\s+13\\s+13\\s+0");
        assertThat(summary).containsPattern("kontrakty\\.csv\\s+UTF-8\\s+;\\s+3\\s+3\\s+0");
        assertThat(summary).containsPattern("wsparcie\\.csv\\s+UTF-8\\s+;\\s+4\\s+4\\s+0");
        // the table lists them after the version-1 files, in the contract's order
        assertThat(summary.lines().filter(l -> l.matches("^\\S+\\.csv .*")).map(l -> l.substring(0, l.indexOf(' '))).toList())
                .containsExactly("osoby.csv", "rodziny.csv", "czlonkowie.csv", "decyzje.csv", "swiadczenia.csv",
                        "praca_socjalna.csv", "plan.csv", "kontrakty.csv", "wsparcie.csv");
    }

    // ------------------------------------------------------------------ the dictionaries of version 2

    @Test
    void dictionariesExposeTheCashFlagPerFormAndSubtypeAndTheMarkers() {
        Map<String, Dictionaries.Subtype> subtypes = new LinkedHashMap<>();
        dictionaries.subtypes().forEach(s -> subtypes.put(s.form() + "/" + s.code(), s));
        assertThat(subtypes.get("ZASILEK_CELOWY/BILET_KREDYTOWANY"))
                .isEqualTo(new Dictionaries.Subtype("ZASILEK_CELOWY", "BILET_KREDYTOWANY", "w formie biletu kredytowanego",
                        false, false, 1));
        assertThat(subtypes.get("ZASILEK_CELOWY/ZDARZENIE_LOSOWE").cashOverride()).isNull();
        assertThat(subtypes.get("ZASILEK_CELOWY/ZDARZENIE_LOSOWE").cash()).isTrue();
        assertThat(subtypes.get("EKONOMICZNE_USAMODZIELNIENIE/W_NATURZE").cash()).isFalse();
        assertThat(subtypes.get("EKONOMICZNE_USAMODZIELNIENIE/POZYCZKA").cash()).isTrue();
        for (String kind : List.of("SCHRONIENIE", "POSILEK", "UBRANIE")) {
            Dictionaries.Subtype subtype = subtypes.get("POMOC_CUDZOZIEMCOM/" + kind);
            assertThat(subtype.cash()).as(kind).isFalse();
            assertThat(subtype.contractVersion()).as(kind).isEqualTo(2);
        }
        assertThat(subtypes.get("POMOC_CUDZOZIEMCOM/ZASILEK_CELOWY").cash()).isTrue();
        assertThat(subtypes.get("ZASILEK_STALY/SAMOTNIE").contractVersion()).isEqualTo(2);
        assertThat(subtypes.get("ZASILEK_STALY/W_RODZINIE").cash()).isTrue();
        assertThat(dictionaries.forms().stream().filter(f -> f.contractVersion() == 2).map(f -> f.code() + ":" + f.task()
                + ":" + f.cash()).toList()).containsExactly("POMOC_RZECZOWA:WLASNE:false",
                "PRODUKTY_ZYWNOSCIOWE:WLASNE:false", "SKLADKA_EMERYTALNA_RENTOWA:WLASNE:false");
        assertThat(dictionaries.markers().stream().map(Dictionaries.Entry::code).toList())
                .containsExactly("DORAZNIE", "KRYZYS_MASOWY", "NIEZALEZNIE_OD_DOCHODU", "PROGRAM_POSILEK");
    }

    // ------------------------------------------------------------------ the fingerprint

    /** the record the dictionaries were serialised with before contract version 2 (its toString was the text) */
    record ImportDictionaries1(Set<String> reasons, Map<String, Form> forms, Map<String, Set<String>> subtypes,
            Map<String, String> districtByCodeOrNumber, Map<String, String> branchOfDistrict, Set<String> branches) {
    }

    /** the form record of before contract version 2 */
    record Form(String code, String name, String task, boolean cash) {
    }

    @Test
    void theVersionOneTextIsTheOldRecordOverTheVersionOneCodes() {
        ImportDictionaries dict = ImportDictionaries.load(dictionaries);
        Map<String, Form> forms = new LinkedHashMap<>();
        dictionaries.forms().stream().filter(f -> f.contractVersion() == 1)
                .forEach(f -> forms.put(f.code(), new Form(f.code(), f.name(), f.task(), f.cash())));
        Map<String, Set<String>> subtypes = new LinkedHashMap<>();
        dictionaries.subtypes().stream().filter(s -> s.contractVersion() == 1)
                .forEach(s -> subtypes.computeIfAbsent(s.form(), k -> new LinkedHashSet<>()).add(s.code()));
        String old = new ImportDictionaries1(dict.reasons(), forms, subtypes, dict.districtByCodeOrNumber(),
                dict.branchOfDistrict(), dict.branches()).toString().replaceFirst("^ImportDictionaries1", "ImportDictionaries");
        assertThat(dict.fingerprintText(1)).isEqualTo(old);
        assertThat(old).doesNotContain("POMOC_RZECZOWA", "SAMOTNIE", "DORAZNIE").contains("POMOC_CUDZOZIEMCOM");
        assertThat(dict.fingerprintText(2)).contains("POMOC_RZECZOWA", "SAMOTNIE", "DORAZNIE", "BILET_KREDYTOWANY[pieniezna=0");
    }

    @Test
    void aChangeOfAVersionTwoEntryKeepsVersionOneFingerprintsAndChangesVersionTwoOnes() throws IOException {
        Path v1 = prepare(null);
        Path v2 = prepare(ImportCorpusTest.resource("import/cases/86-version-2-clean"));
        ImportResult v1First = importFrom(v1, "test:fp-v1");
        ImportResult v2First = importFrom(v2, "test:fp-v2");
        // the same files twice: no new snapshot, for both versions
        assertThat(importFrom(copy(v1), "test:fp-v1-again").reused()).isTrue();
        ImportResult v2Again = importFrom(copy(v2), "test:fp-v2-again");
        assertThat(v2Again.reused()).isTrue();
        assertThat(v2Again.snapshot().id()).isEqualTo(v2First.snapshot().id());
        try {
            // only version 2 is concerned: a marker's name, a sub-type's cash flag, a version-2 form's name
            jdbc.update("UPDATE dict_marker SET name = 'doraźnie (zmienione)' WHERE code = 'DORAZNIE'");
            jdbc.update("UPDATE dict_subtype SET cash = NULL WHERE form = 'ZASILEK_CELOWY' AND code = 'BILET_KREDYTOWANY'");
            jdbc.update("UPDATE dict_form SET name = 'Pomoc w naturze' WHERE code = 'POMOC_RZECZOWA'");
            ImportResult v1After = importFrom(copy(v1), "test:fp-v1-after-v2-change");
            assertThat(v1After.reused()).isTrue();
            assertThat(v1After.snapshot().id()).isEqualTo(v1First.snapshot().id());
            ImportResult v2After = importFrom(copy(v2), "test:fp-v2-after-v2-change");
            assertThat(v2After.reused()).isFalse();
            assertThat(v2After.snapshot().fingerprint()).isNotEqualTo(v2First.snapshot().fingerprint());

            // a version-1 entry could change a version-1 export's rows: its fingerprint changes
            jdbc.update("UPDATE dict_form SET task = 'ZLECONE' WHERE code = 'UBRANIE'");
            ImportResult v1AfterV1Change = importFrom(copy(v1), "test:fp-v1-after-v1-change");
            assertThat(v1AfterV1Change.reused()).isFalse();
            assertThat(v1AfterV1Change.snapshot().contractVersion()).isEqualTo(1);
        } finally {
            synchronizer.synchronize();
        }
        assertThat(importFrom(copy(v1), "test:fp-v1-restored").snapshot().id()).isEqualTo(v1First.snapshot().id());
    }

    // ------------------------------------------------------------------ helpers

    private ImportResult importFrom(Path in, String source) throws IOException {
        return importer.importDirectory(in, source, Files.createTempDirectory(tmp, "import-out"), SnapshotImporter.Progress.NONE,
                false, null, UNRELATED_SET);
    }

    private int stored(ImportResult result) {
        return jdbc.queryForObject("SELECT contract_version FROM snapshot WHERE id = ?", Integer.class, result.snapshot().id());
    }

    /** the base set with a person no other test imports, and the case's files (null: none) */
    private Path prepare(Path caseDir) throws IOException {
        Path in = Files.createTempDirectory(tmp, "import-in");
        for (String file : ImportCorpusTest.BASE_FILES) {
            Files.copy(ImportCorpusTest.resource("import/base").resolve(file), in.resolve(file));
        }
        if (caseDir != null) {
            try (Stream<Path> files = Files.list(caseDir)) {
                for (Path file : files.filter(f -> ImportCorpusTest.FILES.contains(f.getFileName().toString())).toList()) {
                    Files.copy(file, in.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        ImportCorpusTest.rewrite(in, "osoby.csv", StandardCharsets.UTF_8, Map.of(), List.of(ImportCorpusTest.uniquePerson()));
        return in;
    }

    private Path copy(Path in) throws IOException {
        Path copy = Files.createTempDirectory(tmp, "import-copy");
        try (Stream<Path> files = Files.list(in)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
