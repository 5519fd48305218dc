package pl.mops.reports.runs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code mops.powiadomienie}: the command run when a run fails.
 *
 * @param command  the program to run ({@code polecenie}), e.g. {@code /usr/local/bin/zglos.sh}; empty = none.
 *                 Split on spaces into the program and its arguments (no shell).
 * @param timeout  how long it may take ({@code limit-czasu}, default 60 s); then it is killed
 */
@ConfigurationProperties("mops.powiadomienie")
public record NotificationSettings(@Name("polecenie") String command, @Name("limit-czasu") Duration timeout) {

    public NotificationSettings {
        if (timeout == null) {
            timeout = Duration.ofSeconds(60);
        }
    }

    public boolean configured() {
        return command != null && !command.isBlank();
    }
}
