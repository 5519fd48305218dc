package pl.mops.reports.cli;

import pl.mops.reports.system.ValueCheck;

/**
 * One option a command declares, e.g. {@code --month RRRR-MM}: plain data in {@link CommandTable}, read by the
 * launcher before Spring or the database start, by {@code help} and by the refusal of an unknown option.
 *
 * @param name        without the dashes, e.g. {@code month}
 * @param valueName   how help writes its value, e.g. {@code RRRR-MM}; {@code null} for a flag ({@code --rerun})
 * @param description Polish, short (help and refusals show it after the option)
 * @param check       what the value must look like ({@link ValueCheck#ANY} for a folder, a file…); unused for a flag
 * @param required    written without brackets in the usage line (the command itself says when it is missing)
 */
public record OptionSpec(String name, String valueName, String description, ValueCheck check, boolean required) {

    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, null, description, ValueCheck.ANY, false);
    }

    public static OptionSpec value(String name, String valueName, String description, ValueCheck check) {
        return new OptionSpec(name, valueName, description, check, false);
    }

    /** the same option, written without brackets in the usage line */
    public OptionSpec mandatory() {
        return new OptionSpec(name, valueName, description, check, true);
    }

    /** the same option described differently (the same name means something particular in a command) */
    public OptionSpec describedAs(String otherDescription) {
        return new OptionSpec(name, valueName, otherDescription, check, required);
    }

    public boolean isFlag() {
        return valueName == null;
    }

    /** {@code --month RRRR-MM} or {@code --rerun} */
    public String syntax() {
        return "--" + name + (isFlag() ? "" : " " + valueName);
    }

    /** {@code --month RRRR-MM} when required, otherwise {@code [--month RRRR-MM]} */
    public String usage() {
        return required ? syntax() : "[" + syntax() + "]";
    }
}
