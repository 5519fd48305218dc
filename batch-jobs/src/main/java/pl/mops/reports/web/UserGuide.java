package pl.mops.reports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * The user guide ({@code docs/podrecznik/*.md}, packaged as {@code podrecznik/} on the classpath) rendered to HTML
 * for the console: one chapter per page, links between chapters ({@code planowanie.md}) turned into the console's
 * addresses, images from {@code obrazy/}. The guide is the project's own text, but HTML inside it is escaped anyway.
 */
@Component
public class UserGuide {

    /** a chapter's name as it may appear in an address: lower-case letters and hyphens only */
    static final Pattern CHAPTER = Pattern.compile("[a-z][a-z-]{0,40}");
    static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}\\.png");
    private static final String ROOT = "podrecznik/";

    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true)
            .sanitizeUrls(true).attributeProviderFactory(context -> new ChapterLinks()).build();

    /** a rendered chapter: its title (the first heading) and its HTML */
    public record Chapter(String name, String title, String html) {
    }

    public Optional<Chapter> chapter(String name) {
        if (!CHAPTER.matcher(name).matches()) {
            return Optional.empty();
        }
        return read(ROOT + name + ".md").map(bytes -> {
            Node document = parser.parse(new String(bytes, StandardCharsets.UTF_8));
            return new Chapter(name, title(document), renderer.render(document));
        });
    }

    public Optional<byte[]> image(String name) {
        return IMAGE.matcher(name).matches() ? read(ROOT + "obrazy/" + name) : Optional.empty();
    }

    private static String title(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                StringBuilder text = new StringBuilder();
                for (Node part = heading.getFirstChild(); part != null; part = part.getNext()) {
                    if (part instanceof Text t) {
                        text.append(t.getLiteral());
                    }
                }
                return text.toString();
            }
        }
        return "Podręcznik";
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = UserGuide.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code planowanie.md#import} → {@code planowanie#import}: the chapter's address in the console */
    private static final class ChapterLinks implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, java.util.Map<String, String> attributes) {
            if (node instanceof Link && attributes.containsKey("href")) {
                attributes.put("href", attributes.get("href").replaceFirst("^([a-z-]+)\\.md(#.*)?$", "$1$2"));
            }
        }
    }
}
