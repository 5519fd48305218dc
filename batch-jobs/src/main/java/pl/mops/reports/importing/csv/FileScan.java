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
 * the bytes are not valid UTF-8. File-level errors:
 * <ul>
 * <li>UTF-16 (with a BOM, or without one: every other byte of its Latin text is NUL), named as such with how to save
 * the file as UTF-8 — not "binary";</li>
 * <li>mixed encodings: bytes that are not valid UTF-8 in a file that also holds UTF-8 letters with diacritics (é, ą,
 * ł, … — lead bytes C3–C5) or UTF-8 punctuation („ ” – — … €), e.g. one line typed in Windows-1250 into a UTF-8
 * file: reading it wholly as Windows-1250 would garble every UTF-8 letter, so both lines are named. (A file whose only
 * non-ASCII bytes are not UTF-8 is Windows-1250, as the contract says.)</li>
 * <li>binary content (NUL and other control characters, or the code points Windows-1250 leaves undefined).</li>
 * </ul>
 */
public record FileScan(String sha256, long sizeBytes, Charset charset, boolean bom) {

    public static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    /** how many bytes at the start of a file decide whether it is UTF-16 without a BOM */
    private static final int UTF16_PROBE_BYTES = 4096;
    static final String SAVE_AS_UTF8 = "Zapisz go jako UTF-8: w Excelu „Plik → Zapisz jako” i typ „CSV UTF-8 "
            + "(rozdzielany przecinkami)”, w Notatniku „Zapisz jako” i kodowanie „UTF-8”, w LibreOffice „Zapisz jako” "
            + "„Tekst CSV” i zestaw znaków „Unicode (UTF-8)”";

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
        Utf8Letters letters = new Utf8Letters();
        boolean undefinedIn1250 = false;
        long size = 0;
        long line = 1;
        boolean afterCr = false;
        byte[] buffer = new byte[1 << 16];
        byte[] head = new byte[3];
        try (InputStream in = Files.newInputStream(path)) {
            int n = in.readNBytes(buffer, 0, buffer.length);
            String utf16 = utf16(buffer, n);
            if (utf16 != null) {
                throw new ImportFileError(fileName, "plik jest zapisany w kodowaniu " + utf16 + ", a kontrakt wymaga "
                        + "UTF-8. " + SAVE_AS_UTF8);
            }
            while (n > 0) {
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
                    letters.accept(b, lineOfByte);
                    afterCr = b == '\r';
                }
                size += n;
                n = in.read(buffer);
            }
        } catch (IOException e) {
            throw new ImportFileError(fileName, "nie można odczytać pliku (" + e.getMessage() + ")");
        }
        boolean bom = size >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        Charset charset;
        if (utf8.valid()) {
            charset = java.nio.charset.StandardCharsets.UTF_8;
        } else if (letters.firstLine() > 0) {
            throw new ImportFileError(fileName, "plik miesza kodowania: wiersz " + letters.firstLine() + " zawiera znaki "
                    + "zapisane w UTF-8, a wiersz " + utf8.firstInvalidLine() + " bajty, które nie są poprawnym UTF-8 "
                    + "(zapewne znak w Windows-1250) — zapisz cały plik w jednym kodowaniu, najlepiej UTF-8");
        } else if (!undefinedIn1250) {
            charset = WINDOWS_1250;
        } else {
            throw new ImportFileError(fileName, "plik nie jest tekstem w kodowaniu UTF-8 ani Windows-1250 "
                    + "(błędna sekwencja bajtów w wierszu " + utf8.firstInvalidLine() + ")");
        }
        return new FileScan(HexFormat.of().formatHex(digest.digest()), size, charset, bom);
    }

    /**
     * "UTF-16 (little-endian, z BOM)" and the like when the first bytes of a file are UTF-16, else null: a UTF-16 BOM,
     * or (no BOM) NUL bytes in at least a third of the odd (little-endian) or even (big-endian) positions and almost
     * none in the others — Latin text in UTF-16. A binary file has NULs at random.
     */
    static String utf16(byte[] bytes, int length) {
        if (length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return "UTF-16 (little-endian, z BOM)";
        }
        if (length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return "UTF-16 (big-endian, z BOM)";
        }
        int pairs = Math.min(length, UTF16_PROBE_BYTES) / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros * 3 >= pairs && evenZeros * 20 <= pairs) {
            return "UTF-16 (little-endian, bez BOM)";
        }
        if (evenZeros * 3 >= pairs && oddZeros * 20 <= pairs) {
            return "UTF-16 (big-endian, bez BOM)";
        }
        return null;
    }

    /**
     * Finds the first well-formed UTF-8 sequence that Windows-1250 text practically never forms: a letter with a
     * diacritic (lead byte C3–C5 and a continuation byte: U+00C0–U+017F, e.g. ą ć ę ł ń ó ś ź ż é ü) or punctuation
     * of three bytes starting with E2 (quotes, dashes, ellipsis, €). Polish text in Windows-1250 puts Ă, Ä or Ĺ
     * (C3–C5) before such a byte only by accident, and its letters are not E2.
     */
    static final class Utf8Letters {
        private int pending;
        private long first;

        void accept(int b, long line) {
            if (first > 0) {
                return;
            }
            if (pending > 0) {
                if (b >= 0x80 && b <= 0xBF) {
                    if (--pending == 0) {
                        first = line;
                    }
                    return;
                }
                pending = 0;
            }
            if (b >= 0xC3 && b <= 0xC5) {
                pending = 1;
            } else if (b == 0xE2) {
                pending = 2;
            }
        }

        /** the line of the first such sequence, or 0 */
        long firstLine() {
            return first;
        }
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
