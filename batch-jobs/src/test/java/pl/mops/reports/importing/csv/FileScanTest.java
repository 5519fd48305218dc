package pl.mops.reports.importing.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The encoding heuristics of FileScan: UTF-16 and the UTF-8 letters that make a non-UTF-8 byte a mixed encoding. */
class FileScanTest {

    private static final Charset CP1250 = Charset.forName("windows-1250");

    private static long utf8LetterLine(byte[] bytes) {
        FileScan.Utf8Letters letters = new FileScan.Utf8Letters();
        long line = 1;
        for (byte b : bytes) {
            letters.accept(b & 0xFF, line);
            if (b == '\n') {
                line++;
            }
        }
        return letters.firstLine();
    }

    @Test
    void utf16IsRecognisedWithAndWithoutBom() {
        byte[] le = "rok;forma;kwota_planu\n2025;POSILEK;5000\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "rok;forma;kwota_planu\n".getBytes(StandardCharsets.UTF_16BE);
        assertThat(FileScan.utf16(le, le.length)).isEqualTo("UTF-16 (little-endian, bez BOM)");
        assertThat(FileScan.utf16(be, be.length)).isEqualTo("UTF-16 (big-endian, bez BOM)");
        byte[] withBom = "rok".getBytes(StandardCharsets.UTF_16); // Java writes big-endian with a BOM
        assertThat(FileScan.utf16(withBom, withBom.length)).isEqualTo("UTF-16 (big-endian, z BOM)");
        // Polish letters are not NUL in either byte, but the separators, digits and Latin letters around them are
        byte[] polish = "ąęłńóśźż;Wieś;2025\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(FileScan.utf16(polish, polish.length)).isEqualTo("UTF-16 (little-endian, bez BOM)");
    }

    @Test
    void textAndRandomBytesAreNotUtf16() {
        byte[] utf8 = "osoba_id;pesel\nP01;80050112368\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FileScan.utf16(utf8, utf8.length)).isNull();
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        assertThat(FileScan.utf16(junk, junk.length)).isNull();
        assertThat(FileScan.utf16(new byte[] {'a', 0}, 2)).as("too short to say").isNull();
    }

    @Test
    void utf8LettersAreFoundAndWindows1250TextIsNotTakenForThem() {
        assertThat(utf8LetterLine("R1;I\nR3;3;;Wieś\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(utf8LetterLine("x;„cytat”\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(utf8LetterLine("café\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        // Polish in Windows-1250, upper and lower case (ÓŁ is D3 A3: well-formed UTF-8, but not a letter with a
        // diacritic there), quotes and dashes
        byte[] cp1250 = "WSPÓŁPRACA;RÓŻA;Źródło;ĄĆĘŁŃÓŚŹŻ;ąćęłńóśźż;„tak” – nie — …\n".getBytes(CP1250);
        assertThat(utf8LetterLine(cp1250)).isZero();
    }
}
