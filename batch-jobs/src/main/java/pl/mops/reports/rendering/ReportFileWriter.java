package pl.mops.reports.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.system.BackgroundTask;

/**
 * Writes a document in several formats so that users never pick up a half-written file or half a set: every format
 * (with the files a renderer writes beside its main one, {@link DocumentRenderer#companions}) is rendered in memory
 * first (the formats at the same time), then each file is written to a hidden temporary name in the target folder, flushed to
 * disk and renamed in one atomic move; when one write fails, the files this call already wrote are removed. A failed write (e.g. a full disk) deletes the temporary file and names the target
 * file in a {@link FileSystemException}.
 *
 * <p>TEST-ONLY hook: the system property {@code mops.test.brak-miejsca=<text>} makes every write of a file whose
 * name contains the text fail like a full disk, after part of it has been written. Inert unless set.
 */
@Component
public class ReportFileWriter {

    private static final Logger log = LoggerFactory.getLogger(ReportFileWriter.class);

    public List<WrittenFile> write(ReportDocument document, Path directory, String baseName,
                                   List<DocumentRenderer> renderers) throws IOException {
        Files.createDirectories(directory);
        // every format is rendered before any file is written: a document that cannot be rendered (or a stop that
        // reaches the step) leaves none of its files, not an XLSX without its PDF
        List<byte[]> rendered = renderAll(document, baseName, renderers);
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        for (int i = 0; i < renderers.size(); i++) {
            DocumentRenderer renderer = renderers.get(i);
            contents.put(directory.resolve(baseName + "." + renderer.extension()), rendered.get(i));
            for (DocumentRenderer.CompanionFile companion : renderer.companions(document)) {
                contents.put(directory.resolve(baseName + companion.suffix()), companion.content());
            }
        }
        List<WrittenFile> written = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> file : contents.entrySet()) {
                written.add(writeAtomically(file.getKey(), file.getValue()));
            }
        } catch (IOException e) {
            for (WrittenFile file : written) { // a full disk half-way: the files of this call go too
                try {
                    Files.deleteIfExists(file.path());
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        return written;
    }

    /**
     * Renders the formats at the same time, each in its own thread (the first in the caller's): they only read the
     * document, and an XLSX and a PDF each keep a core busy for a second or more. The bytes do not depend on it
     * (every format is rendered from the document alone; the PDF font tags are counted per thread,
     * {@code FixedSubsetTagRandom}). The log line gives each format's time.
     */
    private static List<byte[]> renderAll(ReportDocument document, String baseName, List<DocumentRenderer> renderers)
            throws IOException {
        long start = System.nanoTime();
        long[] millis = new long[renderers.size()];
        List<BackgroundTask.Work<byte[]>> works = new ArrayList<>();
        for (int i = 0; i < renderers.size(); i++) {
            DocumentRenderer renderer = renderers.get(i);
            int index = i;
            works.add(() -> {
                long began = System.nanoTime();
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
                renderer.render(document, buffer);
                millis[index] = (System.nanoTime() - began) / 1_000_000;
                return buffer.toByteArray();
            });
        }
        List<BackgroundTask<byte[]>> tasks = new ArrayList<>();
        for (int i = 1; i < works.size(); i++) {
            tasks.add(BackgroundTask.start("pliki-" + renderers.get(i).extension(), works.get(i)));
        }
        if (!works.isEmpty()) {
            tasks.add(0, BackgroundTask.here(works.get(0)));
        }
        List<byte[]> rendered = new ArrayList<>();
        Throwable failure = null;
        for (BackgroundTask<byte[]> task : tasks) { // every thread is waited for, also after a failure
            if (failure != null) {
                task.awaitQuietly();
                continue;
            }
            try {
                rendered.add(task.await());
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw BackgroundTask.rethrown(failure);
        }
        StringBuilder times = new StringBuilder();
        for (int i = 0; i < renderers.size(); i++) {
            times.append(i == 0 ? "" : ", ").append(renderers.get(i).extension()).append(' ').append(millis[i])
                    .append(" ms");
        }
        log.info("Pliki {}: {} (równolegle, razem {} ms)", baseName, times, (System.nanoTime() - start) / 1_000_000);
        return rendered;
    }

    public static WrittenFile writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = temporaryOf(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                simulateFullDiskIfAsked(target, out, content);
                out.write(content);
            }
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failed(target, temporary, e);
        }
        return new WrittenFile(target, content.length, sha256(content));
    }

    /** the hidden temporary name of a file being written: {@code .<name>.tmp} in the same folder */
    public static Path temporaryOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /** deletes what was written of a file and names the target file in the failure */
    public static IOException failed(Path target, Path temporary, IOException cause) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        if (cause instanceof FileSystemException fs && target.toString().equals(fs.getFile())) {
            return cause;
        }
        FileSystemException named = new FileSystemException(target.toString(), null, cause.getMessage());
        named.initCause(cause);
        return named;
    }

    /** the test-only full-disk hook (see the class comment) */
    public static void simulateFullDiskIfAsked(Path target, OutputStream out, byte[] someContent) throws IOException {
        String fragment = System.getProperty("mops.test.brak-miejsca");
        if (fragment != null && !fragment.isBlank() && target.getFileName().toString().contains(fragment)) {
            out.write(someContent, 0, Math.min(someContent.length, 1024));
            out.flush();
            throw new IOException("No space left on device");
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
