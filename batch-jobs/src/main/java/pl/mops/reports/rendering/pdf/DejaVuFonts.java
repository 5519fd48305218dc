package pl.mops.reports.rendering.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DejaVu Sans loaded from the jasperreports-fonts jar on the classpath (not from the system), so the
 * chart drawing and the column width planning do not depend on the fonts installed on the machine.
 */
final class DejaVuFonts {

    private static final String FONT_DIR = "net/sf/jasperreports/fonts/dejavu/";
    private static final Font REGULAR = load("DejaVuSans.ttf");
    private static final Font BOLD = load("DejaVuSans-Bold.ttf");
    private static final FontRenderContext MEASURING = new FontRenderContext(null, true, true);
    private static final Map<String, Font> MEASURING_FONTS = new ConcurrentHashMap<>();

    private DejaVuFonts() {
    }

    static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    /** width of the text in points when printed in DejaVu Sans of the given size */
    static double textWidth(String text, boolean bold, float size) {
        Font font = MEASURING_FONTS.computeIfAbsent((bold ? "b" : "r") + size,
                key -> bold ? bold(size) : regular(size));
        return font.getStringBounds(text, MEASURING).getWidth();
    }

    private static Font load(String file) {
        try (InputStream in = DejaVuFonts.class.getClassLoader().getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("Brak czcionki " + file + " (jasperreports-fonts) w ścieżce klas");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Nie można wczytać czcionki " + file, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("Nieprawidłowy plik czcionki " + file, e);
        }
    }
}
