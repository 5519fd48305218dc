package pl.mops.reports.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CommandLineRun.Outcome;
import pl.mops.reports.support.SharedPostgres;

/**
 * {@code users} as an administrator types it: the password from standard input (not a terminal), roles checked
 * before the database starts, disabling, the list; each change in the audit log.
 */
class UsersCommandTest {

    @TempDir
    Path home;

    private Outcome users(String stdin, String... args) {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
            String[] all = new String[args.length + 1];
            all[0] = "users";
            System.arraycopy(args, 0, all, 1, args.length);
            return CommandLineRun.launch(home, all);
        } finally {
            System.setIn(original);
        }
    }

    private static String query(String sql, String login) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(SharedPostgres.jdbcUrl());
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, login);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void addReadsThePasswordFromStandardInputAndStoresOnlyABcryptHash() throws Exception {
        Outcome added = users("pierwsze-haslo-administratora\n", "add", "Admin.Pierwszy", "--rola", "admin,planowanie");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Dodano użytkownika admin.pierwszy (role: PLANOWANIE, ADMIN).");
        String hash = query("SELECT password_hash FROM web_user WHERE login = ?", "admin.pierwszy");
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("pierwsze-haslo");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("pierwsze-haslo-administratora", hash))
                .isTrue();
        assertThat(query("SELECT action || ' ' || details FROM audit_log WHERE details LIKE '%' || ? || '%' ORDER BY id",
                "admin.pierwszy")).isEqualTo("UZYTKOWNIK_DODANY użytkownik admin.pierwszy, role: PLANOWANIE, ADMIN");
        assertThat(query("SELECT actor FROM audit_log WHERE details LIKE '%' || ? || '%'", "admin.pierwszy"))
                .startsWith("wiersz poleceń (użytkownik systemu ");

        Outcome again = users("inne-haslo-administratora\n", "add", "admin.pierwszy", "--rola", "ADMIN");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("Błąd: Użytkownik admin.pierwszy już istnieje (nowe hasło: "
                + "./mops-reports users passwd admin.pierwszy).");
    }

    @Test
    void passwdChangesThePasswordAndTheListShowsTheUsers() throws Exception {
        assertThat(users("haslo-poczatkowe-1\n", "add", "zmiana.hasla", "--rola", "STRATEGIA").exitCode()).isZero();
        String before = query("SELECT password_hash FROM web_user WHERE login = ?", "zmiana.hasla");
        Outcome changed = users("haslo-po-zmianie-22\r\n", "passwd", "zmiana.hasla");
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("Ustawiono nowe hasło użytkownika zmiana.hasla.");
        String after = query("SELECT password_hash FROM web_user WHERE login = ?", "zmiana.hasla");
        assertThat(after).isNotEqualTo(before);
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("haslo-po-zmianie-22", after)).isTrue();

        Outcome list = users(null, "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).containsPattern("\n  zmiana\\.hasla +STRATEGIA +aktywne +\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");

        Outcome nobody = users("haslo-dla-nikogo-1\n", "passwd", "nie.ma.takiego");
        assertThat(nobody.exitCode()).isEqualTo(2);
        assertThat(nobody.err()).contains("Nie ma użytkownika \"nie.ma.takiego\"");
    }

    @Test
    void aPasswordThatBreaksThePolicyOrNoPasswordIsRefused() {
        Outcome shortOne = users("krotkie\n", "add", "za.krotkie", "--rola", "AUDYTOR");
        assertThat(shortOne.exitCode()).isEqualTo(2);
        assertThat(shortOne.err().strip()).isEqualTo("Błąd: Hasło jest za krótkie: musi mieć co najmniej 12 znaków "
                + "(najlepiej kilka słów).");
        Outcome none = users("", "add", "bez.hasla", "--rola", "AUDYTOR");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Nie podano hasła: standardowe wejście jest puste");
        Outcome sameAsLogin = users("login.jako.haslo\n", "add", "login.jako.haslo", "--rola", "AUDYTOR");
        assertThat(sameAsLogin.err()).contains("Hasło nie może być takie samo jak login.");
    }

    @Test
    void disableAndEnable() throws Exception {
        assertThat(users("haslo-do-wylaczenia\n", "add", "do.wylaczenia", "--rola", "PLANOWANIE").exitCode()).isZero();
        Outcome disabled = users(null, "disable", "do.wylaczenia");
        assertThat(disabled.exitCode()).as(disabled.err()).isZero();
        assertThat(disabled.out()).contains("Wyłączono konto do.wylaczenia");
        assertThat(query("SELECT enabled::text FROM web_user WHERE login = ?", "do.wylaczenia")).isEqualTo("false");
        assertThat(users(null, "list").out()).containsPattern("do\\.wylaczenia +PLANOWANIE +wyłączone");
        assertThat(users(null, "enable", "do.wylaczenia").exitCode()).isZero();
        assertThat(query("SELECT enabled::text FROM web_user WHERE login = ?", "do.wylaczenia")).isEqualTo("true");
    }

    /** a typo in a role, a missing role, a bad login: refused at once, naming the allowed roles, nothing started */
    @Test
    void aWrongRoleIsAPolishMessageNamingTheAllowedRolesBeforeTheDatabaseStarts() {
        Path noHome = home.resolve("nie-ma");
        Outcome wrong = CommandLineRun.launchExactly(List.of("users", "add", "jan", "--rola", "KIEROWNIK",
                "--home=" + noHome));
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err().strip()).isEqualTo("Błąd: Nieznana rola \"KIEROWNIK\". Dozwolone role: PLANOWANIE, "
                + "STRATEGIA, AUDYTOR, ADMIN (kilka — po przecinku, np. PLANOWANIE,STRATEGIA).");
        Outcome unknownAction = CommandLineRun.launchExactly(List.of("users", "usun", "jan", "--home=" + noHome));
        assertThat(unknownAction.exitCode()).isEqualTo(2);
        assertThat(unknownAction.err()).contains("Nieznana czynność \"usun\"", "add, passwd, disable, enable, list");
        Outcome noRole = CommandLineRun.launchExactly(List.of("users", "add", "jan", "--rola", "--home=" + noHome));
        assertThat(noRole.exitCode()).isEqualTo(2);
        assertThat(noRole.err()).contains("Opcja --rola wymaga wartości");
        Outcome extra = CommandLineRun.launchExactly(List.of("users", "disable", "jan", "ewa", "--home=" + noHome));
        assertThat(extra.exitCode()).isEqualTo(2);
        assertThat(noHome).as("no home folder, no embedded database").doesNotExist();

        Outcome badLogin = users("dobre-dlugie-haslo\n", "add", "Jan Kowalski", "--rola", "AUDYTOR");
        assertThat(badLogin.exitCode()).isEqualTo(2);
        assertThat(badLogin.err()).contains("Nieprawidłowy login \"Jan Kowalski\"");
        Outcome noLogin = users(null, "add", "--rola", "AUDYTOR");
        assertThat(noLogin.err()).contains("Podaj login, np. ./mops-reports users add jan.kowalski");
    }

    @Test
    void theLastAdministratorCannotBeDisabled() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(SharedPostgres.jdbcUrl())) {
            // this database may hold administrators of other tests: keep exactly one enabled for this check
            connection.createStatement().execute("UPDATE web_user SET enabled = false WHERE 'ADMIN' = ANY (roles)");
        }
        assertThat(users("haslo-jedynego-admina\n", "add", "jedyny.admin", "--rola", "ADMIN").exitCode()).isZero();
        Outcome refused = users(null, "disable", "jedyny.admin");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("jedynym włączonym administratorem");
    }

    @Test
    void roleNamesAreCheckedAndNamedInPolish() {
        assertThat(Role.parseList(" planowanie , Strategia")).containsExactly(Role.PLANOWANIE, Role.STRATEGIA);
        assertThat(PasswordPolicy.problem("jan", "ąęśćźżółń-ąęśćźżółń-ąęśćźżółń-ąęśćźżółń-x")).get().asString()
                .startsWith("Hasło jest za długie");
        assertThat(PasswordPolicy.problem("jan", "dwanascie-zn")).isEmpty();
        assertThat(AuditLog.mask("PESEL 85031212345, nr 123")).isEqualTo("PESEL ***********, nr 123");
    }
}
