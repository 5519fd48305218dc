package pl.mops.reports.rendering.model;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Turns a {@link ReportDocument} into one file format. Implementations must be deterministic. */
public interface DocumentRenderer {

    /** file extension without the dot: {@code xlsx}, {@code pdf}, {@code csv} */
    String extension();

    void render(ReportDocument document, OutputStream out) throws IOException;

    /**
     * Further files of the same format written beside the main one, in order (e.g. the CSV's one file per table):
     * none by default.
     */
    default List<CompanionFile> companions(ReportDocument document) throws IOException {
        return List.of();
    }

    /**
     * A file written beside a document's main file.
     *
     * @param suffix  appended to the document's base name, with the extension, e.g. {@code -tabela-T1.csv}
     * @param content the bytes of the file
     */
    record CompanionFile(String suffix, byte[] content) {
    }
}
