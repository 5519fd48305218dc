package pl.mops.reports.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Optional sign-in against the MOPS's directory (LDAP or Active Directory), {@code mops.web.ldap.*}; off unless
 * {@code enabled}. A login that is not a user of the console's own database is looked up in the directory
 * ({@code user-search-filter} under {@code user-search-base}), signed in by binding as it with the password given,
 * and gets the roles its groups ({@code group-search-filter} under {@code group-search-base}, named by their
 * {@code cn}) map to in {@code role-mapping}.
 *
 * @param url               e.g. {@code ldap://ad.mops.local:389} (or {@code ldaps://…:636})
 * @param base              the base DN, e.g. {@code dc=mops,dc=local}
 * @param userSearchBase    relative to the base, e.g. {@code ou=pracownicy} (empty: the whole base)
 * @param userSearchFilter  {@code {0}} is the login, e.g. {@code (uid={0})} or, for AD, {@code (sAMAccountName={0})}
 * @param groupSearchBase   relative to the base, e.g. {@code ou=grupy}
 * @param groupSearchFilter {@code {0}} is the user's DN, e.g. {@code (member={0})}
 * @param managerDn         who searches (empty: anonymous search), e.g. {@code cn=mops-konsola,ou=uslugi,dc=mops,dc=local}
 * @param managerPassword   its password (better in the environment: {@code MOPS_WEB_LDAP_MANAGER_PASSWORD})
 * @param roleMapping       group {@code cn} → roles, e.g. {@code mops-planowanie: PLANOWANIE}; a group may give
 *                          several ({@code PLANOWANIE,STRATEGIA}); case of the group name does not matter
 */
@ConfigurationProperties("mops.web.ldap")
public record LdapSettings(boolean enabled, String url, String base, String userSearchBase, String userSearchFilter,
                           String groupSearchBase, String groupSearchFilter, String managerDn, String managerPassword,
                           Map<String, String> roleMapping) {

    public LdapSettings {
        userSearchBase = userSearchBase == null ? "" : userSearchBase;
        userSearchFilter = userSearchFilter == null || userSearchFilter.isBlank() ? "(uid={0})" : userSearchFilter;
        groupSearchBase = groupSearchBase == null ? "" : groupSearchBase;
        groupSearchFilter = groupSearchFilter == null || groupSearchFilter.isBlank() ? "(member={0})" : groupSearchFilter;
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }
}
