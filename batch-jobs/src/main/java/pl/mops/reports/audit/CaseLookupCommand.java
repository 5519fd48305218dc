package pl.mops.reports.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;

/**
 * {@code sprawy --pseudonimy PLIK|R-…[,O-…] [--snapshot NR]}: for the MOPS's own staff, the cases behind pseudonyms
 * an auditor named (from {@code pochodzenie.csv} or a comparison with the case system): each pseudonym with its kind
 * and the case system's id, computed with the installation's key — which it never creates (without the key no
 * pseudonym can be matched) and never prints. The result goes to the terminal only, never into a file or a package;
 * the log records who looked and how many, not which.
 */
@Component
public class CaseLookupCommand implements CliCommand {

    private static final Logger log = LoggerFactory.getLogger(CaseLookupCommand.class);
    private static final Pattern PSEUDONYM = Pattern.compile("\\b([rod])-([0-9a-f]{16})\\b");

    private final PseudonymSecret secret;
    private final SnapshotRepository snapshots;
    private final NamedParameterJdbcTemplate jdbc;
    private final Console console;

    public CaseLookupCommand(PseudonymSecret secret, SnapshotRepository snapshots, NamedParameterJdbcTemplate jdbc,
                             Console console) {
        this.secret = secret;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
        this.console = console;
    }

    @Override
    public String name() {
        return "sprawy";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        String given = line.option("pseudonimy").orElseThrow(() -> new UserError("Podaj pseudonimy: --pseudonimy "
                + "R-3f9a0c1d2e4b5a69 (kilka po przecinku) albo --pseudonimy PLIK (np. pochodzenie.csv)", ExitCode.INVALID_INPUT, null));
        Set<String> wanted = pseudonyms(given);
        byte[] key = secret.existingKey().orElseThrow(() -> new UserError("Ta instalacja nie ma klucza pseudonimizacji ("
                + secret.file() + "): pseudonimy z paczek innej instalacji albo sprzed utraty klucza nie dają się "
                + "przyporządkować sprawom. Polecenie nie tworzy nowego klucza.", ExitCode.INVALID_INPUT, null));
        Snapshot snapshot = snapshots.resolve(line.option("snapshot", Long::valueOf, "numer migawki").orElse(null));
        Map<String, Object> parameters = Map.of("snapshot", snapshot.id(), "wanted", wanted.toArray(String[]::new),
                "innerKey", Pseudonyms.innerKey(key), "outerKey", Pseudonyms.outerKey(key));
        List<String[]> found = jdbc.query("""
                SELECT pseudonym, kind, id, details FROM (
                    SELECT 'rodzina' AS kind, rodzina_id AS id, 'dzielnica ' || dzielnica AS details,
                           """ + Pseudonyms.sqlExpression("'rodzina'", "rodzina_id") + """
                            AS pseudonym FROM rodziny WHERE snapshot_id = :snapshot
                    UNION ALL
                    SELECT 'osoba', osoba_id, NULL, """ + Pseudonyms.sqlExpression("'osoba'", "osoba_id") + """
                      FROM osoby WHERE snapshot_id = :snapshot
                    UNION ALL
                    SELECT 'decyzja', decyzja_id, 'rodzina ' || rodzina_id || ', ' || rodzaj || ' z ' || data_wydania,
                           """ + Pseudonyms.sqlExpression("'decyzja'", "decyzja_id") + """
                      FROM decyzje WHERE snapshot_id = :snapshot) x
                 WHERE pseudonym = ANY (CAST(:wanted AS text[]))
                 ORDER BY pseudonym""", parameters, (rs, i) -> new String[] {rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)});
        console.line("Sprawy za pseudonimami (migawka nr " + snapshot.id() + ", klucz tej instalacji; wynik tylko na "
                + "ekranie):");
        Set<String> matched = new LinkedHashSet<>();
        for (String[] row : found) {
            matched.add(row[0]);
            console.line("  " + row[0] + "  " + row[1] + " " + row[2] + (row[3] == null ? "" : " (" + row[3] + ")"));
        }
        for (String pseudonym : wanted) {
            if (!matched.contains(pseudonym)) {
                console.line("  " + pseudonym + "  nie znaleziono w migawce nr " + snapshot.id());
            }
        }
        log.info("sprawy: {} sprawdził {} pseudonimów w migawce {}, znaleziono {}",
                System.getProperty("user.name"), wanted.size(), snapshot.id(), matched.size());
        return ExitCode.SUCCESS;
    }

    /** the pseudonyms of the option: a list separated by commas or spaces, or a file (any text holding them) */
    static Set<String> pseudonyms(String given) {
        String text = given;
        Path file = Path.of(given);
        if (!given.matches("[RODrod]-[0-9a-fA-F]{16}([,; ]+[RODrod]-[0-9a-fA-F]{16})*") && Files.isRegularFile(file)) {
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("Nie można odczytać pliku " + file + ": " + e.getMessage(), ExitCode.INVALID_INPUT, e);
            }
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PSEUDONYM.matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (m.find()) {
            found.add(m.group(1).toUpperCase(java.util.Locale.ROOT) + "-" + m.group(2));
        }
        if (found.isEmpty()) {
            throw new UserError("W „" + (given.length() > 60 ? given.substring(0, 60) + "…" : given) + "” nie ma żadnego "
                    + "pseudonimu (postać: R-, O- albo D- i 16 cyfr szesnastkowych, np. R-3f9a0c1d2e4b5a69).", ExitCode.INVALID_INPUT, null);
        }
        return found;
    }
}
