package pl.mops.reports.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code mops.dane} in {@code config/harmonogram.yml}.
 *
 * @param staleAfter how long after the newest snapshot's "stan na" the data count as stale ({@code brak-nowych-po},
 *                   default 40 days): {@code serve}'s health is DOWN and the notification hook is called once;
 *                   {@code 0} switches the alarm off
 */
@ConfigurationProperties("mops.dane")
public record DataSettings(@Name("brak-nowych-po") Duration staleAfter) {

    public DataSettings {
        if (staleAfter == null) {
            staleAfter = Duration.ofDays(40);
        }
    }
}
