package pl.mops.reports.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.rendering.model.ReportDocument;

/**
 * Writes a document in several formats so that users never pick up a half-written file: each file
 * is rendered to a hidden temporary name in the target folder, flushed to disk and renamed in one
 * atomic move when complete.
 */
@Component
public class ReportFileWriter {

    public List<WrittenFile> write(ReportDocument document, Path directory, String baseName,
                                   List<DocumentRenderer> renderers) throws IOException {
        Files.createDirectories(directory);
        List<WrittenFile> written = new ArrayList<>();
        for (DocumentRenderer renderer : renderers) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
            renderer.render(document, buffer);
            written.add(writeAtomically(directory.resolve(baseName + "." + renderer.extension()), buffer.toByteArray()));
        }
        return written;
    }

    public static WrittenFile writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(content);
        }
        try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new WrittenFile(target, content.length, sha256(content));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
