package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The user guide ({@code docs/podrecznik/}) as the console shows it under {@code /pomoc}: every role reads every
 * chapter, links between chapters lead to chapters that exist, every image a chapter shows is served and is one that a
 * browser journey takes ({@code screenshot("name.png")}), so the guide shows the console as the tests see it.
 */
class UserGuideTest extends WebConsoleTest {

    private static final Path GUIDE = Path.of("..", "docs", "podrecznik");
    private static final List<String> CHAPTERS = List.of("index", "planowanie", "strategia", "audytor",
            "administrator", "komunikaty");

    @Test
    void everyRoleReadsEveryChapter() throws Exception {
        for (String role : List.of("PLANOWANIE", "STRATEGIA", "AUDYTOR", "ADMIN")) {
            for (String chapter : CHAPTERS) {
                String path = chapter.equals("index") ? "/pomoc" : "/pomoc/" + chapter;
                String html = mvc.perform(get(path).with(user("czytelnik").roles(role))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(path).contains("<h1>", "aria-label=\"Rozdziały podręcznika\"")
                        .doesNotContain(".md\"");
            }
        }
        mvc.perform(get("/pomoc")).andExpect(status().is3xxRedirection());
    }

    @Test
    void chapterLinksLeadToChapters() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([a-z-]+)\\.md(#[^)]*)?\\)");
        for (String chapter : CHAPTERS) {
            Matcher m = link.matcher(markdown(chapter));
            while (m.find()) {
                assertThat(CHAPTERS).as(chapter + " → " + m.group(1)).contains(m.group(1));
            }
        }
    }

    @Test
    void everyImageIsServedAndTakenByAJourney() throws Exception {
        Set<String> images = new TreeSet<>();
        for (String chapter : CHAPTERS) {
            Matcher m = Pattern.compile("\\]\\(obrazy/([a-z0-9-]+\\.png)\\)").matcher(markdown(chapter));
            while (m.find()) {
                images.add(m.group(1));
            }
        }
        assertThat(images).isNotEmpty();
        Set<String> taken = screenshotsTakenByTheJourneys();
        for (String image : images) {
            assertThat(GUIDE.resolve("obrazy").resolve(image)).as(image).isRegularFile();
            assertThat(taken).as("a journey takes " + image).contains(image);
            byte[] served = mvc.perform(get("/pomoc/obrazy/" + image).with(user("czytelnik").roles("AUDYTOR")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(served).isEqualTo(Files.readAllBytes(GUIDE.resolve("obrazy").resolve(image)));
        }
    }

    @Test
    void unknownChaptersAndImagesAreNotFound() throws Exception {
        for (String path : List.of("/pomoc/nie-ma", "/pomoc/obrazy/nie-ma.png", "/pomoc/obrazy/..%2Fplanowanie.md",
                "/pomoc/Planowanie", "/pomoc/obrazy/pulpit.PNG")) {
            int status = mvc.perform(get(path).with(user("czytelnik").roles("ADMIN"))).andReturn().getResponse()
                    .getStatus();
            assertThat(status).as(path).isIn(400, 404);
        }
    }

    private static String markdown(String chapter) throws IOException {
        return Files.readString(GUIDE.resolve(chapter + ".md"));
    }

    private static Set<String> screenshotsTakenByTheJourneys() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern call = Pattern.compile("screenshot\\((?:browser,\\s*)?\"([a-z0-9-]+\\.png)\"\\)");
        try (Stream<Path> sources = Files.walk(Path.of("src", "test", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(source));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
