package pl.mops.reports.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parsed command line: words ({@code run monthly}), options ({@code --month 2025-10} or
 * {@code --month=2025-10}), flags ({@code --rerun}) and Spring arguments ({@code --spring.*}),
 * which are passed on to Spring Boot untouched.
 */
public final class CommandLine {

    private final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> springArguments = new ArrayList<>();

    private CommandLine() {
    }

    /** @param flags names of options that take no value (without the dashes) */
    public static CommandLine parse(String[] args, java.util.Set<String> flags) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                line.springArguments.add(arg);
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (flags.contains(name)) {
                    value = "true";
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new UserError("Opcja --" + name + " wymaga wartości.", 2, null);
                }
                line.options.put(name, value);
            } else {
                line.words.add(arg);
            }
        }
        return line;
    }

    public String command() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** the word after the command, e.g. the job name of {@code run monthly} */
    public Optional<String> argument(int index) {
        return index + 1 < words.size() ? Optional.of(words.get(index + 1)) : Optional.empty();
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return "true".equalsIgnoreCase(options.get(name));
    }

    public <T> Optional<T> option(String name, Function<String, T> parser, String polishWhatIsExpected) {
        String raw = options.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw));
        } catch (RuntimeException e) {
            throw new UserError("Nieprawidłowa wartość opcji --" + name + ": \"" + raw + "\" (oczekiwano: "
                    + polishWhatIsExpected + ").", 2, null);
        }
    }

    public Map<String, String> options() {
        return Map.copyOf(options);
    }

    public List<String> springArguments() {
        return List.copyOf(springArguments);
    }
}
