package pl.mops.reports.importing.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One streaming pass over a file's bytes before it is parsed: its SHA-256 (for the snapshot's
 * fingerprint) and its encoding. The contract: UTF-8 (a BOM is allowed); Windows-1250 only when
 * the bytes are not valid UTF-8. Bytes that are neither (NUL and other control characters, or
 * the code points Windows-1250 leaves undefined) make the file binary: a file-level error.
 */
public record FileScan(String sha256, long sizeBytes, Charset charset, boolean bom) {

    public static final Charset WINDOWS_1250 = Charset.forName("windows-1250");

    public String encodingName() {
        return charset.equals(WINDOWS_1250) ? "Windows-1250" : bom ? "UTF-8 (z BOM)" : "UTF-8";
    }

    public static FileScan of(Path path, String fileName) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Utf8Validator utf8 = new Utf8Validator();
        boolean undefinedIn1250 = false;
        long size = 0;
        long line = 1;
        boolean afterCr = false;
        byte[] buffer = new byte[1 << 16];
        byte[] head = new byte[3];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (size + i < 3) {
                        head[(int) (size + i)] = (byte) b;
                    }
                    long lineOfByte = line;
                    if (b == '\r' || (b == '\n' && !afterCr)) {
                        line++; // LF, CRLF and a lone CR each end a line, as LineSource reads them
                    } else if (b < 0x20 && b != '\t' && b != '\n') {
                        throw new ImportFileError(fileName, String.format(
                                "plik zawiera dane binarne (bajt 0x%02X w wierszu %d) — to nie jest plik tekstowy CSV", b, line));
                    }
                    if (b == 0x81 || b == 0x83 || b == 0x88 || b == 0x90 || b == 0x98) {
                        undefinedIn1250 = true;
                    }
                    utf8.accept(b, lineOfByte);
                    afterCr = b == '\r';
                }
                size += n;
            }
        } catch (IOException e) {
            throw new ImportFileError(fileName, "nie można odczytać pliku (" + e.getMessage() + ")");
        }
        boolean bom = size >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        Charset charset;
        if (utf8.valid()) {
            charset = java.nio.charset.StandardCharsets.UTF_8;
        } else if (!undefinedIn1250) {
            charset = WINDOWS_1250;
        } else {
            throw new ImportFileError(fileName, "plik nie jest tekstem w kodowaniu UTF-8 ani Windows-1250 "
                    + "(błędna sekwencja bajtów w wierszu " + utf8.firstInvalidLine() + ")");
        }
        return new FileScan(HexFormat.of().formatHex(digest.digest()), size, charset, bom);
    }

    /** A byte-at-a-time UTF-8 well-formedness check (no overlongs, no surrogates, ≤ U+10FFFF). */
    static final class Utf8Validator {
        private int pending;
        private int lowerBound = 0x80;
        private int upperBound = 0xBF;
        private boolean valid = true;
        private long line = 1;
        private long firstInvalidLine;

        /** @param lineNumber the line the byte is in (a line end: the line it ends) */
        void accept(int b, long lineNumber) {
            if (!valid) {
                return;
            }
            line = lineNumber;
            if (pending == 0) {
                if (b < 0x80) {
                    return;
                }
                lowerBound = 0x80;
                upperBound = 0xBF;
                if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    pending = 2;
                    if (b == 0xE0) {
                        lowerBound = 0xA0;
                    } else if (b == 0xED) {
                        upperBound = 0x9F;
                    }
                } else if (b >= 0xF0 && b <= 0xF4) {
                    pending = 3;
                    if (b == 0xF0) {
                        lowerBound = 0x90;
                    } else if (b == 0xF4) {
                        upperBound = 0x8F;
                    }
                } else {
                    invalid();
                }
                return;
            }
            if (b < lowerBound || b > upperBound) {
                invalid();
                return;
            }
            lowerBound = 0x80;
            upperBound = 0xBF;
            pending--;
        }

        private void invalid() {
            valid = false;
            firstInvalidLine = line;
        }

        boolean valid() {
            return valid && pending == 0;
        }

        long firstInvalidLine() {
            return valid ? line : firstInvalidLine;
        }
    }
}
