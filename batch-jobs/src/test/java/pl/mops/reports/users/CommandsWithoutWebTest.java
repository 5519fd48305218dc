package pl.mops.reports.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import pl.mops.reports.support.DatabaseTest;

/**
 * The context of every command but {@code serve} (no web server): the users and their passwords are there
 * ({@code users}, {@code demo}), Spring Security's web configuration and Thymeleaf are not.
 */
class CommandsWithoutWebTest extends DatabaseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void noSecurityFilterChainNoTemplatesNoGeneratedUser() {
        assertThat(context.getBeanNamesForType(org.springframework.security.web.SecurityFilterChain.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.security.core.userdetails.UserDetailsService.class))
                .isEmpty();
        assertThat(context.containsBean("templateEngine")).isFalse();
        assertThat(context.getBeanNamesForType(pl.mops.reports.web.Dashboard.class)).isEmpty();
        assertThat(context.getBeanNamesForType(UsersCommand.class)).hasSize(1);
    }

    /** what {@code demo} does: a random password the first time, nothing (and no new password) the next */
    @Test
    void theDemoUserGetsARandomPasswordOnce() {
        var first = accounts.addWithRandomPassword("demo.test", EnumSet.of(Role.PLANOWANIE, Role.STRATEGIA),
                UserAccounts.Actor.commandLine());
        assertThat(first).get().asString().hasSize(16).matches("[a-km-zA-HJ-NP-Z2-9]{16}");
        WebUser user = accounts.find("demo.test").orElseThrow();
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.PLANOWANIE, Role.STRATEGIA);
        assertThat(encoder.matches(first.get(), user.passwordHash())).isTrue();
        assertThat(accounts.addWithRandomPassword("demo.test", EnumSet.of(Role.ADMIN), UserAccounts.Actor.commandLine()))
                .isEmpty();
        assertThat(accounts.find("demo.test").orElseThrow().passwordHash()).isEqualTo(user.passwordHash());
        assertThat(accounts.randomPassword()).isNotEqualTo(accounts.randomPassword());
    }
}
