package pl.mops.reports.rendering.pdf;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces the random source OpenPDF uses for the 6-letter tag of an embedded font subset
 * ({@code BaseFont.createSubsetPrefix()}, e.g. {@code ABCDEF+DejaVuSans}), which would otherwise differ on
 * every run. The tag is derived from the font name: OpenPDF asks for six {@link #nextDouble()} values per
 * tag, and this source returns the six letters of the font's tag in turn (counted per thread, so concurrent
 * exports do not interfere).
 */
final class FixedSubsetTagRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;
    private static final int TAG_LENGTH = 6;
    private static final Map<String, FixedSubsetTagRandom> BY_FONT = new ConcurrentHashMap<>();

    private final int[] letters = new int[TAG_LENGTH];
    private final transient ThreadLocal<int[]> position = ThreadLocal.withInitial(() -> new int[1]);

    private FixedSubsetTagRandom(String fontName) {
        int hash = fontName.hashCode();
        for (int i = 0; i < TAG_LENGTH; i++) {
            letters[i] = Math.floorMod(hash, 26);
            hash = hash / 26 + 7 * i + 3;
        }
    }

    static FixedSubsetTagRandom forFont(String fontName) {
        return BY_FONT.computeIfAbsent(fontName == null ? "" : fontName, FixedSubsetTagRandom::new);
    }

    /** OpenPDF turns this into the letter {@code 'A' + (int) (value * 26)} */
    @Override
    public double nextDouble() {
        int[] at = position.get();
        int letter = letters[at[0]];
        at[0] = (at[0] + 1) % TAG_LENGTH;
        return (letter + 0.5) / 26.0;
    }
}
