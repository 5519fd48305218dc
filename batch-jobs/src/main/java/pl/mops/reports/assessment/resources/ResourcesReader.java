package pl.mops.reports.assessment.resources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.rendering.ReportFileWriter;

/**
 * Reads and validates a resources file ({@code zasoby-<Y>.yaml}, {@code zasoby-<Y>.csv} or the workbook
 * {@code zasoby-<Y>.xlsx}, chosen by the extension; a ZIP container is read as a workbook whatever its name). Any problem — unreadable file, syntax, unknown or missing keys, missing years, negative or
 * malformed numbers, sums that disagree — ends in one {@link UserError} with exit code 2 that lists every
 * problem with the file name and line (in a workbook: sheet and cell).
 */
public final class ResourcesReader {

    private ResourcesReader() {
    }

    public static ResourcesFile read(Path file, int year) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("Nie można odczytać pliku zasobów " + file + " (" + e.getMessage() + ").", ExitCode.INVALID_INPUT, e);
        }
        return parse(content, file.getFileName().toString(), year);
    }

    /** reads a resources file from a stream (e.g. an upload); the stream is read to its end, not closed */
    public static ResourcesFile read(InputStream in, String fileName, int year) {
        try {
            return parse(in.readAllBytes(), fileName, year);
        } catch (IOException e) {
            throw new UserError("Nie można odczytać pliku zasobów " + fileName + " (" + e.getMessage() + ").",
                    ExitCode.INVALID_INPUT, e);
        }
    }

    /**
     * @param fileName decides the format by its extension ({@code .yaml}/{@code .yml}, {@code .csv} or {@code .xlsx});
     *                 content that starts as a ZIP container is read as a workbook whatever the extension
     */
    public static ResourcesFile parse(byte[] content, String fileName, int year) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || ResourcesWorkbookReader.looksLikeZip(content)) {
            List<String> places = new ArrayList<>();
            ResourceProblems problems = new ResourceProblems(fileName, place -> places.get(place - 1));
            RawResources raw = ResourcesWorkbookReader.read(content, fileName, year, problems, places);
            ResourcesFile result = ResourcesValidator.validate(raw, year, fileName, ReportFileWriter.sha256(content), problems);
            problems.throwIfAny();
            return result;
        }
        ResourceProblems problems = new ResourceProblems(fileName);
        boolean csv = lower.endsWith(".csv");
        if (!csv && !lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
            throw new UserError("Plik zasobów " + fileName + " musi mieć rozszerzenie .yaml, .csv albo .xlsx.",
                    ExitCode.INVALID_INPUT, null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError("Plik zasobów " + fileName + " nie jest zapisany w kodowaniu UTF-8 — zapisz go jako UTF-8.",
                    ExitCode.INVALID_INPUT, null);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        RawResources raw = csv ? CsvResourcesReader.read(text, problems) : YamlResourcesReader.read(text, problems);
        if (!problems.isEmpty() && raw.chapters.isEmpty() && raw.declaredYear == null) {
            problems.throwIfAny(); // nothing could be read (syntax, empty file): the missing chapters would only repeat it
        }
        ResourcesFile result = ResourcesValidator.validate(raw, year, fileName, ReportFileWriter.sha256(content), problems);
        problems.throwIfAny();
        return result;
    }
}
