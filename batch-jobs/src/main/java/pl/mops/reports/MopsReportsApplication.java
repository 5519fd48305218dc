package pl.mops.reports;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import pl.mops.reports.cli.AheadOfTime;
import pl.mops.reports.cli.Launcher;

/**
 * The reporting pipeline of the MOPS. {@code main} hands over to the command-line {@link Launcher} (or, in the build, to
 * {@link AheadOfTime#process}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MopsReportsApplication {

    public static void main(String[] args) {
        if (Boolean.getBoolean(AheadOfTime.PROCESSING)) { // the build's ahead-of-time processing, not a command
            AheadOfTime.process(args);
            return;
        }
        System.exit(new Launcher().launch(args));
    }
}
