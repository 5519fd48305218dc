package pl.mops.reports.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;

/**
 * The per-installation secret of the pseudonyms: 32 random bytes, hex, in {@code <home>/sekret-pseudonimizacji},
 * created on first use, readable by its owner only where the file system has POSIX permissions. Losing it
 * means new pseudonyms (old packages can no longer be mapped back); it must never leave the installation.
 */
@Component
public class PseudonymSecret {

    public static final String FILE_NAME = "sekret-pseudonimizacji";

    private final Path file;

    @Autowired
    public PseudonymSecret(MopsProperties properties) {
        this(properties.home().resolve(FILE_NAME));
    }

    PseudonymSecret(Path file) {
        this.file = file;
    }

    public synchronized byte[] key() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length != 32) {
                throw new IllegalStateException("Plik " + file + " nie zawiera 32 bajtów sekretu (64 cyfr szesnastkowych).");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Nie można odczytać sekretu pseudonimizacji " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Plik " + file + " nie zawiera sekretu w postaci szesnastkowej.", e);
        }
    }

    /**
     * the key only when it already exists: for looking cases up by pseudonym, which must never make a new key (its
     * pseudonyms would match nothing)
     */
    public synchronized java.util.Optional<byte[]> existingKey() {
        return Files.exists(file) ? java.util.Optional.of(key()) : java.util.Optional.empty();
    }

    public Path file() {
        return file;
    }

    private void create() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path temporary = file.resolveSibling("." + FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary); // no POSIX permissions here (e.g. Windows): the folder's rights apply
        }
        Files.writeString(temporary, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            Files.move(temporary, file); // no REPLACE: a secret created meanwhile by another process wins
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
        }
    }
}
