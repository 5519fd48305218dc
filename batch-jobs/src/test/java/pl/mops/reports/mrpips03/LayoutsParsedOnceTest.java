package pl.mops.reports.mrpips03;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.mops.reports.MopsProperties;

/**
 * A layout file is parsed again only when its bytes change: a user's edit of a layout in
 * {@code $MOPS_HOME/report-templates/mrpips03} is seen by the next call, in the same running program.
 */
class LayoutsParsedOnceTest {

    @Test
    void theSameBytesGiveTheSameParsedLayoutAndAnEditIsReadAtOnce(@TempDir Path home) throws Exception {
        Layouts layouts = new Layouts(new MopsProperties(home, "MOPS", "1261011", ZoneId.of("Europe/Warsaw")), null);
        String packaged;
        try (var in = getClass().getClassLoader().getResourceAsStream(Layouts.FOLDER + "/2025.2.yaml")) {
            packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path userFile = home.resolve(Layouts.FOLDER).resolve("2025.2.yaml");
        Files.createDirectories(userFile.getParent());
        String title = packaged.lines().filter(l -> l.startsWith("tytul:")).findFirst().orElseThrow();
        Files.writeString(userFile, packaged.replace(title, "tytul: Pierwszy tytuł"));

        Layout first = version(layouts, "2025.2");
        Layout again = version(layouts, "2025.2");
        Layout packagedFirst = version(layouts, "2025.1");

        assertThat(first.title()).isEqualTo("Pierwszy tytuł");
        assertThat(again).isSameAs(first);
        assertThat(version(layouts, "2025.1")).isSameAs(packagedFirst);

        Files.writeString(userFile, packaged.replace(title, "tytul: Drugi tytuł"));

        Layout edited = version(layouts, "2025.2");
        assertThat(edited.title()).isEqualTo("Drugi tytuł");
        assertThat(edited.sha256()).isNotEqualTo(first.sha256());
    }

    private static Layout version(Layouts layouts, String version) {
        return layouts.all().stream().filter(l -> l.version().equals(version)).findFirst().orElseThrow();
    }
}
