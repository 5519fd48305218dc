package pl.mops.reports.users;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit log ({@code audit_log}): who did what, when and from which address. The program writes its details
 * itself, in Polish; a sequence of 11 digits (what a PESEL looks like) is masked before it is stored, so that no
 * personal number reaches the log even by mistake.
 */
@Repository
public class AuditLog {

    /** What was done: the {@code action} column, named in Polish for the administrator's page. */
    public enum Action {
        LOGOWANIE("zalogowanie"),
        LOGOWANIE_NIEUDANE("nieudane logowanie"),
        KONTO_ZABLOKOWANE("konto zablokowane po nieudanych logowaniach"),
        WYLOGOWANIE("wylogowanie"),
        UZYTKOWNIK_DODANY("dodanie użytkownika"),
        HASLO_ZMIENIONE("zmiana hasła"),
        UZYTKOWNIK_WYLACZONY("wyłączenie użytkownika"),
        UZYTKOWNIK_WLACZONY("włączenie użytkownika"),
        POBRANIE("pobranie pliku przebiegu"),
        WERYFIKACJA("sprawdzenie paczki dla audytorów"),
        EKSPORT_DZIENNIKA("eksport dziennika zdarzeń i przebiegów"),
        PRZESLANIE("przesłanie eksportu do importu"),
        URUCHOMIENIE("uruchomienie zadania"),
        ZATRZYMANIE("zatrzymanie przebiegu"),
        PONOWIENIE("wznowienie przebiegu"),
        POBRANIE_ODRZUCONYCH("pobranie pliku odrzuconych wierszy"),
        OTWARCIE_KOMORKI("otwarcie liczby sprawozdania MRPiPS-03"),
        ZLOZENIE_SPRAWOZDANIA("oznaczenie sprawozdania MRPiPS-03 jako złożonego"),
        POROWNANIE_SPRAWOZDANIA("porównanie sprawozdania MRPiPS-03 z systemem dziedzinowym"),
        ZAPIS_SZKICU_ZASOBOW("zapis szkicu zasobów OZPS"),
        WCZYTANIE_ARKUSZA_ZASOBOW("wczytanie skoroszytu zasobów OZPS");

        private final String polish;

        Action(String polish) {
            this.polish = polish;
        }

        public String polish() {
            return polish;
        }

        /** the Polish name of a stored action (an action of a newer program is shown as stored) */
        public static String polishOf(String stored) {
            for (Action action : values()) {
                if (action.name().equals(stored)) {
                    return action.polish;
                }
            }
            return stored;
        }
    }

    /** one row of the log */
    public record Entry(long id, Instant at, String actor, String action, String address, String details) {

        public String polishAction() {
            return Action.polishOf(action);
        }
    }

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "(?<![0-9a-fA-F-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9a-fA-F-])");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param actor   the login, or who acted on the command line
     * @param address the browser's remote address, {@code null} from the command line
     */
    public void record(String actor, Action action, String address, String details) {
        jdbc.update("INSERT INTO audit_log (at, actor, action, address, details) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), mask(actor), action.name(), address, mask(details));
    }

    /** newest first: the page {@code page} (from 0) of {@code size} rows */
    public List<Entry> page(int page, int size) {
        return jdbc.query("SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("address"), rs.getString("details")),
                size, (long) page * size);
    }

    /** oldest first: the rows written at or after {@code from} and before {@code to} */
    public List<Entry> between(Instant from, Instant to) {
        return jdbc.query("SELECT * FROM audit_log WHERE at >= ? AND at < ? ORDER BY at, id",
                (rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("address"), rs.getString("details")),
                Timestamp.from(from), Timestamp.from(to));
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Masks every run of 11 digits, except inside an identifier of the program's own (a launch's ticket is a UUID,
     * whose last group of 12 hexadecimal digits may hold 11 decimal ones — about once in a hundred tickets — and is
     * no PESEL).
     */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder(text.length());
        Matcher uuid = UUID_TEXT.matcher(text);
        int from = 0;
        while (uuid.find()) {
            masked.append(ELEVEN_DIGITS.matcher(text.substring(from, uuid.start())).replaceAll("***********"))
                    .append(uuid.group());
            from = uuid.end();
        }
        return masked.append(ELEVEN_DIGITS.matcher(text.substring(from)).replaceAll("***********")).toString();
    }
}
