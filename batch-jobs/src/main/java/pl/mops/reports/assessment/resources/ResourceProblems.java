package pl.mops.reports.assessment.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * The problems found in a resources file, each with its place; all of them are reported together. The place
 * is a number: for a text file the line; for a workbook a number the reader gave a cell or a sheet in reading
 * order, described by the reader's {@code places} (e.g. "arkusz „Kadra”, komórka D7").
 */
public final class ResourceProblems {

    /** @param line line of the file (1 = first), or a workbook's place; 0 = the file as a whole */
    public record Problem(int line, String message) {
    }

    private final String fileName;
    private final List<Problem> problems = new ArrayList<>();
    private final IntFunction<String> places;

    public ResourceProblems(String fileName) {
        this(fileName, line -> "wiersz " + line);
    }

    /** @param places describes a place ({@code > 0}) as it follows the file name, e.g. "wiersz 12" */
    public ResourceProblems(String fileName, IntFunction<String> places) {
        this.fileName = fileName;
        this.places = places;
    }

    public void add(int line, String message) {
        problems.add(new Problem(line, message));
    }

    /** the problems as found, each with its place */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** the problems in line order (a stable sort: problems of one line keep the order they were found in) */
    public List<String> messages() {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line))
                .map(p -> fileName + (p.line() > 0 ? ", " + places.apply(p.line()) : "") + ": " + p.message())
                .toList();
    }

    /** @throws UserError (exit code 2) listing every problem, when there is any */
    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        int n = problems.size();
        throw new UserError("Plik zasobów " + fileName + " zawiera " + n + " "
                + PolishPlural.of(n, "błąd", "błędy", "błędów") + ":\n  " + String.join("\n  ", messages()), ExitCode.INVALID_INPUT, null);
    }
}
