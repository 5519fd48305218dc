package pl.mops.reports.assessment.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/** The problems found in a resources file, each with its line; all of them are reported together. */
public final class ResourceProblems {

    /** @param line line of the file (1 = first), 0 = the file as a whole */
    public record Problem(int line, String message) {
    }

    private final String fileName;
    private final List<Problem> problems = new ArrayList<>();

    public ResourceProblems(String fileName) {
        this.fileName = fileName;
    }

    public void add(int line, String message) {
        problems.add(new Problem(line, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** the problems in line order (a stable sort: problems of one line keep the order they were found in) */
    public List<String> messages() {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line))
                .map(p -> fileName + (p.line() > 0 ? ", wiersz " + p.line() : "") + ": " + p.message())
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
