package pl.mops.reports.rendering.model;

import java.io.IOException;
import java.io.OutputStream;

/** Turns a {@link ReportDocument} into one file format. Implementations must be deterministic. */
public interface DocumentRenderer {

    /** file extension without the dot: {@code xlsx}, {@code pdf}, {@code csv} */
    String extension();

    void render(ReportDocument document, OutputStream out) throws IOException;
}
