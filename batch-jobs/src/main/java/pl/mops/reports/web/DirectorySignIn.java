package pl.mops.reports.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.users.Role;

/**
 * Sign-in against the directory ({@link LdapSettings}): search the user, bind as it, read its groups and map them
 * to the console's roles. A user none of whose groups maps to a role is refused.
 */
public class DirectorySignIn {

    private final LdapAuthenticationProvider provider;
    private final Map<String, Set<Role>> roleMapping;

    public DirectorySignIn(LdapSettings settings) {
        if (settings.url() == null || settings.url().isBlank() || settings.base() == null) {
            throw new UserError("Logowanie przez katalog (mops.web.ldap.enabled=true) wymaga mops.web.ldap.url "
                    + "i mops.web.ldap.base.", ExitCode.INVALID_INPUT, null);
        }
        DefaultSpringSecurityContextSource context = new DefaultSpringSecurityContextSource(List.of(settings.url()),
                settings.base());
        if (settings.managerDn() != null && !settings.managerDn().isBlank()) {
            context.setUserDn(settings.managerDn());
            context.setPassword(settings.managerPassword() == null ? "" : settings.managerPassword());
        } else {
            context.setAnonymousReadOnly(true);
        }
        context.afterPropertiesSet();
        BindAuthenticator authenticator = new BindAuthenticator(context);
        authenticator.setUserSearch(new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.userSearchFilter(),
                context));
        DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(context, settings.groupSearchBase());
        groups.setGroupSearchFilter(settings.groupSearchFilter());
        groups.setGroupRoleAttribute("cn");
        groups.setRolePrefix("");
        groups.setConvertToUpperCase(false);
        groups.setSearchSubtree(true);
        this.provider = new LdapAuthenticationProvider(authenticator, groups);
        this.roleMapping = new java.util.HashMap<>();
        settings.roleMapping().forEach((group, roles) -> roleMapping.put(group.toLowerCase(Locale.ROOT),
                Role.parseList(roles)));
    }

    /**
     * @return the roles of the directory user
     * @throws AuthenticationException a wrong login or password (or a directory that cannot be reached), or a user
     *                                 without a mapped group
     */
    public Set<Role> authenticate(String login, String password) {
        Authentication result;
        try {
            result = provider.authenticate(new UsernamePasswordAuthenticationToken(login, password));
        } catch (BadCredentialsException e) {
            throw new BadCredentialsException("Nieprawidłowy login lub hasło.", e);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority group : result.getAuthorities()) {
            roles.addAll(roleMapping.getOrDefault(group.getAuthority().toLowerCase(Locale.ROOT), Set.of()));
        }
        if (roles.isEmpty()) {
            throw new DisabledException("Konto w katalogu nie należy do żadnej grupy uprawnionej do konsoli — "
                    + "skontaktuj się z administratorem.");
        }
        return roles;
    }
}
