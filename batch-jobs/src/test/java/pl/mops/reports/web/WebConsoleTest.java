package pl.mops.reports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import pl.mops.reports.importing.TrustedCsvLoader;
import pl.mops.reports.runs.BackgroundLaunches;
import pl.mops.reports.statistics.MonthlyStatisticsService;
import pl.mops.reports.support.DatabaseTest;
import pl.mops.reports.support.MovableClock;
import pl.mops.reports.support.SharedPostgres;
import pl.mops.reports.users.Role;
import pl.mops.reports.users.UserAccounts;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * One application context for every test of the web console: {@code serve}'s web server on a random port, on its own
 * database ({@code mops_web}, the fixture {@code statistics/monthly-small} imported and its March 2025 statistics
 * computed once), its own home folder, a movable clock (4 April 2025 10:00 Warsaw unless a test moves it) and the
 * sign-in against an in-memory directory server (UnboundID) switched on. Test classes keep apart by their own
 * logins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@Import(WebConsoleTest.Fixtures.class)
public abstract class WebConsoleTest {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final ZonedDateTime START = ZonedDateTime.of(2025, 4, 4, 10, 0, 0, 0, WARSAW);
    static final MovableClock CLOCK = new MovableClock(START);
    static final Path HOME = home();
    static final InMemoryDirectoryServer DIRECTORY = directory();
    /** the password every directory user of the fixture has */
    static final String DIRECTORY_PASSWORD = "haslo-w-katalogu-123";

    private static boolean dataLoaded;
    static long snapshotId;

    @TestConfiguration
    static class Fixtures {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }

        /** a page that fails, for the 500 page */
        @Bean
        Failing failing() {
            return new Failing();
        }
    }

    /** registered by {@link Fixtures} only (a test component is not picked up by the application's scan) */
    @RestController
    @org.springframework.boot.test.context.TestComponent
    static class Failing {
        @GetMapping("/test/awaria")
        String fail() {
            throw new IllegalStateException("awaria testowa: PESEL 85031212345 w komunikacie");
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", WebConsoleTest::ownDatabase);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("mops.home", HOME::toString);
        // small enough for ImportPageTest to send an upload over it (Tomcat then still reads the rest: < 2 MB more)
        registry.add("mops.web.przesylanie.limit", () -> "16MB");
        registry.add("mops.web.ldap.enabled", () -> "true");
        registry.add("mops.web.ldap.url", () -> "ldap://127.0.0.1:" + DIRECTORY.getListenPort());
        registry.add("mops.web.ldap.base", () -> "dc=mops,dc=local");
        registry.add("mops.web.ldap.user-search-base", () -> "ou=pracownicy");
        registry.add("mops.web.ldap.user-search-filter", () -> "(uid={0})");
        registry.add("mops.web.ldap.group-search-base", () -> "ou=grupy");
        registry.add("mops.web.ldap.group-search-filter", () -> "(member={0})");
        registry.add("mops.web.ldap.manager-dn", () -> "cn=konsola,dc=mops,dc=local");
        registry.add("mops.web.ldap.manager-password", () -> "haslo-konsoli");
        registry.add("mops.web.ldap.role-mapping.mops-planowanie", () -> "PLANOWANIE,STRATEGIA");
        registry.add("mops.web.ldap.role-mapping.mops-audytorzy", () -> "AUDYTOR");
    }

    @Autowired
    protected WebApplicationContext context;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected UserAccounts accounts;
    @Autowired
    protected Environment environment;
    @Autowired
    private TrustedCsvLoader loader;
    @Autowired
    private MonthlyStatisticsService monthly;
    @Autowired
    private BackgroundLaunches backgroundLaunches;

    protected MockMvc mvc;

    @BeforeEach
    void setUpWebConsole() throws Exception {
        CLOCK.set(START);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        loadDataOnce();
    }

    private void loadDataOnce() throws Exception {
        synchronized (WebConsoleTest.class) {
            if (!dataLoaded) {
                snapshotId = loader.load(Path.of(getClass().getResource("/statistics/monthly-small").toURI()),
                        "test:konsola").snapshot().id();
                monthly.run(YearMonth.of(2025, 3), snapshotId, null, false, "test");
                dataLoaded = true;
            }
        }
    }

    /** a user of the console's database with this password (once per login: later calls keep the first) */
    protected void account(String login, String password, Role... roles) {
        if (accounts.find(login).isEmpty()) {
            accounts.add(login, EnumSet.copyOf(List.of(roles)), password, new UserAccounts.Actor("test", null));
        }
    }

    /** waits (at most three minutes) for a launch of the console to end, done or failed */
    protected BackgroundLaunches.Launch awaitLaunch(String ticket) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            BackgroundLaunches.Launch launch = backgroundLaunches.get(ticket).orElseThrow();
            if (launch.state() == BackgroundLaunches.State.DONE || launch.state() == BackgroundLaunches.State.FAILED) {
                return launch;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the launch " + ticket + " did not end within three minutes");
    }

    /** the audit log's rows of one actor, oldest first: "ACTION address details" */
    protected List<String> audit(String actor) {
        return jdbc.queryForList("SELECT action, address, details FROM audit_log WHERE actor = ? ORDER BY id",
                actor).stream().map(WebConsoleTest::row).toList();
    }

    private static String row(Map<String, Object> r) {
        return r.get("action") + " " + r.get("address") + " " + r.get("details");
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    private static String ownDatabase() {
        return ownDatabase("mops_web");
    }

    /** the JDBC address of a database of the shared test server, created when it does not exist yet */
    static String ownDatabase(String name) {
        String shared = SharedPostgres.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(shared, "postgres", "")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // already exists (a second context in the same JVM)
                throw new IllegalStateException(e);
            }
        }
        return shared.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    /** a new home folder sharing the compiled Jasper templates of the other tests' home */
    static Path home() {
        try {
            Path home = Files.createTempDirectory("mops-web-home");
            Path sharedCache = Files.createDirectories(DatabaseTest.home().resolve("cache"));
            Files.createSymbolicLink(home.resolve("cache"), sharedCache);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The MOPS's directory: dc=mops,dc=local with the console's search account, anna (group mops-planowanie),
     * ewa (mops-audytorzy) and piotr (only a group the console does not map).
     */
    private static InMemoryDirectoryServer directory() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=mops,dc=local");
            config.addAdditionalBindCredentials("cn=konsola,dc=mops,dc=local", "haslo-konsoli");
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    InetAddress.getLoopbackAddress(), 0, null));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add("dn: dc=mops,dc=local", "objectClass: top", "objectClass: domain", "dc: mops");
            server.add("dn: ou=pracownicy,dc=mops,dc=local", "objectClass: organizationalUnit", "ou: pracownicy");
            server.add("dn: ou=grupy,dc=mops,dc=local", "objectClass: organizationalUnit", "ou: grupy");
            for (String uid : List.of("anna", "ewa", "piotr")) {
                server.add("dn: uid=" + uid + ",ou=pracownicy,dc=mops,dc=local", "objectClass: inetOrgPerson",
                        "uid: " + uid, "cn: " + uid, "sn: " + uid, "userPassword: " + DIRECTORY_PASSWORD);
            }
            server.add("dn: cn=mops-planowanie,ou=grupy,dc=mops,dc=local", "objectClass: groupOfNames",
                    "cn: mops-planowanie", "member: uid=anna,ou=pracownicy,dc=mops,dc=local");
            server.add("dn: cn=mops-audytorzy,ou=grupy,dc=mops,dc=local", "objectClass: groupOfNames",
                    "cn: mops-audytorzy", "member: uid=ewa,ou=pracownicy,dc=mops,dc=local");
            server.add("dn: cn=kadry,ou=grupy,dc=mops,dc=local", "objectClass: groupOfNames",
                    "cn: kadry", "member: uid=piotr,ou=pracownicy,dc=mops,dc=local");
            server.startListening();
            return server;
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }
}
