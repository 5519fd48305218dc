package pl.mops.reports.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.rendering.ReportFileWriter;
import pl.mops.reports.rendering.WrittenFile;
import pl.mops.reports.system.BackgroundTask;

/**
 * Writes the auditors' package {@code <base>-paczka.zip} of a run (../shared/spec/reports.md, "Auditors'
 * package"): the run's files, {@code import-<snapshot>.txt} (the snapshot's stored import summary),
 * {@code pochodzenie.csv} (cell lineage with pseudonyms), further entries of the run (the OZPS resources file; for the
 * publication profile the audit of the disclosure control, {@code ochrona-tajemnicy.txt}) and {@code manifest.json} (each file with size and
 * SHA-256, the job, its parameters, the snapshot, the layout version, the program version, the run's times and
 * who launched it). Deterministic except for the manifest's times: fixed entry time, {@code pochodzenie.csv} first
 * (streamed from the database into the zip, its hash computed on the way, while the run's files are written), then
 * the files by name and the manifest last. Written under a temporary name and renamed when complete. Must run inside
 * the step's transaction (the lineage is a temporary table).
 */
@Component
public class AuditPackageWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditPackageWriter.class);

    public static final String SUFFIX = "-paczka.zip";
    public static final String MANIFEST = "manifest.json";
    public static final String LINEAGE = "pochodzenie.csv";
    public static final String FORMAT = "mops-paczka-audytora/1";
    /**
     * the fastest compression: the lineage file is most of every package, and the writing thread compresses it while
     * PostgreSQL sends it (issue 17, x10: 176 MB in 1.2 s instead of 2.0 s at level 6, the package 7 % larger)
     */
    static final int COMPRESSION_LEVEL = Deflater.BEST_SPEED;
    /** the time of every entry; DOS local time, so the bytes do not depend on the time zone */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    /**
     * job parameters that are absolute paths of the installation (the output folder, the resources file): the
     * manifest gives only their last name — the rest says nothing about the data and may name a user's home folder
     */
    static final Set<String> PATHS = Set.of("outputDir", "resourcesFile");

    /**
     * @param layoutVersion  the form's layout version, or null when the job has none
     * @param fillLineage    inserts the run's lineage rows into {@link LineageTable#TABLE}
     * @param inputs         further inputs of the run by entry name, exactly as the run read them (e.g. the OZPS
     *                       resources file)
     */
    public record Request(StepExecution step, Snapshot snapshot, String layoutVersion, Path directory, String baseName,
                          List<WrittenFile> files, Runnable fillLineage, Map<String, byte[]> inputs) {

        public Request(StepExecution step, Snapshot snapshot, String layoutVersion, Path directory, String baseName,
                       List<WrittenFile> files, Runnable fillLineage) {
            this(step, snapshot, layoutVersion, directory, baseName, files, fillLineage, Map.of());
        }
    }

    private record Entry(String name, Path source, byte[] content, long size, String sha256) {
    }

    private final LineageTable lineage;
    private final JdbcTemplate jdbc;
    private final MopsProperties properties;

    public AuditPackageWriter(LineageTable lineage, JdbcTemplate jdbc, MopsProperties properties) {
        this.lineage = lineage;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** the package of files already written ({@link Request#files}) */
    public WrittenFile write(Request request) throws IOException {
        List<WrittenFile> written = write(request, List::of);
        return written.get(written.size() - 1);
    }

    /**
     * Writes the run's files and its package at the same time: {@code runFiles} renders and writes the files in a
     * thread of its own (so it must not use the database), while this thread fills the lineage and streams it into
     * the package; the files then follow it into the package, and the manifest comes last (issue 17: at Kraków's
     * size one core waited while the other rendered the PDF; the rendering steps took 0.1–0.5 s less, session 16).
     * When either part fails, the other is waited for and no package is left, only the files that were complete
     * (as when the package failed after the files).
     *
     * @param runFiles writes the run's files (beside {@link Request#files}, which are already written)
     * @return the files {@code runFiles} wrote, then the package
     */
    public List<WrittenFile> write(Request request, BackgroundTask.Work<List<WrittenFile>> runFiles) throws IOException {
        Path target = request.directory().resolve(request.baseName() + SUFFIX);
        Path temporary = ReportFileWriter.temporaryOf(target);
        BackgroundTask<List<WrittenFile>> files = BackgroundTask.start("pliki-przebiegu", runFiles);
        try {
            return zip(target, temporary, request, files);
        } catch (FilesFailed e) { // the files' own failure (it names its file), not the package's
            files.awaitQuietly();
            Files.deleteIfExists(temporary);
            throw e.getCause();
        } catch (IOException e) {
            files.awaitQuietly();
            throw ReportFileWriter.failed(target, temporary, e);
        } catch (RuntimeException | Error e) { // e.g. the lineage's COPY failed: no half-written package either
            files.awaitQuietly();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** a failure of the run's files, passed through the package's writing unchanged */
    private static final class FilesFailed extends RuntimeException {
        FilesFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** the run's files, the import summary and the further inputs, by name; no name twice, none of the package's own */
    private List<Entry> entries(Request request, List<WrittenFile> files) {
        List<Entry> entries = new ArrayList<>();
        for (WrittenFile file : files) {
            entries.add(new Entry(file.path().getFileName().toString(), file.path(), null, file.sizeBytes(),
                    file.sha256()));
        }
        byte[] summary = importSummary(request.snapshot()).getBytes(StandardCharsets.UTF_8);
        entries.add(new Entry("import-" + request.snapshot().id() + ".txt", null, summary, summary.length,
                sha256(summary)));
        request.inputs().forEach((name, content) -> entries.add(new Entry(name, null, content, content.length,
                sha256(content))));
        entries.sort(Comparator.comparing(Entry::name));
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.get(i).name();
            if (name.equals(LINEAGE) || name.equals(MANIFEST) || i > 0 && name.equals(entries.get(i - 1).name())) {
                throw new IllegalStateException("Dwa pliki o nazwie " + name + " w paczce");
            }
        }
        return entries;
    }

    private String importSummary(Snapshot snapshot) {
        String summary = jdbc.query("SELECT summary FROM snapshot WHERE id = ?",
                rs -> rs.next() ? rs.getString(1) : null, snapshot.id());
        if (summary == null || summary.isBlank()) {
            return "Migawka nr " + snapshot.id() + " (odcisk " + snapshot.fingerprint() + ") nie ma zapisanego "
                    + "podsumowania importu (została wczytana bez walidującego importu).\n";
        }
        return summary;
    }

    private Map<String, Object> manifest(Request request, List<Entry> entries) {
        ZoneId zone = properties.timeZone();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("zadanie", request.step().getJobExecution().getJobInstance().getJobName());
        Map<String, Object> parameters = new TreeMap<>();
        for (JobParameter<?> parameter : request.step().getJobParameters().parameters()) {
            String value = String.valueOf(parameter.value());
            parameters.put(parameter.name(), PATHS.contains(parameter.name()) ? lastName(value) : value);
        }
        manifest.put("parametry", parameters);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", request.snapshot().id());
        snapshot.put("odcisk", request.snapshot().fingerprint());
        manifest.put("migawka", snapshot);
        manifest.put("wersjaUkladu", request.layoutVersion());
        manifest.put("program", ProgramVersion.read());
        manifest.put("uruchomil", request.step().getJobParameters().getString("launchedBy"));
        manifest.put("przebieg", request.step().getJobExecution().getId());
        LocalDateTime start = request.step().getJobExecution().getStartTime();
        manifest.put("start", start == null ? null : time(start.atZone(ZoneId.systemDefault()).withZoneSameInstant(zone)
                .toOffsetDateTime()));
        manifest.put("koniec", time(OffsetDateTime.now(zone)));
        List<Object> files = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("nazwa", entry.name());
            file.put("rozmiar", entry.size());
            file.put("sha256", entry.sha256());
            files.add(file);
        }
        manifest.put("pliki", files);
        return manifest;
    }

    private static String lastName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }

    private static String time(OffsetDateTime time) {
        return time.withNano(0).toString();
    }

    /**
     * the lineage first — compressed while PostgreSQL sorts and sends it, with no intermediate file (issue 17: at the
     * country's scale a gigabyte, whose compression alone took 13 s after it had been written) —, then the entries by
     * name once the run's files are written, and the manifest last, once every size and SHA-256 is known
     */
    private List<WrittenFile> zip(Path target, Path temporary, Request request, BackgroundTask<List<WrittenFile>> runFiles)
            throws IOException {
        List<WrittenFile> written = new ArrayList<>();
        Sha256InBackground whole;
        try (OutputStream file = Files.newOutputStream(temporary);
             Sha256InBackground summed = new Sha256InBackground(new BufferedOutputStream(file, 1 << 16));
             ZipOutputStream zip = new ZipOutputStream(summed)) {
            whole = summed;
            ReportFileWriter.simulateFullDiskIfAsked(target, file, request.baseName().getBytes(StandardCharsets.UTF_8));
            zip.setLevel(COMPRESSION_LEVEL);
            long start = System.nanoTime();
            lineage.create();
            request.fillLineage().run();
            log.info("Paczka {}: pochodzenie — SQL {} ms", request.baseName(), (System.nanoTime() - start) / 1_000_000);
            Entry lineageEntry = lineageEntry(request, zip);
            try {
                written.addAll(runFiles.await());
            } catch (IOException e) {
                throw new FilesFailed(e);
            }
            List<WrittenFile> packaged = new ArrayList<>(request.files());
            packaged.addAll(written);
            List<Entry> entries = entries(request, packaged);
            for (Entry entry : entries) {
                put(zip, entry.name());
                if (entry.content() != null) {
                    zip.write(entry.content());
                } else {
                    try (InputStream in = Files.newInputStream(entry.source())) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
            List<Entry> listed = new ArrayList<>(entries);
            listed.add(lineageEntry);
            listed.sort(Comparator.comparing(Entry::name));
            put(zip, MANIFEST);
            zip.write(Json.write(manifest(request, listed)).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        long size = Files.size(temporary);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        lineage.drop(); // not after a failure: the transaction's rollback drops it
        written.add(new WrittenFile(target, size, whole.finish()));
        return written;
    }

    /** writes the filled lineage table as the zip's next entry; @return its size and SHA-256 (uncompressed) */
    private Entry lineageEntry(Request request, ZipOutputStream zip) throws IOException {
        long start = System.nanoTime();
        put(zip, LINEAGE);
        CountingStream counted = new CountingStream(zip);
        Sha256InBackground summed = new Sha256InBackground(counted); // not closed: that would close the zip
        long lines;
        String sha256;
        try {
            lines = lineage.writeCsv(summed);
            sha256 = summed.finish();
        } finally {
            summed.abandon(); // after a failure; nothing to end once finished
        }
        zip.closeEntry();
        log.info("Paczka {}: pochodzenie {} wierszy, {} B (pseudonimy, zapis i kompresja {} ms)", request.baseName(),
                lines, counted.count, (System.nanoTime() - start) / 1_000_000);
        return new Entry(LINEAGE, null, null, counted.count, sha256);
    }

    /** counts the bytes written through it */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private long count;

        CountingStream(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }

    private static void put(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
