package pl.mops.reports.users;

import java.time.Instant;
import java.util.Set;

/**
 * A user of the web console as stored ({@code web_user}).
 *
 * @param failedAttempts failed sign-ins since the last successful one (or since the last lockout began)
 * @param lockedUntil    the account waits until then after too many failed sign-ins; {@code null}: not locked
 */
public record WebUser(String login, String passwordHash, Set<Role> roles, boolean enabled, int failedAttempts,
                      Instant lockedUntil, Instant createdAt, String createdBy, Instant passwordChangedAt) {

    public WebUser {
        roles = Set.copyOf(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
