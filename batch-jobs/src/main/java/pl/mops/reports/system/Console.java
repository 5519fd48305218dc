package pl.mops.reports.system;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/** What the user sees: plain Polish lines on standard output (the log file gets the details). */
@Component
public class Console {

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    public void line(String text) {
        out.println(text);
    }

    public void line(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
    }

    /** a progress line of a long step, e.g. "[2/3] Renderowanie plików…" */
    public void progress(String text) {
        out.println("  … " + text);
    }
}
