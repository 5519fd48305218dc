package pl.mops.reports.users;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The users of the web console in {@code web_user}. */
@Repository
public class UserRepository {

    private static final RowMapper<WebUser> MAPPER = UserRepository::map;

    private final JdbcTemplate jdbc;

    public UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<WebUser> find(String login) {
        return jdbc.query("SELECT * FROM web_user WHERE login = ?", MAPPER, login).stream().findFirst();
    }

    public List<WebUser> all() {
        return jdbc.query("SELECT * FROM web_user ORDER BY login", MAPPER);
    }

    /** @return false when the login is taken */
    public boolean insert(String login, String passwordHash, Set<Role> roles, Instant now, String createdBy) {
        return jdbc.update("""
                INSERT INTO web_user (login, password_hash, roles, created_at, created_by, password_changed_at)
                VALUES (?, ?, ?::text[], ?, ?, ?) ON CONFLICT (login) DO NOTHING""",
                login, passwordHash, arrayLiteral(roles), Timestamp.from(now), createdBy, Timestamp.from(now)) == 1;
    }

    /** a new password ends a lockout and clears the failed sign-ins */
    public boolean changePassword(String login, String passwordHash, Instant now) {
        return jdbc.update("""
                UPDATE web_user SET password_hash = ?, password_changed_at = ?, failed_attempts = 0, locked_until = NULL
                 WHERE login = ?""", passwordHash, Timestamp.from(now), login) == 1;
    }

    public boolean setEnabled(String login, boolean enabled) {
        return jdbc.update("UPDATE web_user SET enabled = ?, failed_attempts = 0, locked_until = NULL WHERE login = ?",
                enabled, login) == 1;
    }

    public boolean setRoles(String login, Set<Role> roles) {
        return jdbc.update("UPDATE web_user SET roles = ?::text[] WHERE login = ?", arrayLiteral(roles), login) == 1;
    }

    /**
     * Records a failed sign-in. When it is the {@code limit}-th in a row the account is locked until
     * {@code lockedUntil} and the count starts again.
     *
     * @return whether this failure locked the account
     */
    public boolean recordFailure(String login, int limit, Instant lockedUntil) {
        Boolean locked = jdbc.queryForObject("""
                UPDATE web_user
                   SET failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,
                       locked_until    = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
                 WHERE login = ?
                RETURNING failed_attempts = 0""", Boolean.class, limit, limit, Timestamp.from(lockedUntil), login);
        return Boolean.TRUE.equals(locked);
    }

    public void recordSuccess(String login) {
        jdbc.update("UPDATE web_user SET failed_attempts = 0, locked_until = NULL WHERE login = ?", login);
    }

    /** how many enabled users have the role */
    public int enabledWithRole(Role role) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM web_user WHERE enabled AND ? = ANY (roles)",
                Integer.class, role.name());
        return count == null ? 0 : count;
    }

    private static String arrayLiteral(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().sorted().map(Role::name).toList()) + "}";
    }

    private static WebUser map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return new WebUser(rs.getString("login"), rs.getString("password_hash"), roles, rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("password_changed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
