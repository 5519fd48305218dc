package pl.mops.reports.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command as the user typed it, without secrets: for the log and for the lock file that names the owner of the
 * embedded database. The value of an option named like a password ({@code --source-password H},
 * {@code --spring.datasource.password=…}) becomes {@code ***}, and so do a password inside a JDBC URL
 * ({@code ?password=…}) and the password of {@code user:password@host}.
 */
final class CommandText {

    static final String PROGRAM = "./mops-reports";
    /** the lock file's command is cut to this length (with "…") */
    static final int SHORT_LIMIT = 120;
    static final String MASK = "***";

    private static final Pattern SECRET_OPTION = Pattern.compile("(?i)--[\\w.-]*(password|passwd|pwd|haslo|hasło|secret|token)[\\w.-]*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b(password|passwd|pwd)=[^&;\\s]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@\\s]*):[^/@\\s]*@");

    private CommandText() {
    }

    /** the arguments with every secret replaced by {@value #MASK} */
    static List<String> masked(String[] args) {
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq >= 0 ? arg.substring(0, eq) : arg;
            if (SECRET_OPTION.matcher(name).matches()) {
                if (eq >= 0) {
                    masked.add(name + "=" + MASK);
                } else {
                    masked.add(arg);
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        masked.add(MASK);
                        i++;
                    }
                }
            } else {
                masked.add(maskUrl(arg));
            }
        }
        return masked;
    }

    /** {@code ./mops-reports} and the masked arguments on one line, at most {@value #SHORT_LIMIT} characters */
    static String shortText(String[] args) {
        String text = (PROGRAM + " " + String.join(" ", masked(args))).replaceAll("\\p{Cntrl}", " ").strip();
        return text.length() > SHORT_LIMIT ? text.substring(0, SHORT_LIMIT - 1) + "…" : text;
    }

    private static String maskUrl(String arg) {
        String masked = URL_PASSWORD.matcher(arg).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + MASK));
        return URL_USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
    }
}
