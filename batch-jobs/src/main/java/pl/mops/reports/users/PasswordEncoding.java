package pl.mops.reports.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed: Spring Security's delegating encoder, bcrypt today; every hash names its algorithm
 * ({@code {bcrypt}…}), so a later default still reads the old hashes. Also for the commands without the web server
 * ({@code users}, {@code demo}).
 */
@Configuration(proxyBeanMethods = false)
public class PasswordEncoding {

    /** lazy: a command that never touches a password (most of them) does not build it */
    @Bean
    @Lazy
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
