package pl.mops.reports.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The parsed command line: words ({@code run monthly}), options ({@code --month 2025-10} or
 * {@code --month=2025-10}), flags ({@code --rerun}) and Spring arguments ({@code --spring.*}, {@code --logging.*}),
 * which are passed on to Spring Boot untouched. Parsing only splits; {@code cli.CommandCheck} decides what the command
 * accepts.
 */
public final class CommandLine {

    private final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> givenWithEquals = new HashSet<>();
    private final List<String> springArguments = new ArrayList<>();

    private CommandLine() {
    }

    /**
     * @param flags names of options that take no value (without the dashes): the word after a flag is not its value
     * @throws UserError (exit 2) for an option given twice with different values
     */
    public static CommandLine parse(String[] args, Set<String> flags) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                line.springArguments.add(arg);
            } else if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                boolean withEquals = eq >= 0;
                if (withEquals) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (flags.contains(name)) {
                    value = "true";
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    value = ""; // CommandCheck: "wymaga wartości", or an option the command does not have
                }
                String earlier = line.options.get(name);
                if (earlier != null && !earlier.equals(value)) {
                    throw new UserError("Opcja --" + name + " podana dwa razy z różnymi wartościami: \"" + earlier
                            + "\" i \"" + value + "\". Podaj ją raz.", ExitCode.INVALID_INPUT, null);
                }
                line.options.put(name, value);
                if (withEquals) {
                    line.givenWithEquals.add(name);
                }
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

    /** every word that is not an option, the command first */
    public List<String> words() {
        return List.copyOf(words);
    }

    /** the value; empty also when the option was given without one (which {@code cli.CommandCheck} refuses) */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isEmpty());
    }

    public boolean flag(String name) {
        return "true".equalsIgnoreCase(options.get(name)) && !givenWithEquals.contains(name);
    }

    /** whether the option was written {@code --name=value} (a flag written so was given a value) */
    public boolean givenWithEquals(String name) {
        return givenWithEquals.contains(name);
    }

    public <T> Optional<T> option(String name, Function<String, T> parser, String polishWhatIsExpected) {
        String raw = options.get(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw));
        } catch (RuntimeException e) {
            throw ValueCheck.invalid(name, raw, polishWhatIsExpected);
        }
    }

    /** the options in the order given */
    public Map<String, String> options() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public List<String> springArguments() {
        return List.copyOf(springArguments);
    }
}
