package pl.mops.reports;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import pl.mops.reports.cli.Launcher;

/** The reporting pipeline of the MOPS. {@code main} hands over to the command-line {@link Launcher}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MopsReportsApplication {

    public static void main(String[] args) {
        System.exit(new Launcher().launch(args));
    }
}
