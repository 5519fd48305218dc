package pl.mops.reports.rendering;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.model.DocumentRenderer;

/** The document renderers of the application, in the order files are written: XLSX, PDF, CSV. */
@Component
public class Renderers {

    private static final List<String> ORDER = List.of("xlsx", "pdf", "csv");

    private final List<DocumentRenderer> all;

    public Renderers(List<DocumentRenderer> renderers) {
        this.all = renderers.stream()
                .sorted(Comparator.comparingInt(r -> ORDER.indexOf(r.extension()) < 0 ? 99 : ORDER.indexOf(r.extension())))
                .toList();
    }

    public List<DocumentRenderer> all() {
        return all;
    }
}
