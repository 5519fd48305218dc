package pl.mops.reports.system;

import java.util.function.Function;
import java.util.regex.Pattern;

/** What the value of an option must look like: checked before Spring or the database start. */
@FunctionalInterface
public interface ValueCheck {

    /** free text: a folder, a file, a URL (only an empty value is refused, as for every option) */
    ValueCheck ANY = (option, value) -> {
    };

    /**
     * @param option the option's name, without the dashes
     * @throws UserError (exit 2) when the value cannot be used
     */
    void check(String option, String value);

    /** accepted when {@code parser} accepts it */
    static ValueCheck parsing(Function<String, ?> parser, String polishWhatIsExpected) {
        return (option, value) -> {
            try {
                parser.apply(value);
            } catch (RuntimeException e) {
                throw invalid(option, value, polishWhatIsExpected);
            }
        };
    }

    static ValueCheck matching(String regex, String polishWhatIsExpected) {
        Pattern pattern = Pattern.compile(regex);
        return (option, value) -> {
            if (!pattern.matcher(value).matches()) {
                throw invalid(option, value, polishWhatIsExpected);
            }
        };
    }

    /** a whole number from {@code min} to {@code max} */
    static ValueCheck integer(long min, long max, String polishWhatIsExpected) {
        return (option, value) -> {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid(option, value, polishWhatIsExpected);
            }
            if (number < min || number > max) {
                throw invalid(option, value, polishWhatIsExpected);
            }
        };
    }

    /** "Nieprawidłowa wartość opcji --month: "2025-13" (oczekiwano: miesiąc w postaci RRRR-MM, np. 2025-10)." */
    static UserError invalid(String option, String value, String polishWhatIsExpected) {
        return new UserError("Nieprawidłowa wartość opcji --" + option + ": \"" + value + "\" (oczekiwano: "
                + polishWhatIsExpected + ").", ExitCode.INVALID_INPUT, null);
    }
}
