package pl.mops.reports.assessment.resources;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.rendering.ReportFileWriter;

/**
 * Reads and validates a resources file ({@code zasoby-<Y>.yaml} or {@code zasoby-<Y>.csv}, chosen by the
 * extension). Any problem — unreadable file, syntax, unknown or missing keys, missing years, negative or
 * malformed numbers, sums that disagree — ends in one {@link UserError} with exit code 2 that lists every
 * problem with the file name and line.
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

    /** @param fileName decides the format by its extension ({@code .yaml}/{@code .yml} or {@code .csv}) */
    public static ResourcesFile parse(byte[] content, String fileName, int year) {
        ResourceProblems problems = new ResourceProblems(fileName);
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean csv = lower.endsWith(".csv");
        if (!csv && !lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
            throw new UserError("Plik zasobów " + fileName + " musi mieć rozszerzenie .yaml albo .csv.", ExitCode.INVALID_INPUT, null);
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
