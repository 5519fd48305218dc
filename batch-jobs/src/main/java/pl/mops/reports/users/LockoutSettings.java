package pl.mops.reports.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When an account waits after failed sign-ins ({@code mops.web.lockout.*} in {@code config/application.yml}).
 *
 * @param attempts failed sign-ins in a row that lock the account (default 5)
 * @param duration how long it then waits (default 15 minutes)
 */
@ConfigurationProperties("mops.web.lockout")
public record LockoutSettings(Integer attempts, Duration duration) {

    public LockoutSettings {
        if (attempts == null || attempts < 1) {
            attempts = 5;
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            duration = Duration.ofMinutes(15);
        }
    }
}
