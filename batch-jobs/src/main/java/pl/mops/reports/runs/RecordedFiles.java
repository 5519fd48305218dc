package pl.mops.reports.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import pl.mops.reports.rendering.WrittenFile;

/**
 * Opens a file a run recorded ({@code run_file}) only if it is still that file: it lies under the output root (also
 * after following links), is a regular file, has the recorded size and, when the run recorded one, the recorded
 * SHA-256. The path comes only from the record, never from a request. The file is opened once: the digest is computed
 * on the open file and the same open file is then read from its start, so a file replaced (renamed over) after the
 * check is not what is served.
 */
public final class RecordedFiles {

    /** why a recorded file cannot be served, with the sentence a user reads */
    public enum Refusal {
        OUTSIDE_OUTPUT_ROOT("Plik nie leży w folderze wyników programu (zapisano go poza nim, np. opcją --out), więc "
                + "konsola go nie udostępnia. Poproś administratora o kopię."),
        MISSING("Pliku nie ma już na dysku (usunięty albo przeniesiony). Policz przebieg ponownie albo poproś "
                + "administratora o kopię zapasową."),
        CHANGED("Plik na dysku nie jest już tym, który zapisał przebieg (inny rozmiar albo skrót SHA-256), więc nie "
                + "zostanie wydany. Policz przebieg ponownie albo zgłoś to administratorowi.");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** either an open file (close it) or a refusal */
    public record Opened(FileChannel channel, long size, Refusal refusal) implements AutoCloseable {

        public boolean served() {
            return channel != null;
        }

        public InputStream content() {
            return Channels.newInputStream(channel);
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private RecordedFiles() {
    }

    public static Opened open(WrittenFile recorded, Path outputRoot) throws IOException {
        Path root = outputRoot.toAbsolutePath().normalize();
        Path file = recorded.path().toAbsolutePath().normalize();
        if (!file.startsWith(root)) {
            return refused(Refusal.OUTSIDE_OUTPUT_ROOT);
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
            return refused(Refusal.MISSING);
        }
        if (!Files.isDirectory(root) || !file.toRealPath().startsWith(root.toRealPath())) {
            return refused(Refusal.OUTSIDE_OUTPUT_ROOT);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size != recorded.sizeBytes()) {
                channel.close();
                return refused(Refusal.CHANGED);
            }
            if (recorded.sha256() != null && !recorded.sha256().isBlank()) {
                MessageDigest digest = sha256();
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
                channel.position(0);
                while (channel.read(buffer) > 0) {
                    buffer.flip();
                    digest.update(buffer);
                    buffer.clear();
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(recorded.sha256().toLowerCase(Locale.ROOT))) {
                    channel.close();
                    return refused(Refusal.CHANGED);
                }
                channel.position(0);
            }
            return new Opened(channel, size, null);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Opened refused(Refusal refusal) {
        return new Opened(null, 0, refusal);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
