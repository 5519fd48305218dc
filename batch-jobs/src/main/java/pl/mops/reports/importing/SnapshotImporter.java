package pl.mops.reports.importing;

import pl.mops.reports.system.ExitCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.database.Dictionaries;
import pl.mops.reports.database.NamedQueries;
import pl.mops.reports.importing.csv.FileScan;
import pl.mops.reports.importing.csv.ImportFileError;
import pl.mops.reports.importing.csv.InputFile;
import pl.mops.reports.importing.staging.CopyStream;
import pl.mops.reports.importing.staging.RejectSpool;
import pl.mops.reports.importing.validation.BenefitRows;
import pl.mops.reports.importing.validation.ContractRows;
import pl.mops.reports.importing.validation.DecisionRows;
import pl.mops.reports.importing.validation.FamilyRows;
import pl.mops.reports.importing.validation.ImportDictionaries;
import pl.mops.reports.importing.validation.MembershipRows;
import pl.mops.reports.importing.validation.Pesel;
import pl.mops.reports.importing.validation.PersonRows;
import pl.mops.reports.importing.validation.PlanRows;
import pl.mops.reports.importing.validation.RowLoss;
import pl.mops.reports.importing.validation.RowRules;
import pl.mops.reports.importing.validation.SocialWorkRows;
import pl.mops.reports.importing.validation.SupportRows;

/**
 * Imports a directory of interchange CSV files as a new snapshot (../shared/spec/interchange.md):
 * <ol>
 * <li>a pass over every file's bytes: SHA-256 and encoding; binary or undecodable files stop the
 * import before anything is written, and byte-identical files return the existing snapshot;</li>
 * <li>in one transaction: every file streamed through the row rules into a temporary staging
 * table with {@code COPY} (constant memory), the set-based checks of
 * {@code sql/queries/import-checks.sql}, the valid rows moved into the snapshot's tables
 * ({@code sql/queries/import-load.sql}), the counts checked ({@code read = loaded + rejected})
 * and stored, the rejects kept in {@code snapshot_reject};</li>
 * <li>the summary and the rejects file written under temporary names before the commit and
 * renamed after it, so a failed import leaves neither a partial snapshot nor files.</li>
 * </ol>
 */
@Component
public class SnapshotImporter {

    private static final Logger log = LoggerFactory.getLogger(SnapshotImporter.class);

    public interface Progress {
        void fileRead(FileStats stats);

        Progress NONE = stats -> { };
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SnapshotRepository snapshots;
    private final Dictionaries dictionaries;
    private final NamedQueries queries;
    private final MopsProperties properties;
    private final ImportReportWriter reports;

    public SnapshotImporter(JdbcTemplate jdbc, TransactionTemplate transaction, SnapshotRepository snapshots,
            Dictionaries dictionaries, NamedQueries queries, MopsProperties properties, ImportReportWriter reports) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.snapshots = snapshots;
        this.dictionaries = dictionaries;
        this.queries = queries;
        this.properties = properties;
        this.reports = reports;
    }

    public Path defaultOutputDir() {
        return properties.outputRoot().resolve("import");
    }

    public ImportResult importDirectory(Path dir, String source, Path outDir, Progress progress) {
        return importDirectory(dir, source, outDir, progress, false);
    }

    /**
     * @param strict when true, any rejected row fails the import (rolled back, nothing written):
     *               for files that must be wholly valid, such as the generator's
     */
    public ImportResult importDirectory(Path dir, String source, Path outDir, Progress progress, boolean strict) {
        return importDirectory(dir, source, outDir, progress, strict, null);
    }

    /**
     * @param asOf the day the export was taken ("stan na", {@code --stan-na}): the snapshot covers data up to that
     *             day, and no date in the files may be later; {@code null} = the day of the import
     */
    public ImportResult importDirectory(Path dir, String source, Path outDir, Progress progress, boolean strict,
                                        LocalDate asOf) {
        return importDirectory(dir, source, outDir, progress, strict, asOf, RowLoss.Check.CHECKED);
    }

    /**
     * @param rowLoss whether an export that looks incomplete (a required file without data rows, a file whose every
     *                row was rejected, a file that lost more than half of the previous snapshot's rows) is refused
     *                ({@link RowLoss}); {@link RowLoss.Check#CONFIRMED} = {@code --potwierdz-ubytek}. A strict import is
     *                never refused for it (its files must be wholly valid anyway).
     */
    public ImportResult importDirectory(Path dir, String source, Path outDir, Progress progress, boolean strict,
                                        LocalDate asOf, RowLoss.Check rowLoss) {
        LocalDate today = checkRequest(dir, asOf);
        LocalDate stateOn = asOf == null ? today : asOf;
        Map<ContractFile, FileScan> scans = new LinkedHashMap<>(); // in the contract's order (the fingerprint's)
        for (ContractFile file : ContractFile.all()) {
            Path path = dir.resolve(file.fileName());
            if (InputFile.present(path, file.fileName())) { // a folder or a broken link there: a file-level error
                scans.put(file, FileScan.of(path, file.fileName()));
            } else if (file.required()) {
                throw new ImportFileError(file.fileName(), "brak pliku w katalogu " + dir
                        + " (plik jest wymagany przez kontrakt wymiany danych)");
            }
        }
        ImportDictionaries dict = ImportDictionaries.load(dictionaries);
        ContractVersion contract = ContractVersion.detect(dir, scans, dict);
        String fingerprint = fingerprint(scans, dict, contract.number());
        Optional<Snapshot> existing = snapshots.findByFingerprint(fingerprint);
        if (existing.isPresent()) {
            if (strict) {
                refuseRejected(existing.get());
            }
            log.info("Pliki z {} są identyczne z migawką {} — nie tworzę nowej", dir, existing.get().id());
            return new ImportResult(existing.get(), true, List.of(), 0, null, null, contract);
        }
        List<Path> pending = new ArrayList<>();
        try {
            ImportResult result = transaction.execute(status -> importInTransaction(dir, source, outDir, scans,
                    fingerprint, contract, dict, today, stateOn, progress, pending, strict, rowLoss));
            for (Path temp : pending) {
                Files.move(temp, finalName(temp), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Path temp : pending) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary file has a name users do not pick up
                }
            }
        }
    }

    /**
     * The checks of an import's request made before anything is read: "stan na" not in the future, the folder exists
     * (the {@code import} command makes them before it starts its job, so a typo is not a failed run).
     *
     * @return today in {@code mops.time-zone}
     */
    public LocalDate checkRequest(Path dir, LocalDate asOf) {
        LocalDate today = LocalDate.now(properties.timeZone());
        if (asOf != null && asOf.isAfter(today)) {
            throw new pl.mops.reports.system.UserError("Stan danych --stan-na " + asOf + " jest z przyszłości (dziś jest "
                    + today + "). Nic nie zostało zapisane.", ExitCode.INVALID_INPUT, null);
        }
        if (!Files.isDirectory(dir)) {
            throw new pl.mops.reports.system.UserError("Katalog " + dir + " nie istnieje albo nie jest katalogiem "
                    + "(--dir: katalog z plikami CSV migawki). Nic nie zostało zapisane.", ExitCode.INVALID_INPUT, null);
        }
        return today;
    }

    /** a strict import may reuse only a snapshot that has no rejected rows (it may have been imported leniently) */
    private void refuseRejected(Snapshot snapshot) {
        String first = jdbc.query("SELECT file_name || ', wiersz ' || line || ', kolumna ' || col || ': ' || message "
                + "FROM snapshot_reject WHERE snapshot_id = ? ORDER BY seq LIMIT 1",
                rs -> rs.next() ? rs.getString(1) : null, snapshot.id());
        if (first != null) {
            throw new pl.mops.reports.system.UserError("Dane muszą być w całości poprawne, a migawka nr " + snapshot.id()
                    + " z identycznych plików ma odrzucone wiersze; pierwszy: " + Pesel.masked(first)
                    + ". Nic nie zostało zapisane.", ExitCode.INVALID_INPUT, null);
        }
    }

    static Path finalName(Path temp) {
        String name = temp.getFileName().toString();
        return temp.resolveSibling(name.substring(0, name.length() - ".tmp".length()));
    }

    private ImportResult importInTransaction(Path dir, String source, Path outDir, Map<ContractFile, FileScan> scans,
            String fingerprint, ContractVersion contract, ImportDictionaries dict, LocalDate today, LocalDate asOf,
            Progress progress, List<Path> pending, boolean strict, RowLoss.Check rowLoss) {
        long snapshotId = jdbc.queryForObject(
                "INSERT INTO snapshot (source, fingerprint, data_as_of, contract_version) VALUES (?, ?, ?, ?) RETURNING id",
                Long.class, source, fingerprint, asOf, contract.number());
        // the checks' hash aggregates and joins over a million ids, and the index builds of the snapshot's
        // partitions, spill to disk with the server's defaults (32 MB / 128 MB) at 150 000 families; for this
        // transaction only
        jdbc.execute("SET LOCAL work_mem = '128MB'");
        jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
        List<RowRules> rules = List.of(new PersonRows(), new FamilyRows(dict), new MembershipRows(),
                new DecisionRows(dict), new BenefitRows(dict), new SocialWorkRows(), new PlanRows(dict),
                new ContractRows(), new SupportRows());
        jdbc.execute("CREATE TEMP TABLE import_reject (seq bigserial, file text NOT NULL, line bigint NOT NULL, "
                + "col text NOT NULL, value text NOT NULL, message text NOT NULL) ON COMMIT DROP");
        Map<ContractFile, FileStats> stats = new LinkedHashMap<>();
        for (RowRules rule : rules) {
            createStaging(rule);
            FileScan scan = scans.get(rule.file());
            if (scan != null) {
                long started = System.nanoTime();
                FileStats fileStats = stage(dir.resolve(rule.file().fileName()), scan, rule, today, asOf);
                log.info("import: {} — odczyt i COPY {} ms", rule.file().fileName(), (System.nanoTime() - started) / 1_000_000);
                stats.put(rule.file(), fileStats);
                progress.fileRead(fileStats);
            }
            jdbc.execute("ANALYZE " + rule.file().stagingTable());
        }
        // the per-person and per-family interval checks (stages 3 and 4) look rows up by these;
        // the other checks are hash joins and aggregates that need no index
        jdbc.execute("CREATE INDEX ON stg_czlonkowie (osoba_id)");
        jdbc.execute("CREATE INDEX ON stg_czlonkowie (rodzina_id)");
        long started = System.nanoTime();
        runChecks(rules, stats);
        log.info("import: kontrole SQL {} ms", (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        SnapshotPartitions partitions = new SnapshotPartitions(jdbc, snapshotId);
        String moved = move(snapshotId, partitions);
        // the span the snapshot covers starts with the month of its first realisation (Coverage)
        jdbc.update("UPDATE snapshot SET data_from = (SELECT date_trunc('month', min(data))::date FROM "
                + partitions.partition("swiadczenia") + ") WHERE id = ?", snapshotId);
        log.info("import: przeniesienie do tabel migawki {} ms ({})", (System.nanoTime() - started) / 1_000_000, moved);
        List<ImportResult.FileOutcome> outcomes = new ArrayList<>();
        Map<String, Long> rejectedLines = jdbc.query("SELECT file, count(DISTINCT line) FROM import_reject GROUP BY file",
                rs -> {
                    Map<String, Long> m = new LinkedHashMap<>();
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getLong(2));
                    }
                    return m;
                });
        for (FileStats fileStats : stats.values()) {
            long rejected = rejectedLines.getOrDefault(fileStats.file().fileName(), 0L);
            long loaded = loadedRows(fileStats.file(), partitions);
            if (fileStats.read() != loaded + rejected) {
                throw new IllegalStateException(fileStats.file().fileName() + ": read " + fileStats.read() + " != loaded "
                        + loaded + " + rejected " + rejected);
            }
            jdbc.update("INSERT INTO snapshot_file (snapshot_id, file_name, rows_read, rows_loaded, rows_rejected, sha256, "
                            + "encoding, separator, blank_lines, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    snapshotId, fileStats.file().fileName(), fileStats.read(), loaded, rejected, fileStats.sha256(),
                    fileStats.encoding(), String.valueOf(fileStats.separator()), fileStats.blankLines(),
                    fileStats.warnings().isEmpty() ? null : String.join("\n", fileStats.warnings()));
            outcomes.add(new ImportResult.FileOutcome(fileStats, loaded, rejected));
        }
        if (strict && outcomes.stream().anyMatch(o -> o.rejected() > 0)) {
            String first = jdbc.queryForObject("SELECT file || ', wiersz ' || line || ', kolumna ' || col || ': ' || message "
                    + "FROM import_reject ORDER BY array_position(?::text[], file), line, seq LIMIT 1", String.class,
                    (Object) ContractFile.fileNamesInOrder());
            throw new pl.mops.reports.system.UserError("Dane muszą być w całości poprawne, a odrzucono wiersze; pierwszy: "
                    + Pesel.masked(first) + ". Nic nie zostało zapisane.", ExitCode.INVALID_INPUT, null);
        }
        if (!strict && rowLoss != RowLoss.Check.CONFIRMED) {
            refuseRowLoss(snapshotId, outcomes, rowLoss);
        }
        long rejectLines = jdbc.update("""
                INSERT INTO snapshot_reject (snapshot_id, seq, file_name, line, col, value, message)
                SELECT ?, row_number() OVER (ORDER BY array_position(?::text[], file), line, seq), file, line, col, value, message
                  FROM import_reject""", snapshotId, ContractFile.fileNamesInOrder());
        // after the refusals above (a refused import builds no index)
        started = System.nanoTime();
        String perTable = partitions.attach();
        log.info("import: indeksy, ANALYZE i dołączenie partycji migawki {} ms ({})", (System.nanoTime() - started) / 1_000_000,
                perTable);
        Snapshot snapshot = snapshots.find(snapshotId).orElseThrow();
        ImportResult draft = new ImportResult(snapshot, false, outcomes, rejectLines,
                outDir.resolve("import-" + snapshotId + ".txt"), outDir.resolve("odrzucone-" + snapshotId + ".csv"), contract);
        String summary = ImportReportWriter.summary(draft);
        jdbc.update("UPDATE snapshot SET summary = ? WHERE id = ?", summary, snapshotId);
        pending.add(reports.writeSummary(draft.summaryFile(), summary));
        pending.add(reports.writeRejects(draft.rejectsFile(), snapshotId));
        log.info("Migawka {} zaimportowana z {}: wczytano {}, odrzucono {} wierszy", snapshotId, source,
                draft.totalLoaded(), draft.totalRejected());
        return draft;
    }

    private static final Pattern INSERT_INTO = Pattern.compile(
            "^INSERT INTO (\\w+)\\{part}\\s*\\(([^)]*)\\)\\s*(SELECT\\b.*)$", Pattern.MULTILINE | Pattern.DOTALL);

    /**
     * Runs {@code import-load.sql} one statement at a time (each an {@code INSERT INTO <table>{part} (columns) SELECT
     * …}): the snapshot's table of each is made from its query ({@link SnapshotPartitions#createFilled}).
     *
     * @return the time each table took, for the log
     */
    private String move(long snapshotId, SnapshotPartitions partitions) {
        StringBuilder times = new StringBuilder();
        for (String statement : queries.get("import-load").split(";\\s*\\n")) {
            if (statement.isBlank()) {
                continue; // after the last statement
            }
            Matcher target = INSERT_INTO.matcher(statement.strip());
            if (!target.find()) {
                throw new IllegalStateException("import-load.sql: not an INSERT INTO <table>{part} (columns) SELECT …: "
                        + statement);
            }
            long started = System.nanoTime();
            List<String> columns = java.util.Arrays.stream(target.group(2).split(",")).map(String::strip).toList();
            partitions.createFilled(target.group(1), columns,
                    target.group(3).replace("{snapshot}", Long.toString(snapshotId)));
            times.append(times.isEmpty() ? "" : ", ").append(target.group(1)).append(' ')
                    .append((System.nanoTime() - started) / 1_000_000).append(" ms");
        }
        return times.toString();
    }

    /** refuses an export that looks incomplete ({@link RowLoss}): the transaction is rolled back */
    private void refuseRowLoss(long snapshotId, List<ImportResult.FileOutcome> outcomes, RowLoss.Check rowLoss) {
        Map<String, String> firstRejects = jdbc.query("SELECT DISTINCT ON (file) file, line, col, message FROM import_reject "
                + "ORDER BY file, line, seq", rs -> {
                    Map<String, String> m = new java.util.HashMap<>();
                    while (rs.next()) {
                        m.put(rs.getString(1), Pesel.masked("wiersz " + rs.getLong(2) + (rs.getString(3).isEmpty() ? ""
                                : ", kolumna " + rs.getString(3)) + ": " + rs.getString(4)));
                    }
                    return m;
                });
        List<RowLoss.FileCount> files = outcomes.stream().map(o -> new RowLoss.FileCount(o.stats().file().fileName(),
                o.stats().file().required(), o.stats().read(), o.loaded(), firstRejects.get(o.stats().file().fileName())))
                .toList();
        RowLoss.Previous previous = null;
        if (rowLoss == RowLoss.Check.CHECKED) {
            Long previousId = jdbc.queryForObject("SELECT max(id) FROM snapshot WHERE id < ?", Long.class, snapshotId);
            if (previousId != null) {
                Map<String, Long> loaded = new LinkedHashMap<>();
                jdbc.query("SELECT file_name, rows_loaded FROM snapshot_file WHERE snapshot_id = ? AND rows_loaded > 0 "
                        + "ORDER BY array_position(?::text[], file_name)",
                        rs -> {
                            loaded.put(rs.getString(1), rs.getLong(2));
                        }, previousId, ContractFile.fileNamesInOrder());
                previous = new RowLoss.Previous(previousId, loaded);
            }
        }
        String refusal = RowLoss.refusal(files, previous);
        if (refusal != null) {
            throw new pl.mops.reports.system.UserError(refusal, ExitCode.INVALID_INPUT, null);
        }
    }

    private void createStaging(RowRules rule) {
        jdbc.execute("CREATE TEMP TABLE " + rule.file().stagingTable() + " (line bigint NOT NULL, ok boolean NOT NULL, "
                + rule.stagingColumns().stream().map(c -> "\"" + c.name() + "\" " + c.sqlType())
                        .collect(Collectors.joining(", ")) + ") ON COMMIT DROP");
    }

    private FileStats stage(Path path, FileScan scan, RowRules rule, LocalDate today, LocalDate asOf) {
        List<String> columns = new ArrayList<>(List.of("line", "ok"));
        rule.stagingColumns().forEach(c -> columns.add(c.name()));
        return jdbc.execute((ConnectionCallback<FileStats>) connection -> {
            try (RejectSpool rejects = new RejectSpool()) {
                FileStats result;
                try (CopyStream copy = new CopyStream(connection, rule.file().stagingTable(), columns)) {
                    result = new StagingFileReader(rule, today, asOf).read(path, scan, copy, rejects);
                    copy.finish();
                }
                rejects.copyInto(connection);
                return result;
            } catch (IOException e) {
                throw new ImportFileError(rule.file().fileName(), "błąd odczytu pliku (" + e.getMessage() + ")");
            }
        });
    }

    /** "-- unless ascending: osoby.csv": the statement after it is needed only when that file's ids were not ascending */
    private static final Pattern UNLESS_ASCENDING =
            Pattern.compile("(?m)^-- unless ascending: (\\S+)$");

    private void runChecks(List<RowRules> rules, Map<ContractFile, FileStats> stats) {
        List<String> ascending = stats.values().stream().filter(FileStats::idsAscending).map(s -> s.file().fileName())
                .toList();
        String[] stages = queries.get("import-checks").split("(?m)^-- stage");
        for (int i = 1; i < stages.length; i++) {
            long started = System.nanoTime();
            long before = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM import_reject", Long.class);
            List<String> skipped = new ArrayList<>();
            jdbc.execute(withoutNeedlessStatements(stages[i].substring(stages[i].indexOf('\n') + 1), ascending, skipped));
            // mark the rows this stage rejected (only files that got new rejects: no needless scans)
            List<String> touched = jdbc.queryForList("SELECT DISTINCT file FROM import_reject WHERE seq > ?", String.class, before);
            for (RowRules rule : rules) {
                if (touched.contains(rule.file().fileName())) {
                    jdbc.update("UPDATE " + rule.file().stagingTable() + " s SET ok = false FROM (SELECT DISTINCT line FROM "
                            + "import_reject WHERE file = ? AND seq > ?) r WHERE s.ok AND s.line = r.line",
                            rule.file().fileName(), before);
                }
            }
            log.info("import: kontrola{} {} ms{}", stages[i].substring(0, stages[i].indexOf('\n')),
                    (System.nanoTime() - started) / 1_000_000, skipped.isEmpty() ? ""
                            : " (bez szukania powtórzeń w plikach o rosnących identyfikatorach: " + String.join(", ", skipped) + ")");
        }
    }

    /**
     * The stage's SQL without the statements marked {@code -- unless ascending: <file>} whose file had strictly
     * ascending ids ({@link AscendingIds}); the files whose statement was left out are added to {@code skipped}.
     */
    static String withoutNeedlessStatements(String stage, List<String> ascendingFiles, List<String> skipped) {
        Matcher marker = UNLESS_ASCENDING.matcher(stage);
        if (!marker.find()) {
            return stage;
        }
        StringBuilder kept = new StringBuilder(stage.substring(0, marker.start()));
        boolean more = true;
        while (more) {
            String file = marker.group(1);
            int from = marker.start();
            more = marker.find();
            String statement = stage.substring(from, more ? marker.start() : stage.length());
            if (ascendingFiles.contains(file)) {
                skipped.add(file);
            } else {
                kept.append(statement);
            }
        }
        return kept.toString();
    }

    private long loadedRows(ContractFile file, SnapshotPartitions partitions) {
        String table = file == InterchangeFile.PLAN ? "plan_finansowy" : file.baseName();
        return jdbc.queryForObject("SELECT count(*) FROM " + partitions.partition(table), Long.class);
    }

    /**
     * SHA-256 over "file name, its SHA-256" lines in the contract's file order (files present only), and over the
     * dictionaries the rows were checked against: the same files after a dictionary change (a code added to
     * config/slowniki) are a new snapshot, since other rows may pass. The dictionaries enter as the export's contract
     * version sees them ({@link ImportDictionaries#fingerprintText}): a version-1 export (no version-2 file, column or
     * code) is fingerprinted with the version-1 dictionaries serialised exactly as before contract version 2 existed,
     * so it keeps its fingerprint, and a change that only concerns version 2 (a version-2 code, a marker, a
     * sub-type's cash flag) cannot change its rows and does not make it a new snapshot; a version-2 export's
     * fingerprint covers every dictionary entry.
     */
    static String fingerprint(Map<ContractFile, FileScan> scans, ImportDictionaries dictionaries, int contractVersion) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            scans.forEach((file, scan) -> digest.update((file.fileName() + " " + scan.sha256() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            digest.update(("slowniki " + dictionaries.fingerprintText(contractVersion))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
